import type { PublishPreview } from '@samle/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Credential } from '../api/http';
import { request } from '../api/http';
import { CatalogDocument } from './CatalogDocument';

/**
 * The facilitator's look before publishing: what changed since the last
 * publication, idea by idea, and the catalog exactly as participants would see
 * it (the server builds it the way it publishes: no internal notes, no estimates).
 */
export function PublishPreviewPanel({ workshopId, credential }: { workshopId: string; credential: Credential }) {
  const { t } = useTranslation();
  const [preview, setPreview] = useState<PublishPreview>();
  const [open, setOpen] = useState(false);
  const [failed, setFailed] = useState(false);

  async function toggle() {
    if (open) {
      setOpen(false);
      return;
    }
    setFailed(false);
    try {
      setPreview(
        await request<PublishPreview>(`/api/workshops/${encodeURIComponent(workshopId)}/published/preview`, {
          credential,
        }),
      );
      setOpen(true);
    } catch {
      setFailed(true);
    }
  }

  return (
    <div className="publish-preview no-print">
      <button
        type="button"
        className="button button-small"
        aria-expanded={open}
        data-testid="publish-preview-toggle"
        onClick={() => void toggle()}
      >
        {open ? t('evidence.previewHide') : t('evidence.previewShow')}
      </button>
      {failed && (
        <p className="field-error" role="alert">
          {t('leaders.loadError')}
        </p>
      )}
      {open && preview && (
        <section className="publish-preview-body" data-testid="publish-preview" aria-label={t('evidence.previewTitle')}>
          <h2 className="evidence-label">{t('evidence.previewChanges')}</h2>
          {preview.changes.length === 0 ? (
            <p className="muted">{t('evidence.previewNoChanges')}</p>
          ) : (
            <ul className="publish-changes">
              {preview.changes.map((change) => (
                <li key={change.ideaId} data-testid="publish-change" data-change={change.change}>
                  <strong>{change.title}</strong> — {t(`evidence.change.${change.change}`)}
                  {change.fields.length > 0 &&
                    `: ${change.fields.map((field) => t(`evidence.field.${field}`)).join(', ')}`}
                </li>
              ))}
            </ul>
          )}
          <h2 className="evidence-label">{t('evidence.previewTitle')}</h2>
          <CatalogDocument ideas={preview.ideas} />
        </section>
      )}
    </div>
  );
}
