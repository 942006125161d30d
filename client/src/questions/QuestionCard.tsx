import { QUESTION_TEXT_MAX, type QuestionView, responseTime } from '@samle/shared';
import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Credential } from '../api/http';
import { answerQuestion, hideQuestion } from '../api/questionsApi';
import { toolErrorMessage } from '../api/toolErrorMessage';
import { CatalogBadge, CatalogControls } from './CatalogLink';
import type { CatalogIdea } from './catalogLink';
import { HIDE_REASON_MAX, type QuestionAbilities, textProblem } from './questionForm';
import { useDurationText } from './useDurationText';

export interface QuestionCardProps {
  workshopId: string;
  question: QuestionView;
  abilities: QuestionAbilities;
  credential: Credential;
  mine: boolean;
  supported: boolean;
  supportBusy: boolean;
  /** The catalog's ideas, or null for those who cannot read the catalog (and until it has synced). */
  ideas: readonly CatalogIdea[] | null;
  onSupport: (supported: boolean) => void;
}

/** One post in the public list: what was asked, by whom, its support, and management's answer. */
export function QuestionCard(props: QuestionCardProps) {
  const { workshopId, question, abilities, credential, mine, supported, supportBusy, ideas, onSupport } = props;
  const { t } = useTranslation();
  const duration = useDurationText();
  const took = responseTime(question);

  return (
    <li
      className="card stack question-card"
      data-testid="question"
      data-question-id={question.id}
      data-status={question.status}
      data-kind={question.kind}
    >
      <div className="row question-meta">
        <span className="kind-tag" data-kind={question.kind}>
          {t(`questions.kinds.${question.kind}`)}
        </span>
        <span className="status-badge" data-status={question.status}>
          {t(`questions.status.${question.status}`)}
        </span>
        <span className="question-author">{question.authorName ?? t('questions.anonymousAuthor')}</span>
        {mine && <span className="badge">{t('questions.yours')}</span>}
      </div>
      <p className="question-text">{question.text}</p>
      <CatalogBadge question={question} ideas={ideas} />
      <div className="question-support">
        {abilities.support ? (
          <button
            type="button"
            className="button button-small support-toggle"
            data-testid="question-support"
            aria-pressed={supported}
            disabled={supportBusy}
            title={t('questions.supportHint', { count: question.supports })}
            onClick={() => onSupport(!supported)}
          >
            <span aria-hidden="true">{supported ? '♥' : '♡'}</span>
            {supported ? t('questions.supported') : t('questions.support')}
          </button>
        ) : null}
        <span className="support-count">
          <span className="support-number" data-testid="question-supports">
            {question.supports}
          </span>{' '}
          <span className="muted">{t('questions.supporters', { count: question.supports })}</span>
        </span>
      </div>
      {question.answer !== null && (
        <div className="question-answer-block">
          <p className="answer-by">
            {question.answeredBy
              ? t('questions.answerBy', { name: question.answeredBy })
              : t('questions.answerByUnknown')}
            {took !== null && (
              <span className="response-time" data-testid="question-response-time" data-ms={took}>
                {t('questions.answeredIn', { duration: duration(took) })}
              </span>
            )}
          </p>
          <p className="answer-text" data-testid="question-answer">
            {question.answer}
          </p>
        </div>
      )}
      {abilities.answer && <AnswerBox question={question} credential={credential} />}
      {abilities.catalog && (
        <CatalogControls workshopId={workshopId} question={question} ideas={ideas} credential={credential} />
      )}
      {abilities.hide && <HideBox questionId={question.id} credential={credential} />}
    </li>
  );
}

function AnswerBox({ question, credential }: { question: QuestionView; credential: Credential }) {
  const { t } = useTranslation();
  const id = useId();
  const answered = question.answer !== null;
  const [open, setOpen] = useState(!answered);
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string>();

  if (!open) {
    return (
      <button type="button" className="button button-small button-ghost" onClick={() => setOpen(true)}>
        {t('questions.answerChange')}
      </button>
    );
  }
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found = textProblem(text, QUESTION_TEXT_MAX);
    if (found) {
      setProblem(
        found === 'required' ? t('questions.answerRequired') : t('questions.textTooLong', { max: QUESTION_TEXT_MAX }),
      );
      return;
    }
    setBusy(true);
    setProblem(undefined);
    try {
      await answerQuestion(question.id, { answer: text.trim() }, credential);
      setText('');
      // The answer arrives through the live list; the box folds away once it is there.
      setOpen(false);
    } catch (error) {
      setProblem(toolErrorMessage(t, error));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="answer-form" onSubmit={submit} noValidate>
      <label className="field-label" htmlFor={`${id}-answer`}>
        {answered ? t('questions.answerChange') : t('questions.answerLabel')}
      </label>
      <textarea
        id={`${id}-answer`}
        className="text-input text-area"
        data-testid="question-answer-input"
        rows={2}
        value={text}
        placeholder={t('questions.answerPlaceholder')}
        aria-invalid={problem !== undefined}
        onChange={(event) => setText(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) void submit(event);
          if (event.key === 'Escape' && answered) setOpen(false);
        }}
      />
      {problem && (
        <p className="field-error" role="alert">
          {problem}
        </p>
      )}
      <div className="form-actions">
        <button
          type="submit"
          className="button button-primary button-small"
          data-testid="question-answer-submit"
          disabled={busy}
        >
          {t('questions.answerSubmit')}
        </button>
        {answered && (
          <button type="button" className="button button-small button-ghost" onClick={() => setOpen(false)}>
            {t('questions.cancel')}
          </button>
        )}
      </div>
    </form>
  );
}

function HideBox({ questionId, credential }: { questionId: string; credential: Credential }) {
  const { t } = useTranslation();
  const id = useId();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string>();

  if (!open) {
    return (
      <button
        type="button"
        className="button button-small button-ghost button-quiet-danger hide-toggle"
        data-testid="question-hide"
        onClick={() => setOpen(true)}
      >
        {t('questions.hide')}
      </button>
    );
  }
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (textProblem(reason, HIDE_REASON_MAX)) {
      setProblem(t('questions.hideRequired'));
      return;
    }
    setBusy(true);
    setProblem(undefined);
    try {
      // On success the post leaves the live list, and this form with it.
      await hideQuestion(questionId, { reason: reason.trim() }, credential);
    } catch (error) {
      setProblem(toolErrorMessage(t, error));
      setBusy(false);
    }
  };
  return (
    <form className="hide-form" onSubmit={submit} noValidate>
      <label className="field-label" htmlFor={`${id}-reason`}>
        {t('questions.hideLabel')}
      </label>
      <input
        id={`${id}-reason`}
        className="text-input"
        data-testid="question-hide-reason"
        maxLength={HIDE_REASON_MAX}
        value={reason}
        placeholder={t('questions.hidePlaceholder')}
        aria-invalid={problem !== undefined}
        // biome-ignore lint/a11y/noAutofocus: the person just asked to write a reason; focus goes where they type.
        autoFocus
        onChange={(event) => setReason(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Escape') setOpen(false);
        }}
      />
      {problem && (
        <p className="field-error" role="alert">
          {problem}
        </p>
      )}
      <div className="form-actions">
        <button
          type="submit"
          className="button button-danger button-small"
          data-testid="question-hide-submit"
          disabled={busy}
        >
          {t('questions.hideSubmit')}
        </button>
        <button type="button" className="button button-small button-ghost" onClick={() => setOpen(false)}>
          {t('questions.cancel')}
        </button>
      </div>
    </form>
  );
}
