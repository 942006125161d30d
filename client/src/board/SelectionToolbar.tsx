import { NOTE_COLORS, NOTE_SIZES, type NoteColor, type NoteSize } from '@samle/shared';
import { useTranslation } from 'react-i18next';
import { ActionButton, type ActionTools } from './ActionButton';
import { NOTE_COLOR_STYLES } from './noteColors';

/**
 * What can be done to the selected notes — one or many: colour, size, edit,
 * duplicate, group into a theme, delete. Each button is a command of the actions
 * table (boardActions.ts), which gives its name, shortcut and whether it is enabled.
 */
export function SelectionToolbar(props: {
  count: number;
  /** The colour all selected notes share, if they do. */
  color: NoteColor | undefined;
  /** The size preset all selected notes share, if they do. */
  size: NoteSize | undefined;
  tools: ActionTools;
}) {
  const { count, color, size, tools } = props;
  const { t } = useTranslation();
  return (
    <div
      className="toolbar toolbar-selection"
      role="toolbar"
      aria-label={t('selection.toolbar', { count })}
      data-testid="selection-toolbar"
    >
      {count > 1 && (
        <span className="selection-count" data-testid="selection-count">
          {t('selection.count', { count })}
        </span>
      )}
      <fieldset className="swatches" aria-label={t('note.colorGroup')}>
        {NOTE_COLORS.map((name, index) => (
          <ActionButton
            key={name}
            command={{ kind: 'recolorSelected', index }}
            tools={tools}
            className="swatch"
            testId={`color-${name}`}
            pressed={name === color}
            style={{ background: NOTE_COLOR_STYLES[name].background, borderColor: NOTE_COLOR_STYLES[name].edge }}
          />
        ))}
      </fieldset>
      <span className="toolbar-divider" aria-hidden="true" />
      <fieldset className="size-presets" aria-label={t('note.sizeGroup')}>
        {(Object.keys(NOTE_SIZES) as NoteSize[]).map((name) => (
          <ActionButton
            key={name}
            command={{ kind: 'resizeSelected', size: name }}
            tools={tools}
            className="size-button"
            testId={`size-${name}`}
            pressed={name === size}
            content={name.toUpperCase()}
          />
        ))}
      </fieldset>
      <span className="toolbar-divider toolbar-divider-actions" aria-hidden="true" />
      {/* On a phone (board-toolbars.css) what the notes look like is the first row, what to do with them the second. */}
      <div className="toolbar-group toolbar-group-actions">
        {count === 1 && (
          <ActionButton command={{ kind: 'editSelected' }} tools={tools} className="icon-button" icon="edit" />
        )}
        <ActionButton
          command={{ kind: 'duplicateSelected' }}
          tools={tools}
          className="icon-button"
          testId="duplicate"
          icon="copy"
        />
        <ActionButton
          command={{ kind: 'addCluster' }}
          tools={tools}
          className="button button-small toolbar-text-button"
          testId="group-selection"
          icon="group"
          text
        />
        <ActionButton
          command={{ kind: 'deleteSelected' }}
          tools={tools}
          className="icon-button icon-button-danger"
          testId="delete-note"
          icon="trash"
        />
      </div>
    </div>
  );
}
