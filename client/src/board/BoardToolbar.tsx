import { useTranslation } from 'react-i18next';
import type { BoardCommand } from '../interaction/boardKeys';
import { Icon } from '../ui/Icon';
import { BOARD_ACTIONS } from './boardActions';

/** Add note, add theme, undo/redo, zoom and fit: the board's always-visible tools. */
export function BoardToolbar(props: {
  zoom: number;
  run: (command: BoardCommand) => void;
  readOnly: boolean;
  canUndo: boolean;
  canRedo: boolean;
  /** Notes are selected: the theme button groups them. */
  grouping: boolean;
}) {
  const { zoom, run, readOnly, canUndo, canRedo, grouping } = props;
  const { t, i18n } = useTranslation();
  const percent = new Intl.NumberFormat(i18n.language, { style: 'percent' }).format(zoom);
  return (
    <div className="toolbar toolbar-main" role="toolbar" aria-label={t('board.toolbar')}>
      {!readOnly && (
        <>
          <button
            type="button"
            className="button button-primary"
            data-testid="add-note"
            aria-keyshortcuts={BOARD_ACTIONS.addNote.shortcut}
            onClick={() => run({ kind: 'addNote' })}
          >
            <Icon name="plus" />
            {t('board.addNote')}
          </button>
          <button
            type="button"
            className="button button-ghost"
            data-testid="add-cluster"
            aria-keyshortcuts={BOARD_ACTIONS.addCluster.shortcut}
            title={`${grouping ? t('selection.group') : t('board.addCluster')} (C)`}
            onClick={() => run({ kind: 'addCluster' })}
          >
            <Icon name="frame" />
            {t('board.addCluster')}
          </button>
          <span className="toolbar-divider" aria-hidden="true" />
          <button
            type="button"
            className="icon-button"
            data-testid="undo"
            aria-label={t('board.undo')}
            title={`${t('board.undo')} (${t('keys.mod')}+Z)`}
            aria-keyshortcuts={BOARD_ACTIONS.undo.shortcut}
            aria-disabled={!canUndo}
            onClick={() => canUndo && run({ kind: 'undo' })}
          >
            <Icon name="undo" />
          </button>
          <button
            type="button"
            className="icon-button"
            data-testid="redo"
            aria-label={t('board.redo')}
            title={`${t('board.redo')} (${t('keys.mod')}+Shift+Z)`}
            aria-keyshortcuts={BOARD_ACTIONS.redo.shortcut}
            aria-disabled={!canRedo}
            onClick={() => canRedo && run({ kind: 'redo' })}
          >
            <Icon name="redo" />
          </button>
          <span className="toolbar-divider" aria-hidden="true" />
        </>
      )}
      <button
        type="button"
        className="icon-button"
        aria-label={t('board.zoomOut')}
        title={t('board.zoomOut')}
        aria-keyshortcuts={BOARD_ACTIONS.zoomOut.shortcut}
        data-testid="zoom-out"
        onClick={() => run({ kind: 'zoomOut' })}
      >
        <Icon name="minus" />
      </button>
      <button
        type="button"
        className="zoom-level"
        title={t('board.zoomReset')}
        aria-keyshortcuts={BOARD_ACTIONS.zoomReset.shortcut}
        data-testid="zoom-level"
        onClick={() => run({ kind: 'zoomReset' })}
      >
        {percent}
        <span className="sr-only"> – {t('board.zoomReset')}</span>
      </button>
      <button
        type="button"
        className="icon-button"
        aria-label={t('board.zoomIn')}
        title={t('board.zoomIn')}
        aria-keyshortcuts={BOARD_ACTIONS.zoomIn.shortcut}
        data-testid="zoom-in"
        onClick={() => run({ kind: 'zoomIn' })}
      >
        <Icon name="plus" />
      </button>
      <button
        type="button"
        className="icon-button"
        aria-label={t('board.fit')}
        title={t('board.fit')}
        aria-keyshortcuts={BOARD_ACTIONS.fit.shortcut}
        data-testid="zoom-fit"
        onClick={() => run({ kind: 'fit' })}
      >
        <Icon name="fit" />
      </button>
    </div>
  );
}
