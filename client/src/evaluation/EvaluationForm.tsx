import type { Evaluation } from '@samle/shared';
import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { respondToEvaluation } from '../api/evaluationApi';
import type { Credential } from '../api/http';
import { toolErrorMessage } from '../api/toolErrorMessage';
import { missingRatings, RATING_VALUES, type RatingChoices, toResponseBody } from './responseForm';

/** A participant's or leader's answer: 1–5 for each rating, and the optional free text. */
export function EvaluationForm({ evaluation, credential }: { evaluation: Evaluation; credential: Credential }) {
  const { t } = useTranslation();
  const id = useId();
  const [choices, setChoices] = useState<RatingChoices>({});
  const [text, setText] = useState('');
  const [missing, setMissing] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string>();
  const [sent, setSent] = useState(evaluation.answered);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const unanswered = missingRatings(evaluation, choices);
    setMissing(unanswered);
    if (unanswered.length > 0) {
      document.getElementById(`${id}-${unanswered[0]}`)?.querySelector('input')?.focus();
      return;
    }
    setBusy(true);
    setFailure(undefined);
    try {
      await respondToEvaluation(evaluation.id, toResponseBody(evaluation, choices, text), credential);
      setSent(true);
    } catch (error) {
      setFailure(toolErrorMessage(t, error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="panel stack evaluation-form" onSubmit={submit} noValidate>
      <p className="lead">{t('evaluation.intro')}</p>
      <p className="muted">{evaluation.anonymous ? t('evaluation.anonymousNote') : t('evaluation.namedNote')}</p>
      {sent && (
        <p className="notice notice-ok" role="status" data-testid="evaluation-thanks">
          {t('evaluation.thanks')}
        </p>
      )}
      {evaluation.ratings.map((rating, index) => {
        const isMissing = missing.includes(rating.id);
        return (
          <fieldset
            key={rating.id}
            id={`${id}-${rating.id}`}
            className="rating-group"
            data-testid="evaluation-rating"
            data-rating-id={rating.id}
            data-missing={isMissing}
            aria-describedby={isMissing ? `${id}-${rating.id}-missing` : `${id}-scale`}
          >
            <legend className="rating-question">
              <span className="rating-number">{index + 1}.</span> {rating.label}
            </legend>
            <div className="rating-scale">
              {RATING_VALUES.map((value) => (
                <label key={value} className="rating-option" data-checked={choices[rating.id] === value}>
                  <input
                    type="radio"
                    name={`${id}-${rating.id}`}
                    value={value}
                    checked={choices[rating.id] === value}
                    aria-label={t('evaluation.ratingValue', { value })}
                    onChange={() => {
                      setChoices((old) => ({ ...old, [rating.id]: value }));
                      setMissing((old) => old.filter((m) => m !== rating.id));
                    }}
                  />
                  <span aria-hidden="true">{value}</span>
                </label>
              ))}
            </div>
            {isMissing && (
              <p id={`${id}-${rating.id}-missing`} className="field-error">
                {t('evaluation.incomplete')}
              </p>
            )}
          </fieldset>
        );
      })}
      <p id={`${id}-scale`} className="field-hint rating-scale-hint">
        {t('evaluation.scaleLow')} · {t('evaluation.scaleHigh')}
      </p>
      {evaluation.freeText !== null && (
        <div className="field">
          <label className="field-label" htmlFor={`${id}-text`}>
            {evaluation.freeText}
          </label>
          <textarea
            id={`${id}-text`}
            className="text-input text-area"
            data-testid="evaluation-text"
            rows={4}
            maxLength={4000}
            value={text}
            onChange={(event) => setText(event.target.value)}
          />
        </div>
      )}
      {missing.length > 0 && (
        <p className="field-error" role="alert">
          {t('evaluation.incomplete')}
        </p>
      )}
      {failure && (
        <p className="field-error" role="alert">
          {failure}
        </p>
      )}
      <button type="submit" className="button button-primary" data-testid="evaluation-submit" disabled={busy}>
        {busy ? t('evaluation.submitting') : sent ? t('evaluation.update') : t('evaluation.submit')}
      </button>
    </form>
  );
}
