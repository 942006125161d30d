import { type CreateWorkshopBody, WORKSHOP_TEMPLATES } from '@samle/shared';
import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { apiErrorMessage } from '../api/errorMessage';
import { createWorkshop } from '../api/workshopApi';
import { navigate } from '../routing/navigation';
import { workshopPath } from '../routing/routes';
import { Field } from '../ui/Field';
import { Icon } from '../ui/Icon';

type Template = CreateWorkshopBody['template'];

/** Title, organisation, template and first date → a new workshop, opened in the cockpit. */
export function NewWorkshopForm() {
  const { t } = useTranslation();
  const templateId = useId();
  const [title, setTitle] = useState('');
  const [organisation, setOrganisation] = useState('');
  const [template, setTemplate] = useState<Template>('municipal-process');
  const [startDate, setStartDate] = useState('');
  const [missingTitle, setMissingTitle] = useState(false);
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);

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
        template,
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
            onChange={(e) => setTemplate(e.target.value as Template)}
          >
            {WORKSHOP_TEMPLATES.map((name) => (
              <option key={name} value={name}>
                {t(`workshops.templates.${name}`)}
              </option>
            ))}
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
