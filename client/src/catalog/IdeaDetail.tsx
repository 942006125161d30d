import { CATEGORY_MAX, type Decision, type IdeaView, ideasOf, readMergedFrom, type SourceStatus } from '@samle/shared';
import { lazy, Suspense, useEffect, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import * as Y from 'yjs';
import type { Credential } from '../api/http';
import { useTextField } from '../board/useTextField';
import { useNoteVotes } from '../synthesis/useNoteVotes';
import { Icon } from '../ui/Icon';
import { setCategory } from './catalogEdits';
import { proposersOf, type SimilarIdea } from './catalogModel';
import { DeleteIdea, MergePanel, SplitPanel } from './IdeaActions';
import { SourceList } from './SourceList';
import '../synthesis/votes.css';

// Lexical (the biggest chunk of the app) comes with the first idea opened, not with the list of ideas.
const DescriptionEditor = lazy(() =>
  import('./DescriptionEditor').then((module) => ({ default: module.DescriptionEditor })),
);

export interface IdeaDetailProps {
  workshopId: string;
  credential: Credential;
  token: string | undefined;
  /** The person's name, shown beside their caret to the others in the description. */
  name: string;
  doc: Y.Doc;
  idea: IdeaView;
  ideas: readonly IdeaView[];
  decision: Decision | undefined;
  similar: readonly SimilarIdea[];
  statuses: ReadonlyMap<string, SourceStatus> | undefined;
  statusError: boolean;
  announce: (text: string) => void;
  onSelect: (ideaId: string | undefined) => void;
  /** A merge or split changed the sources: ask the server about them again. */
  onSourcesChanged: () => void;
  onParagraphs: (ideaId: string, paragraphs: string[]) => void;
}

/**
 * The open idea: its title (typed into the shared Y.Text), category, the one
 * description editor on the page, where it came from, and merge, split and delete.
 * Mounted with `key={idea.id}`.
 */
export function IdeaDetail(props: IdeaDetailProps) {
  const { workshopId, credential, token, name, doc, idea, ideas, decision, similar, statuses, statusError } = props;
  const votes = useNoteVotes(workshopId, credential);
  const { announce, onSelect, onSourcesChanged, onParagraphs } = props;
  const { t } = useTranslation();
  const id = useId();
  const [chosen, setChosen] = useState<ReadonlySet<string>>(new Set());
  const proposers = proposersOf(idea);
  // Read on each render: the idea view changes whenever a merge adds to the trail.
  const ideaMap = ideasOf(doc).get(idea.id);
  const merged = ideaMap ? readMergedFrom(ideaMap).map((m) => m.title) : [];
  // In one column the detail sits below the list: bring it into view when an idea opens.
  const articleRef = useRef<HTMLElement>(null);
  useEffect(() => {
    if (window.matchMedia('(max-width: 900px)').matches) articleRef.current?.scrollIntoView({ block: 'start' });
  }, []);
  const toggle = (key: string) =>
    setChosen((now) => {
      const next = new Set(now);
      if (!next.delete(key)) next.add(key);
      return next;
    });

  return (
    <article
      ref={articleRef}
      className="stack card idea-detail"
      data-testid="idea-detail"
      data-idea-id={idea.id}
      aria-labelledby={`${id}-title`}
    >
      <header className="idea-detail-head">
        <p className="eyebrow" id={`${id}-title`}>
          {t('catalog.detail.label')}
        </p>
        <button
          type="button"
          className="icon-button idea-detail-close"
          aria-label={t('catalog.detail.close')}
          title={t('catalog.detail.close')}
          onClick={() => onSelect(undefined)}
        >
          <Icon name="close" />
        </button>
      </header>
      <TitleField doc={doc} ideaId={idea.id} label={t('catalog.detail.titleLabel')} />
      <div className="row idea-detail-facts">
        <CategoryField doc={doc} ideaId={idea.id} value={idea.category} />
        {decision && (
          <span className="decision-badge" data-decision={decision}>
            {t(`catalog.decisions.${decision}`)}
          </span>
        )}
        <span className="muted">
          {proposers.length > 0 ? t('catalog.proposers', { names: proposers.join(', ') }) : t('catalog.noProposers')}
        </span>
      </div>
      {merged.length > 0 && (
        <p className="muted small" data-testid="idea-merged-from">
          {t('catalog.detail.mergedFrom', { titles: merged.join(', ') })}
        </p>
      )}

      <section className="stack idea-section" aria-labelledby={`${id}-description`}>
        <h3 className="idea-section-title" id={`${id}-description`}>
          {t('catalog.detail.descriptionLabel')}
        </h3>
        <p className="muted small">{t('catalog.detail.descriptionHint')}</p>
        <Suspense fallback={<DescriptionLoading />}>
          <DescriptionEditor
            key={idea.id}
            workshopId={workshopId}
            ideaId={idea.id}
            token={token}
            name={name}
            onParagraphs={onParagraphs}
          />
        </Suspense>
      </section>

      <section className="stack idea-section" aria-labelledby={`${id}-sources`}>
        <h3 className="idea-section-title" id={`${id}-sources`}>
          {t('catalog.sources.heading')}{' '}
          <span className="muted">({t('catalog.sourceCount', { count: idea.provenance.length })})</span>
        </h3>
        {statusError && (
          <p className="field-hint" role="status">
            {t('catalog.sources.statusError')}
          </p>
        )}
        <SourceList idea={idea} statuses={statuses} chosen={chosen} onToggle={toggle} votes={votes} />
      </section>

      <div className="idea-actions">
        <SplitPanel
          workshopId={workshopId}
          credential={credential}
          idea={idea}
          chosen={chosen}
          announce={announce}
          onSplit={(newId) => {
            setChosen(new Set());
            onSourcesChanged();
            onSelect(newId);
          }}
        />
        <MergePanel
          workshopId={workshopId}
          credential={credential}
          idea={idea}
          ideas={ideas}
          similar={similar}
          announce={announce}
          onMerged={onSourcesChanged}
        />
      </div>
      <DeleteIdea
        workshopId={workshopId}
        credential={credential}
        idea={idea}
        announce={announce}
        onDeleted={() => onSelect(undefined)}
      />
    </article>
  );
}

/** Where the description editor will be, while its code loads: the same box and words as while its doc syncs. */
function DescriptionLoading() {
  const { t } = useTranslation();
  return (
    <div className="description-shell" role="status">
      <div className="description-editor">
        <p className="description-placeholder">{t('catalog.detail.descriptionLoading')}</p>
      </div>
    </div>
  );
}

/** The idea's title, typed straight into the shared Y.Text: everyone sees each keystroke. */
function TitleField({ doc, ideaId, label }: { doc: Y.Doc; ideaId: string; label: string }) {
  const ref = useRef<HTMLInputElement>(null);
  const text = useMemo(() => {
    const title = ideasOf(doc).get(ideaId)?.get('title');
    return title instanceof Y.Text ? title : undefined;
  }, [doc, ideaId]);
  const onInput = useTextField(ref, text);
  // The binding keeps the field in step from here on; this fills it the first time.
  useEffect(() => {
    if (ref.current && text) ref.current.value = text.toString();
  }, [text]);
  return (
    <label className="idea-title-field">
      <span className="sr-only">{label}</span>
      <input
        ref={ref}
        className="idea-title-input"
        data-testid="idea-title-input"
        aria-label={label}
        maxLength={200}
        onInput={onInput}
      />
    </label>
  );
}

/** The category: a plain value, written when the field is left or Enter is pressed. */
function CategoryField({ doc, ideaId, value }: { doc: Y.Doc; ideaId: string; value: string }) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState(value);
  const [focused, setFocused] = useState(false);
  // Someone else's change shows unless this person is typing one of their own.
  if (!focused && draft !== value) setDraft(value);
  const id = useId();
  return (
    <span className="idea-category-field">
      <label htmlFor={id}>{t('catalog.detail.categoryLabel')}</label>
      <input
        id={id}
        className="text-input text-input-small"
        data-testid="idea-category-input"
        placeholder={t('catalog.detail.categoryPlaceholder')}
        maxLength={CATEGORY_MAX}
        value={draft}
        onFocus={() => setFocused(true)}
        onChange={(event) => setDraft(event.target.value)}
        onBlur={() => {
          setFocused(false);
          setCategory(doc, ideaId, draft);
        }}
        onKeyDown={(event) => {
          if (event.key === 'Enter') {
            event.preventDefault();
            setCategory(doc, ideaId, draft);
          }
        }}
      />
    </span>
  );
}
