import { useTranslation } from 'react-i18next';
import type { BoardCommand } from '../interaction/boardKeys';
import { Icon } from '../ui/Icon';

/** Add note, zoom and fit: the board's always-visible tools. */
export function BoardToolbar(props: { zoom: number; run: (command: BoardCommand) => void; readOnly: boolean }) {
  const { zoom, run, readOnly } = props;
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
            aria-keyshortcuts="N"
            onClick={() => run({ kind: 'addNote' })}
          >
            <Icon name="plus" />
            {t('board.addNote')}
          </button>
          <span className="toolbar-divider" aria-hidden="true" />
        </>
      )}
      <button
        type="button"
        className="icon-button"
        aria-label={t('board.zoomOut')}
        title={t('board.zoomOut')}
        aria-keyshortcuts="-"
        data-testid="zoom-out"
        onClick={() => run({ kind: 'zoomOut' })}
      >
        <Icon name="minus" />
      </button>
      <button
        type="button"
        className="zoom-level"
        aria-label={t('board.zoomReset')}
        title={t('board.zoomReset')}
        aria-keyshortcuts="0"
        data-testid="zoom-level"
        onClick={() => run({ kind: 'zoomReset' })}
      >
        {percent}
      </button>
      <button
        type="button"
        className="icon-button"
        aria-label={t('board.zoomIn')}
        title={t('board.zoomIn')}
        aria-keyshortcuts="+"
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
        aria-keyshortcuts="F"
        data-testid="zoom-fit"
        onClick={() => run({ kind: 'fit' })}
      >
        <Icon name="fit" />
      </button>
    </div>
  );
}
