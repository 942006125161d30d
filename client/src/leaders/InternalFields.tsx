import { type AssessIdeaBody, type AssessmentView, DKK_MAX, HOURS_MAX, INTERNAL_NOTE_MAX } from '@samle/shared';
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { parseWholeNumber } from './estimates';

type EstimateKey = 'oneOffDkk' | 'yearlyDkk' | 'staffHours';
const ESTIMATES: Array<[EstimateKey, number]> = [
  ['oneOffDkk', DKK_MAX],
  ['yearlyDkk', DKK_MAX],
  ['staffHours', HOURS_MAX],
];

/**
 * What only management sees of an idea: the internal note (never published, never
 * in an export but the internal one) and the estimates the council case needs.
 * Each field saves on blur or Enter; a value that is not a whole number of 0 or
 * more gets a message and the saved value stays — the field is never cleared.
 */
export function InternalFields({
  assessment,
  save,
}: {
  assessment: AssessmentView | undefined;
  save: (patch: AssessIdeaBody) => Promise<boolean>;
}) {
  const { t } = useTranslation();
  const noteId = useId();
  const hintId = useId();
  const [note, setNote] = useState(assessment?.internalNote ?? '');
  useEffect(() => setNote(assessment?.internalNote ?? ''), [assessment?.internalNote]);

  function commitNote() {
    if (note !== (assessment?.internalNote ?? '')) void save({ internalNote: note });
  }

  return (
    <div className="internal-fields">
      <div className="assessment-block internal-note">
        <label className="field-label" htmlFor={noteId}>
          {t('evidence.internalNote')}
        </label>
        <textarea
          id={noteId}
          className="text-input internal-note-input"
          rows={3}
          maxLength={INTERNAL_NOTE_MAX}
          value={note}
          aria-describedby={hintId}
          placeholder={t('evidence.internalNotePlaceholder')}
          data-testid="internal-note"
          onChange={(event) => setNote(event.target.value)}
          onBlur={commitNote}
          onKeyDown={(event) => {
            if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) commitNote();
          }}
        />
        <p className="field-hint" id={hintId}>
          {t('evidence.internalNoteHint')}
        </p>
      </div>
      <fieldset className="assessment-block">
        <legend className="field-label">{t('evidence.estimates')}</legend>
        <div className="estimate-grid">
          {ESTIMATES.map(([key, max]) => (
            <EstimateField key={key} field={key} max={max} saved={assessment?.[key] ?? null} save={save} />
          ))}
        </div>
      </fieldset>
    </div>
  );
}

function EstimateField({
  field,
  max,
  saved,
  save,
}: {
  field: EstimateKey;
  max: number;
  saved: number | null;
  save: (patch: AssessIdeaBody) => Promise<boolean>;
}) {
  const { t } = useTranslation();
  const id = useId();
  const errorId = useId();
  // Shown without thousands separators: a comma is a decimal mark in Danish, a separator in English.
  const [draft, setDraft] = useState(saved === null ? '' : String(saved));
  const [invalid, setInvalid] = useState<string>();
  useEffect(() => setDraft(saved === null ? '' : String(saved)), [saved]);

  function commit() {
    const parsed = parseWholeNumber(draft, 0, max);
    if (!parsed.ok) {
      setInvalid(draft);
      return;
    }
    setInvalid(undefined);
    if (parsed.value !== saved) void save({ [field]: parsed.value });
  }

  return (
    <label className="assessment-field" htmlFor={id}>
      <span className="field-label">{t(`evidence.${field}`)}</span>
      <input
        id={id}
        className="text-input"
        type="text"
        inputMode="numeric"
        value={draft}
        aria-invalid={invalid !== undefined}
        aria-describedby={invalid !== undefined ? errorId : undefined}
        data-testid={`estimate-${field}`}
        onChange={(event) => setDraft(event.target.value)}
        onBlur={commit}
        onKeyDown={(event) => event.key === 'Enter' && commit()}
      />
      {invalid !== undefined && (
        <span className="field-error" id={errorId} role="alert">
          {t('evidence.notANumber', { value: invalid })}
        </span>
      )}
    </label>
  );
}
