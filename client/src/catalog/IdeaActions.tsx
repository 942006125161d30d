import type { IdeaView } from '@samle/shared';
import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { deleteIdea, mergeIdeas, splitIdea } from '../api/catalogApi';
import { apiErrorMessage } from '../api/errorMessage';
import { ApiRequestError, type Credential } from '../api/http';
import { Icon } from '../ui/Icon';
import { canSplit, type SimilarIdea, sourceKey } from './catalogModel';

const OWN_ERRORS = ['IDEA_NOT_FOUND', 'SPLIT_NEEDS_SOURCES', 'SAME_IDEA', 'CATALOG_EDITORS_ONLY'] as const;

function useCommand() {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const run = async (command: () => Promise<void>) => {
    setBusy(true);
    setError(undefined);
    try {
      await command();
    } catch (failure) {
      const code = failure instanceof ApiRequestError ? failure.code : '';
      const own = OWN_ERRORS.find((known) => known === code);
      setError(own ? t(`catalog.errors.${own}`) : apiErrorMessage(t, failure));
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, run };
}

interface ActionProps {
  workshopId: string;
  credential: Credential;
  idea: IdeaView;
  /** Says what happened, for everyone (an aria-live region on the page). */
  announce: (text: string) => void;
}

/** Moves the ticked sources to a new idea with a title of its own, placed right after this one. */
export function SplitPanel(props: ActionProps & { chosen: ReadonlySet<string>; onSplit: (ideaId: string) => void }) {
  const { workshopId, credential, idea, chosen, announce, onSplit } = props;
  const { t } = useTranslation();
  const [title, setTitle] = useState('');
  const { busy, error, run } = useCommand();
  const titleId = useId();
  const ok = canSplit(idea.provenance.length, chosen.size);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!ok || !title.trim()) return;
    const sources = idea.provenance
      .filter((s) => chosen.has(sourceKey(s)))
      .map((s) => ({ boardId: s.boardId, noteId: s.noteId }));
    void run(async () => {
      const made = await splitIdea(workshopId, idea.id, { title: title.trim(), sources }, credential);
      announce(t('catalog.split.done', { title: title.trim() }));
      setTitle('');
      onSplit(made.ideaId);
    });
  };
  return (
    <form className="stack idea-action" data-testid="split-form" onSubmit={submit}>
      <h3 className="idea-action-title">
        <Icon name="split" />
        {t('catalog.split.heading')}
      </h3>
      <p className="muted">
        {chosen.size > 0 ? t('catalog.split.chosen', { count: chosen.size }) : t('catalog.split.hint')}
      </p>
      {chosen.size > 0 && !ok && <p className="field-hint">{t('catalog.split.needChoice')}</p>}
      <div className="inline-form">
        <label className="sr-only" htmlFor={titleId}>
          {t('catalog.split.titleLabel')}
        </label>
        <input
          id={titleId}
          className="text-input"
          data-testid="split-title"
          placeholder={t('catalog.split.titleLabel')}
          maxLength={200}
          value={title}
          disabled={!ok}
          onChange={(event) => setTitle(event.target.value)}
        />
        <button type="submit" className="button" data-testid="split-submit" disabled={busy || !ok || !title.trim()}>
          {busy ? t('catalog.working') : t('catalog.split.submit')}
        </button>
      </div>
      {error && (
        <p className="field-error" role="alert" data-testid="catalog-error">
          {error}
        </p>
      )}
    </form>
  );
}

