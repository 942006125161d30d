import { NOTE_COLORS, type NoteColor } from '@samle/shared';
import { useTranslation } from 'react-i18next';
import { Icon } from '../ui/Icon';
import { NOTE_COLOR_STYLES } from './noteColors';

/** Colour and delete for the selected note. Digits 1–6 and Delete do the same from the keyboard. */
export function SelectionToolbar(props: {
  color: NoteColor;
  onRecolor: (color: NoteColor) => void;
  onEdit: () => void;
  onDelete: () => void;
}) {
  const { color, onRecolor, onEdit, onDelete } = props;
  const { t } = useTranslation();
  return (
    <div className="toolbar toolbar-selection" role="toolbar" aria-label={t('note.colorGroup')}>
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
      <button
        type="button"
        className="icon-button"
        aria-label={t('note.edit')}
        title={t('note.edit')}
        aria-keyshortcuts="Enter"
        onClick={onEdit}
      >
        <Icon name="edit" />
      </button>
      <button
        type="button"
        className="icon-button icon-button-danger"
        data-testid="delete-note"
        aria-label={t('note.delete')}
        title={t('note.delete')}
        aria-keyshortcuts="Delete"
        onClick={onDelete}
      >
        <Icon name="trash" />
      </button>
    </div>
  );
}
