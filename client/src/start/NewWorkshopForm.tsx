import { type CreateWorkshopBody, type SavedTemplate, WORKSHOP_TEMPLATES } from '@samle/shared';
import { type FormEvent, useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { apiErrorMessage } from '../api/errorMessage';
import { listSavedTemplates } from '../api/planApi';
import { createWorkshop } from '../api/workshopApi';
import { navigate } from '../routing/navigation';
import { workshopPath } from '../routing/routes';
import { Field } from '../ui/Field';
import { Icon } from '../ui/Icon';

type Template = CreateWorkshopBody['template'];

const SAVED = 'saved:';

/** Title, organisation, template and first date → a new workshop, opened in the cockpit. */
export function NewWorkshopForm() {
  const { t } = useTranslation();
  const templateId = useId();
  const [title, setTitle] = useState('');
  const [organisation, setOrganisation] = useState('');
  // A built-in template's name, or `saved:<id>` for one of this facilitator's saved templates.
  const [template, setTemplate] = useState<string>('municipal-process');
  const [saved, setSaved] = useState<SavedTemplate[]>([]);
  const [startDate, setStartDate] = useState('');
  const [missingTitle, setMissingTitle] = useState(false);
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    const controller = new AbortController();
    listSavedTemplates(controller.signal).then(setSaved, (caught: unknown) => {
      // Without the list, the built-in templates still work; say why the saved ones are missing.
      if (!controller.signal.aborted) setError(caught);
    });
    return () => controller.abort();
  }, []);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (!title.trim()) {
      setMissingTitle(true);
      return;
    }
    setBusy(true);
    setError(undefined);
    try {
      const detail = await createWorkshop({
        title: title.trim(),
        ...(template.startsWith(SAVED)
          ? { template: 'blank' as const, savedTemplateId: template.slice(SAVED.length) }
          : { template: template as Template }),
        ...(organisation.trim() ? { organisation: organisation.trim() } : {}),
        ...(startDate ? { startDate } : {}),
      });
      navigate(workshopPath(detail.workshop.id));
    } catch (caught) {
      setError(caught);
      setBusy(false);
    }
  };

  return (
    <form className="card create-form new-workshop" onSubmit={onSubmit} noValidate aria-busy={busy}>
      <h2 className="card-title">{t('workshops.newHeading')}</h2>
      <div className="form-grid">
        <Field
          label={t('workshops.titleLabel')}
          testId="workshop-title-input"
          value={title}
          placeholder={t('workshops.titlePlaceholder')}
          maxLength={120}
          autoComplete="off"
          error={missingTitle ? t('workshops.titleRequired') : undefined}
          onChange={(e) => {
            setTitle(e.target.value);
            setMissingTitle(false);
          }}
        />
        <Field
          label={t('workshops.organisationLabel')}
          testId="workshop-organisation-input"
          value={organisation}
          placeholder={t('workshops.organisationPlaceholder')}
          maxLength={120}
          onChange={(e) => setOrganisation(e.target.value)}
        />
        <div className="field">
          <label className="field-label" htmlFor={templateId}>
            {t('workshops.templateLabel')}
          </label>
          <select
            id={templateId}
            className="select"
            data-testid="workshop-template"
            value={template}
            onChange={(e) => setTemplate(e.target.value)}
          >
            {WORKSHOP_TEMPLATES.map((name) => (
              <option key={name} value={name}>
                {t(`workshops.templates.${name}`)}
              </option>
            ))}
            {saved.length > 0 && (
              <optgroup label={t('workshops.savedTemplates')}>
                {saved.map((entry) => (
                  <option key={entry.id} value={`${SAVED}${entry.id}`}>
                    {entry.title}
                  </option>
                ))}
              </optgroup>
            )}
          </select>
        </div>
        <Field
          label={t('workshops.startDateLabel')}
          testId="workshop-start-date"
          type="date"
          value={startDate}
          onChange={(e) => setStartDate(e.target.value)}
        />
      </div>
      {error !== undefined && (
        <p className="field-error" role="alert">
          {apiErrorMessage(t, error)}
        </p>
      )}
      <button className="button button-primary" type="submit" data-testid="create-workshop" disabled={busy}>
        <Icon name="plus" />
        {busy ? t('workshops.creating') : t('workshops.create')}
      </button>
    </form>
  );
}
