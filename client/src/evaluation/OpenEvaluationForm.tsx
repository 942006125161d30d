import type { Evaluation } from '@samle/shared';
import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { openEvaluation } from '../api/evaluationApi';
import type { Credential } from '../api/http';
import { toolErrorMessage } from '../api/toolErrorMessage';
import { Icon } from '../ui/Icon';
import {
  addRating,
  type DraftProblem,
  defaultDraft,
  draftProblems,
  draftToBody,
  type EvaluationDraft,
  LABEL_MAX,
  RATINGS_MAX,
  removeRating,
  withRating,
} from './evaluationDraft';

/** The facilitator opens an evaluation: rating questions (prefilled, editable), a free-text question, anonymity. */
export function OpenEvaluationForm(props: {
  workshopId: string;
  credential: Credential;
  /** The process's evaluation questions (plan editor); the general ones when empty. */
  questions: readonly string[];
  onOpened: (evaluation: Evaluation) => void;
}) {
  const { workshopId, credential, questions, onOpened } = props;
  const { t } = useTranslation();
  const id = useId();
  const [draft, setDraft] = useState<EvaluationDraft>(() =>
    defaultDraft({
      ratings:
        questions.length > 0
          ? [...questions]
          : [t('evaluation.defaults.rating1'), t('evaluation.defaults.rating2'), t('evaluation.defaults.rating3')],
      freeText: t('evaluation.defaults.freeText'),
    }),
  );
  const [shown, setShown] = useState<DraftProblem[]>([]);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string>();

  const problemAt = (index: number) => shown.find((p) => 'index' in p && p.index === index);
  const ratingError = (index: number) => {
    const problem = problemAt(index);
    if (!problem) return undefined;
    return problem.kind === 'ratingRequired'
      ? t('evaluation.ratingRequired', { number: index + 1 })
      : t('evaluation.ratingTooLong', { max: LABEL_MAX });
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const problems = draftProblems(draft);
    setShown(problems);
    if (problems.length > 0) return;
    setBusy(true);
    setFailure(undefined);
    try {
      onOpened(await openEvaluation(workshopId, draftToBody(draft), credential));
    } catch (error) {
      setFailure(toolErrorMessage(t, error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      className="panel stack open-evaluation"
      onSubmit={submit}
      noValidate
      aria-labelledby={`${id}-heading`}
      data-testid="evaluation-open"
    >
      <h2 id={`${id}-heading`} className="panel-title">
        {t('evaluation.openHeading')}
      </h2>
      <p className="muted">{t('evaluation.openIntro')}</p>
      <fieldset className="rating-labels">
        <legend className="field-label">{t('evaluation.ratingsHeading')}</legend>
        <ol className="rating-label-list">
          {draft.ratings.map((label, index) => {
            const error = ratingError(index);
            const inputId = `${id}-rating-${index}`;
            return (
              // Questions have no ids before they are sent; the position is what the facilitator edits.
              // biome-ignore lint/suspicious/noArrayIndexKey: see above.
              <li key={index} className="rating-label-row">
                <label className="sr-only" htmlFor={inputId}>
                  {t('evaluation.ratingLabel', { number: index + 1 })}
                </label>
                <input
                  id={inputId}
                  className="text-input"
                  data-testid="evaluation-rating-label"
                  value={label}
                  maxLength={LABEL_MAX + 50}
                  aria-invalid={error !== undefined}
                  aria-describedby={error ? `${inputId}-error` : undefined}
                  onChange={(event) => setDraft((old) => withRating(old, index, event.target.value))}
                />
                <button
                  type="button"
                  className="icon-button icon-button-danger"
                  aria-label={t('evaluation.removeRating', { number: index + 1 })}
                  title={t('evaluation.removeRating', { number: index + 1 })}
                  disabled={draft.ratings.length <= 1}
                  onClick={() => setDraft((old) => removeRating(old, index))}
                >
                  <Icon name="trash" />
                </button>
                {error && (
                  <p id={`${inputId}-error`} className="field-error rating-label-error" role="alert">
                    {error}
                  </p>
                )}
              </li>
            );
          })}
        </ol>
        <button
          type="button"
          className="button button-small"
          disabled={draft.ratings.length >= RATINGS_MAX}
          title={draft.ratings.length >= RATINGS_MAX ? t('evaluation.tooManyRatings', { max: RATINGS_MAX }) : undefined}
          onClick={() => setDraft(addRating)}
        >
          <Icon name="plus" />
          {t('evaluation.addRating')}
        </button>
      </fieldset>
      <div className="field">
        <label className="field-label" htmlFor={`${id}-free`}>
          {t('evaluation.freeTextLabel')}
        </label>
        <input
          id={`${id}-free`}
          className="text-input"
          data-testid="evaluation-free-text-label"
          value={draft.freeText}
          maxLength={LABEL_MAX}
          onChange={(event) => setDraft((old) => ({ ...old, freeText: event.target.value }))}
        />
      </div>
      <label className="check-row">
        <input
          type="checkbox"
          data-testid="evaluation-anonymous"
          checked={draft.anonymous}
          onChange={(event) => setDraft((old) => ({ ...old, anonymous: event.target.checked }))}
        />
        <span>
          {t('evaluation.anonymousLabel')}
          <span className="field-hint check-hint">{t('evaluation.anonymousHint')}</span>
        </span>
      </label>
      {failure && (
        <p className="field-error" role="alert">
          {failure}
        </p>
      )}
      <button type="submit" className="button button-primary" data-testid="evaluation-open-submit" disabled={busy}>
        {busy ? t('evaluation.opening') : t('evaluation.openSubmit')}
      </button>
    </form>
  );
}
