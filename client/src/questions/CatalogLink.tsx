import type { QuestionView } from '@samle/shared';
import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ideaFromQuestion } from '../api/evidenceApi';
import type { Credential } from '../api/http';
import { linkQuestionIdea } from '../api/questionsApi';
import { toolErrorMessage } from '../api/toolErrorMessage';
import { type CatalogIdea, catalogBadge, ideaChoices, keepChoice } from './catalogLink';

/** "In the catalog: <idea>" on a linked post (everyone), with the catalog's title when the reader knows it. */
export function CatalogBadge({ question, ideas }: { question: QuestionView; ideas: readonly CatalogIdea[] | null }) {
  const { t } = useTranslation();
  const badge = catalogBadge(question.ideaId, ideas);
  if (badge.kind === 'none') return null;
  return (
    <p className="catalog-badge" data-testid="question-in-catalog" data-idea-id={question.ideaId ?? undefined}>
      <span aria-hidden="true">◆ </span>
      {badge.kind === 'titled' ? t('questions.inCatalogTitled', { title: badge.title }) : t('questions.inCatalog')}
    </p>
  );
}

export interface CatalogControlsProps {
  workshopId: string;
  question: QuestionView;
  ideas: readonly CatalogIdea[] | null;
  credential: Credential;
}

/** Leaders and facilitators: take the post into the catalog (to one of its ideas, or as a new idea), or unlink it. */
export function CatalogControls({ workshopId, question, ideas, credential }: CatalogControlsProps) {
  const { t } = useTranslation();
  const id = useId();
  const [open, setOpen] = useState(false);
  const [chosen, setChosen] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string>();
  const linked = question.ideaId !== null;
  const choices = ideaChoices(ideas ?? [], question.ideaId, t('questions.untitledIdea'));
  const selected = keepChoice(chosen, choices);

  const send = async (ideaId: string | null) => {
    setBusy(true);
    setProblem(undefined);
    try {
      // The new link arrives through the live list.
      await linkQuestionIdea(question.id, ideaId, credential);
      setOpen(false);
    } catch (error) {
      setProblem(toolErrorMessage(t, error));
    } finally {
      setBusy(false);
    }
  };
  // A new idea whose source is this post (the server links the post to it).
  const asNewIdea = async () => {
    setBusy(true);
    setProblem(undefined);
    try {
      await ideaFromQuestion(workshopId, question.id, credential);
      setOpen(false);
    } catch (error) {
      setProblem(toolErrorMessage(t, error));
    } finally {
      setBusy(false);
    }
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (selected === '') return;
    void send(selected);
  };

  const error = problem && (
    <p className="field-error" role="alert">
      {problem}
    </p>
  );

  if (!open) {
    return (
      <div className="row catalog-actions">
        <button
          type="button"
          className="button button-small button-ghost"
          data-testid="question-catalog-open"
          onClick={() => setOpen(true)}
        >
          {linked ? t('questions.catalogChange') : t('questions.catalogTake')}
        </button>
        {linked && (
          <button
            type="button"
            className="button button-small button-ghost"
            data-testid="question-unlink"
            disabled={busy}
            onClick={() => void send(null)}
          >
            {t('questions.catalogUnlink')}
          </button>
        )}
        {error}
      </div>
    );
  }

  return (
    <form
      className="catalog-form"
      onSubmit={submit}
      onKeyDown={(event) => {
        if (event.key === 'Escape') setOpen(false);
      }}
      noValidate
    >
      <label className="field-label" htmlFor={`${id}-idea`}>
        {t('questions.catalogLabel')}
      </label>
      {ideas === null && <p className="muted">{t('questions.catalogLoading')}</p>}
      {ideas !== null && choices.length === 0 && <p className="muted">{t('questions.catalogEmpty')}</p>}
      <select
        id={`${id}-idea`}
        className="text-input"
        data-testid="question-link-idea"
        value={selected}
        disabled={choices.length === 0}
        // biome-ignore lint/a11y/noAutofocus: the person just asked to choose an idea; focus goes to the choice.
        autoFocus
        onChange={(event) => setChosen(event.target.value)}
      >
        {choices.map((idea) => (
          <option key={idea.id} value={idea.id}>
            {idea.title}
          </option>
        ))}
      </select>
      {error}
      <div className="form-actions">
        <button
          type="submit"
          className="button button-primary button-small"
          data-testid="question-link-submit"
          disabled={busy || selected === ''}
        >
          {t('questions.catalogSubmit')}
        </button>
        {!linked && (
          <button
            type="button"
            className="button button-small"
            data-testid="question-new-idea"
            disabled={busy}
            onClick={() => void asNewIdea()}
          >
            {t('evidence.newIdeaFromQuestion')}
          </button>
        )}
        <button type="button" className="button button-small button-ghost" onClick={() => setOpen(false)}>
          {t('questions.cancel')}
        </button>
      </div>
    </form>
  );
}
