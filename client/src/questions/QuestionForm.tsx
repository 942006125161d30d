import { QUESTION_TEXT_MAX, type QuestionKind } from '@samle/shared';
import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Credential } from '../api/http';
import { postQuestion } from '../api/questionsApi';
import { toolErrorMessage } from '../api/toolErrorMessage';
import { questionTextProblem } from './questionForm';

/** "New post": question or proposal, the text, and whether to post anonymously. */
export function QuestionForm(props: {
  workshopId: string;
  credential: Credential;
  /** The process's example question (plan editor); none when empty. */
  hint: string;
  onPosted: () => void;
}) {
  const { workshopId, credential, hint, onPosted } = props;
  const { t } = useTranslation();
  const id = useId();
  const [kind, setKind] = useState<QuestionKind>('question');
  const [text, setText] = useState('');
  const [anonymous, setAnonymous] = useState(false);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string>();
  const [posted, setPosted] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found = questionTextProblem(text);
    if (found) {
      setProblem(
        found === 'required' ? t('questions.textRequired') : t('questions.textTooLong', { max: QUESTION_TEXT_MAX }),
      );
      return;
    }
    setBusy(true);
    setProblem(undefined);
    setPosted(false);
    try {
      await postQuestion(workshopId, { kind, text: text.trim(), anonymous }, credential);
      setText('');
      setPosted(true);
      onPosted();
    } catch (error) {
      setProblem(toolErrorMessage(t, error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="panel question-form" onSubmit={submit} aria-labelledby={`${id}-heading`} noValidate>
      <h2 id={`${id}-heading`} className="panel-title">
        {t('questions.formHeading')}
      </h2>
      <fieldset className="kind-toggle" data-testid="question-kind" data-kind={kind}>
        <legend className="field-label">{t('questions.kindLabel')}</legend>
        <div className="segmented">
          {(['question', 'proposal'] as const).map((option) => (
            <label key={option} className="segmented-option segmented-radio" data-checked={kind === option}>
              <input
                type="radio"
                name={`${id}-kind`}
                value={option}
                checked={kind === option}
                onChange={() => setKind(option)}
              />
              {t(`questions.kinds.${option}`)}
            </label>
          ))}
        </div>
      </fieldset>
      <div className="field">
        <label className="field-label" htmlFor={`${id}-text`}>
          {t('questions.textLabel')}
        </label>
        <textarea
          id={`${id}-text`}
          className="text-input text-area"
          data-testid="question-text"
          rows={4}
          maxLength={QUESTION_TEXT_MAX + 200}
          placeholder={hint}
          value={text}
          aria-invalid={problem !== undefined}
          aria-describedby={problem ? `${id}-problem` : undefined}
          onChange={(event) => {
            setText(event.target.value);
            setPosted(false);
          }}
          onKeyDown={(event) => {
            // ctrl/⌘+Enter posts, as in most chat and comment boxes.
            if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) void submit(event);
          }}
        />
      </div>
      <label className="check-row">
        <input
          type="checkbox"
          data-testid="question-anonymous"
          checked={anonymous}
          onChange={(event) => setAnonymous(event.target.checked)}
        />
        <span>
          {t('questions.anonymous')}
          <span className="field-hint check-hint">{t('questions.anonymousHint')}</span>
        </span>
      </label>
      {problem && (
        <p id={`${id}-problem`} className="field-error" role="alert">
          {problem}
        </p>
      )}
      {posted && (
        <p className="form-ok" role="status">
          {t('questions.posted')}
        </p>
      )}
      <button className="button button-primary" type="submit" data-testid="question-submit" disabled={busy}>
        {busy ? t('questions.submitting') : t('questions.submit')}
      </button>
    </form>
  );
}
