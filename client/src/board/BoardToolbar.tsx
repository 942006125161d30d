import { useTranslation } from 'react-i18next';
import { ActionButton, type ActionTools } from './ActionButton';

/**
 * Add note, add theme, undo/redo, zoom and fit: the board's always-visible tools,
 * each a command of the actions table (boardActions.ts), which gives its name,
 * shortcut and whether it is enabled (undo: only with something to undo).
 */
export function BoardToolbar(props: { zoom: number; tools: ActionTools; readOnly: boolean }) {
  const { zoom, tools, readOnly } = props;
  const { t, i18n } = useTranslation();
  const percent = new Intl.NumberFormat(i18n.language, { style: 'percent' }).format(zoom);
  return (
    <div className="toolbar toolbar-main" role="toolbar" aria-label={t('board.toolbar')}>
      {/* Groups: on a phone (board-toolbars.css) adding gets the first row, history and zoom share the second. */}
      {!readOnly && (
        <>
          <div className="toolbar-group toolbar-group-add">
            <ActionButton
              command={{ kind: 'addNote' }}
              tools={tools}
              className="button button-primary"
              testId="add-note"
              icon="plus"
              text
            />
            {/* Its title says what C does now (group the selected notes); its text stays "Add theme". */}
            <ActionButton
              command={{ kind: 'addCluster' }}
              tools={tools}
              className="button button-ghost"
              testId="add-cluster"
              icon="frame"
              text={t('board.addCluster')}
            />
          </div>
          <span className="toolbar-divider" aria-hidden="true" />
          <div className="toolbar-group">
            <ActionButton command={{ kind: 'undo' }} tools={tools} className="icon-button" testId="undo" icon="undo" />
            <ActionButton command={{ kind: 'redo' }} tools={tools} className="icon-button" testId="redo" icon="redo" />
          </div>
          <span className="toolbar-divider" aria-hidden="true" />
        </>
      )}
      <div className="toolbar-group">
        <ActionButton
          command={{ kind: 'zoomOut' }}
          tools={tools}
          className="icon-button"
          testId="zoom-out"
          icon="minus"
        />
        <ActionButton
          command={{ kind: 'zoomReset' }}
          tools={tools}
          className="zoom-level"
          testId="zoom-level"
          namedByContent
          content={
            <>
              {percent}
              <span className="sr-only"> – {t('board.zoomReset')}</span>
            </>
          }
        />
        <ActionButton command={{ kind: 'zoomIn' }} tools={tools} className="icon-button" testId="zoom-in" icon="plus" />
        <ActionButton command={{ kind: 'fit' }} tools={tools} className="icon-button" testId="zoom-fit" icon="fit" />
      </div>
    </div>
  );
}
