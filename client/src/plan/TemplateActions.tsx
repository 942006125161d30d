import type { WorkshopDetail } from '@samle/shared';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { apiErrorMessage } from '../api/errorMessage';
import { duplicateWorkshop, saveAsTemplate } from '../api/planApi';
import { navigate } from '../routing/navigation';
import { workshopPath } from '../routing/routes';
import { Field } from '../ui/Field';
import { Icon } from '../ui/Icon';

type Open = 'none' | 'template' | 'duplicate';

/** "Save as template" and "duplicate the process": structure and texts, never people, tables or notes. */
export function TemplateActions({ detail }: { detail: WorkshopDetail }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState<Open>('none');
  const [title, setTitle] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const [savedAs, setSavedAs] = useState<string>();

  const show = (which: Open) => {
    setOpen(which);
    setError(undefined);
    setSavedAs(undefined);
    setTitle(which === 'duplicate' ? t('plan.copyOf', { title: detail.workshop.title }) : detail.workshop.title);
  };
  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (!title.trim()) return;
    setBusy(true);
    setError(undefined);
    try {
      if (open === 'template') {
        const template = await saveAsTemplate(detail.workshop.id, { title: title.trim() });
        setSavedAs(template.title);
        setOpen('none');
      } else {
        const copy = await duplicateWorkshop(detail.workshop.id, { title: title.trim() });
        navigate(workshopPath(copy.workshop.id));
      }
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="panel plan-templates" aria-labelledby="plan-templates-title">
      <h2 id="plan-templates-title" className="sr-only">
        {t('plan.saveAsTemplate')}
      </h2>
      {savedAs && (
        <p className="notice notice-ok" role="status" data-testid="template-saved">
          {t('plan.templateSaved', { title: savedAs })}
        </p>
      )}
      {open === 'none' ? (
        <div className="panel-actions">
          <button type="button" className="button" data-testid="plan-save-template" onClick={() => show('template')}>
            <Icon name="copy" />
            {t('plan.saveAsTemplate')}
          </button>
          <button type="button" className="button" data-testid="plan-duplicate" onClick={() => show('duplicate')}>
            <Icon name="copy" />
            {t('plan.duplicate')}
          </button>
        </div>
      ) : (
        <form className="plan-template-form" onSubmit={onSubmit} aria-busy={busy}>
          <Field
            label={open === 'template' ? t('plan.templateTitle') : t('plan.duplicateTitle')}
            hint={t('plan.duplicateHint')}
            value={title}
            maxLength={120}
            testId="plan-template-title"
            error={title.trim() ? undefined : t('plan.problems.titleRequired')}
            onChange={(e) => setTitle(e.target.value)}
          />
          {error !== undefined && (
            <p className="field-error" role="alert">
              {apiErrorMessage(t, error)}
            </p>
          )}
          <div className="panel-actions">
            <button
              type="submit"
              className="button button-primary"
              data-testid="plan-template-submit"
              disabled={busy || !title.trim()}
            >
              {open === 'template' ? t('plan.saveTemplateSubmit') : t('plan.duplicateSubmit')}
            </button>
            <button type="button" className="button" onClick={() => setOpen('none')}>
              {t('plan.cancel')}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