/** Merges another idea into this one: pick from the ones that read alike, or from all. */
export function MergePanel(
  props: ActionProps & { ideas: readonly IdeaView[]; similar: readonly SimilarIdea[]; onMerged: () => void },
) {
  const { workshopId, credential, idea, ideas, similar, announce, onMerged } = props;
  const { t } = useTranslation();
  const [pick, setPick] = useState('');
  const [confirming, setConfirming] = useState<string>();
  const { busy, error, run } = useCommand();
  const pickId = useId();
  const others = ideas.filter((other) => other.id !== idea.id);
  const titleOf = (id: string) => ideas.find((other) => other.id === id)?.title.trim() || t('catalog.untitled');
  const into = idea.title.trim() || t('catalog.untitled');
  const merge = (fromId: string) =>
    void run(async () => {
      const from = titleOf(fromId);
      await mergeIdeas(workshopId, { intoId: idea.id, fromId }, credential);
      setConfirming(undefined);
      setPick('');
      announce(t('catalog.merge.done', { from }));
      onMerged();
    });

  return (
    <section className="stack idea-action" data-testid="merge-panel" aria-labelledby={`${pickId}-heading`}>
      <h3 className="idea-action-title" id={`${pickId}-heading`}>
        <Icon name="merge" />
        {t('catalog.merge.heading')}
      </h3>
      <p className="muted">{t('catalog.merge.hint')}</p>
      <h4 className="idea-action-sub">{t('catalog.merge.suggested')}</h4>
      {similar.length === 0 ? (
        <p className="muted small">{t('catalog.merge.noSuggestions')}</p>
      ) : (
        <ul className="stack merge-suggestions">
          {similar.map((s) => (
            <li key={s.id} data-testid="merge-suggestion" data-idea-id={s.id}>
              <span className="merge-suggestion-text">
                <strong>{titleOf(s.id)}</strong>
                <span className="muted small">{t('catalog.merge.shared', { terms: s.terms.join(', ') })}</span>
              </span>
              <button
                type="button"
                className="button button-small"
                data-testid="merge-suggested"
                disabled={busy}
                onClick={() => setConfirming(s.id)}
              >
                {t('catalog.merge.mergeThis')}
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="inline-form">
        <label className="sr-only" htmlFor={pickId}>
          {t('catalog.merge.pickLabel')}
        </label>
        <select
          id={pickId}
          className="select"
          data-testid="merge-pick"
          value={pick}
          onChange={(event) => setPick(event.target.value)}
        >
          <option value="">{t('catalog.merge.pickPlaceholder')}</option>
          {others.map((other) => (
            <option key={other.id} value={other.id}>
              {other.title.trim() || t('catalog.untitled')}
            </option>
          ))}
        </select>
        <button
          type="button"
          className="button"
          data-testid="merge-submit"
          disabled={busy || !pick}
          onClick={() => setConfirming(pick)}
        >
          {t('catalog.merge.submit')}
        </button>
      </div>
      {confirming && (
        <div className="confirm-row" role="alertdialog" aria-label={t('catalog.merge.heading')}>
          <p>{t('catalog.merge.confirm', { from: titleOf(confirming), into })}</p>
          <div className="confirm-actions">
            <button
              type="button"
              className="button button-primary"
              data-testid="merge-confirm"
              disabled={busy}
              // biome-ignore lint/a11y/noAutofocus: the confirmation takes focus so Enter confirms and Escape-less keyboard users land on it.
              autoFocus
              onClick={() => merge(confirming)}
            >
              {busy ? t('catalog.working') : t('catalog.merge.submit')}
            </button>
            <button type="button" className="button button-ghost" onClick={() => setConfirming(undefined)}>
              {t('catalog.cancel')}
            </button>
          </div>
        </div>
      )}
      {error && (
        <p className="field-error" role="alert" data-testid="catalog-error">
          {error}
        </p>
      )}
    </section>
  );
}

/** Deletes the idea (with its sources; the notes on the boards stay), after a confirmation. */
export function DeleteIdea(props: ActionProps & { onDeleted: () => void }) {
  const { workshopId, credential, idea, announce, onDeleted } = props;
  const { t } = useTranslation();
  const [confirming, setConfirming] = useState(false);
  const { busy, error, run } = useCommand();
  const title = idea.title.trim() || t('catalog.untitled');
  return (
    <div className="stack idea-delete">
      {!confirming ? (
        <button
          type="button"
          className="button button-ghost button-quiet-danger"
          data-testid="idea-delete"
          onClick={() => setConfirming(true)}
        >
          <Icon name="trash" />
          {t('catalog.remove.action')}
        </button>
      ) : (
        <div className="confirm-row" role="alertdialog" aria-label={t('catalog.remove.action')}>
          <p>{t('catalog.remove.confirm', { title })}</p>
          <div className="confirm-actions">
            <button
              type="button"
              className="button button-danger"
              data-testid="idea-delete-confirm"
              disabled={busy}
              // biome-ignore lint/a11y/noAutofocus: the confirmation takes focus so the keyboard lands on it.
              autoFocus
              onClick={() =>
                void run(async () => {
                  await deleteIdea(workshopId, idea.id, credential);
                  announce(t('catalog.remove.done', { title }));
                  onDeleted();
                })
              }
            >
              {busy ? t('catalog.working') : t('catalog.remove.action')}
            </button>
            <button type="button" className="button button-ghost" onClick={() => setConfirming(false)}>
              {t('catalog.cancel')}
            </button>
          </div>
        </div>
      )}
      {error && (
        <p className="field-error" role="alert" data-testid="catalog-error">
          {error}
        </p>
      )}
    </div>
  );
}
