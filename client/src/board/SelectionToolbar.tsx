import { NOTE_COLORS, NOTE_SIZES, type NoteColor, type NoteSize } from '@samle/shared';
import { useTranslation } from 'react-i18next';
import { Icon } from '../ui/Icon';
import { NOTE_COLOR_STYLES } from './noteColors';

/**
 * What can be done to the selected notes — one or many: colour, size,
 * duplicate, group into a theme, delete. Digits 1–6, ctrl/⌘+D, C and Delete do
 * the same from the keyboard; Enter edits a single note.
 */
export function SelectionToolbar(props: {
  count: number;
  /** The colour all selected notes share, if they do. */
  color: NoteColor | undefined;
  /** The size preset all selected notes share, if they do. */
  size: NoteSize | undefined;
  onRecolor: (color: NoteColor) => void;
  onResize: (size: NoteSize) => void;
  onEdit: (() => void) | undefined;
  onDuplicate: () => void;
  onGroup: () => void;
  onDelete: () => void;
}) {
  const { count, color, size, onRecolor, onResize, onEdit, onDuplicate, onGroup, onDelete } = props;
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
          <button
            key={name}
            type="button"
            className="swatch"
            data-testid={`color-${name}`}
            aria-label={t('note.setColor', { color: t(`colors.${name}`) })}
            title={`${t(`colors.${name}`)} (${index + 1})`}
            aria-pressed={name === color}
            aria-keyshortcuts={String(index + 1)}
            style={{ background: NOTE_COLOR_STYLES[name].background, borderColor: NOTE_COLOR_STYLES[name].edge }}
            onClick={() => onRecolor(name)}
          />
        ))}
      </fieldset>
      <span className="toolbar-divider" aria-hidden="true" />
      <fieldset className="size-presets" aria-label={t('note.sizeGroup')}>
        {(Object.keys(NOTE_SIZES) as NoteSize[]).map((name) => (
          <button
            key={name}
            type="button"
            className="size-button"
            data-testid={`size-${name}`}
            aria-label={t('note.setSize', { size: t(`sizes.${name}`) })}
            title={t(`sizes.${name}`)}
            aria-pressed={name === size}
            onClick={() => onResize(name)}
          >
            {name.toUpperCase()}
          </button>
        ))}
      </fieldset>
      <span className="toolbar-divider" aria-hidden="true" />
      {onEdit && (
        <button
          type="button"
          className="icon-button"
          aria-label={t('note.edit')}
          title={`${t('note.edit')} (Enter)`}
          aria-keyshortcuts="Enter"
          onClick={onEdit}
        >
          <Icon name="edit" />
        </button>
      )}
      <button
        type="button"
        className="icon-button"
        data-testid="duplicate"
        aria-label={t('selection.duplicate', { count })}
        title={`${t('selection.duplicate', { count })} (${t('keys.mod')}+D)`}
        aria-keyshortcuts="Control+D Meta+D"
        onClick={onDuplicate}
      >
        <Icon name="copy" />
      </button>
      <button
        type="button"
        className="button button-small toolbar-text-button"
        data-testid="group-selection"
        title={`${t('selection.group')} (C)`}
        aria-keyshortcuts="C"
        onClick={onGroup}
      >
        <Icon name="group" />
        {t('selection.group')}
      </button>
      <button
        type="button"
        className="icon-button icon-button-danger"
        data-testid="delete-note"
        aria-label={t('selection.delete', { count })}
        title={`${t('selection.delete', { count })} (Delete)`}
        aria-keyshortcuts="Delete"
        onClick={onDelete}
      >
        <Icon name="trash" />
      </button>
    </div>
  );
}
