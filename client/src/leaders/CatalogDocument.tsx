import { groupByDecision, sourceKey } from '@samle/shared';
import { type ReactNode, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DecisionBadge } from './DecisionBadge';
import { MarkdownView } from './MarkdownView';
import { formatTimeline } from './months';
import { Provenance } from './Provenance';
import type { PanelIdea } from './panelModel';
import { useLocale } from './useLocale';

/**
 * The catalog as a document: one section per decision in priority order, each
 * idea with its rationale, timeline, owner, related ideas, description and
 * where it came from. The participants' published catalog, and the printed
 * leader panel (each decision starts a new page).
 */
export function CatalogDocument({
  ideas,
  mine,
  renderSupport,
  renderAfter,
}: {
  ideas: readonly PanelIdea[];
  mine?: ReadonlySet<string>;
  /** The participant's support control per idea, while support is open. */
  renderSupport?: (idea: PanelIdea) => ReactNode;
  /** What became of a decision (follow-up, pulse results), shown in its card under the rationale. */
  renderAfter?: (idea: PanelIdea) => ReactNode;
}) {
  const { t } = useTranslation();
  const titles = new Map(ideas.map((idea) => [idea.id, idea.title]));
  const groups = groupByDecision(ideas, (idea) => idea.assessment).filter((group) => group.items.length > 0);
  return (
    <div className="stack catalog-document">
      {groups.map((group) => (
        <section
          key={group.decision ?? 'undecided'}
          className="stack catalog-group"
          data-decision={group.decision ?? 'undecided'}
          data-testid="catalog-group"
        >
          <h2 className="catalog-group-title">
            <DecisionBadge decision={group.decision} large />
            <span className="catalog-group-count">{t('leaders.ideaCount', { count: group.items.length })}</span>
          </h2>
          {group.items.map((idea) => (
            <IdeaArticle
              key={idea.id}
              idea={idea}
              titles={titles}
              mine={mine}
              support={renderSupport?.(idea)}
              after={renderAfter?.(idea)}
            />
          ))}
        </section>
      ))}
    </div>
  );
}

function IdeaArticle({
  idea,
  titles,
  mine,
  support,
  after,
}: {
  idea: PanelIdea;
  titles: ReadonlyMap<string, string>;
  mine?: ReadonlySet<string>;
  support?: ReactNode;
  after?: ReactNode;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const headingId = useId();
  const a = idea.assessment;
  const ownCount = mine ? idea.provenance.filter((s) => mine.has(sourceKey(s))).length : 0;
  // Open by default where the reader's own notes are (they arrive after the catalog), until toggled.
  const [toggled, setToggled] = useState<boolean>();
  const open = toggled ?? ownCount > 0;
  const timeline = a ? formatTimeline(a.startMonth, a.endMonth, locale) : '';
  const related = (a?.related ?? []).map((id) => titles.get(id)).filter((title): title is string => Boolean(title));
  return (
    <article className="catalog-idea" data-testid="catalog-idea" data-idea-id={idea.id}>
      <header className="stack catalog-idea-head">
        <h3 className="catalog-idea-title">{idea.title}</h3>
        <div className="row catalog-idea-facts">
          {a?.rank != null && <span className="rank-badge">{t('leaders.rankBadge', { rank: a.rank })}</span>}
          <span className="catalog-idea-when">{timeline || t('leaders.noTimeline')}</span>
          {a?.owner && <span>{t('leaders.ownerLabel', { owner: a.owner })}</span>}
        </div>
      </header>
      {a?.rationale && <MarkdownView markdown={a.rationale} className="catalog-rationale" />}
      {after}
      {idea.description && (
        <div className="catalog-description">
          <h4 className="catalog-subhead">{t('leaders.description')}</h4>
          <MarkdownView markdown={idea.description} />
        </div>
      )}
      {(idea.questions ?? []).length > 0 && (
        <div className="stack catalog-questions">
          <h4 className="catalog-subhead">{t('evidence.questions')}</h4>
          <ul className="evidence-questions">
            {(idea.questions ?? []).map((q) => (
              <li key={q.id} className="evidence-question" data-testid="catalog-question">
                <span className="evidence-kind" data-kind={q.kind}>
                  {t(`evidence.kinds.${q.kind}`)}
                </span>
                {q.isSource && <span className="evidence-source-badge">{t('evidence.fromQuestion')}</span>}
                <span className="evidence-question-text">{q.text}</span>
                {q.answer && <span className="evidence-question-meta">{q.answer}</span>}
              </li>
            ))}
          </ul>
        </div>
      )}
      {support}
      {related.length > 0 && (
        <p className="catalog-related">
          <strong>{t('leaders.related')}:</strong> {related.join(' · ')}
        </p>
      )}
      {ownCount > 0 && (
        <p className="catalog-own" data-testid="own-notes-count">
          {t('leaders.yourNotesCount', { count: ownCount })}
        </p>
      )}
      {idea.provenance.length > 0 && (
        <div className="catalog-sources">
          <button
            type="button"
            className="button button-ghost button-small catalog-sources-toggle"
            aria-expanded={open}
            onClick={() => setToggled(!open)}
            data-testid="show-sources"
            id={headingId}
          >
            <span aria-hidden="true">{open ? '▾' : '▸'}</span>
            {t('leaders.showSources', { count: idea.provenance.length })}
          </button>
          <div className={open ? 'catalog-sources-body' : 'catalog-sources-body is-collapsed'}>
            <Provenance sources={idea.provenance} mine={mine} headingId={headingId} />
          </div>
        </div>
      )}
    </article>
  );
}
