import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Icon } from '../ui/Icon';

/** Shown when a link points at a note that is no longer on the board (the catalog keeps its text). */
export function NoteGoneBanner() {
  const { t } = useTranslation();
  const [dismissed, setDismissed] = useState(false);
  if (dismissed) return null;
  return (
    <div className="banner banner-note-gone" role="status" data-testid="note-deleted-banner">
      <Icon name="info" />
      <span>
        <strong>{t('noteLink.goneTitle')}</strong> {t('noteLink.goneText')}
      </span>
      <button
        type="button"
        className="button button-ghost button-small"
        onClick={() => setDismissed(true)}
        data-testid="note-deleted-dismiss"
      >
        {t('noteLink.dismiss')}
      </button>
    </div>
  );
}
