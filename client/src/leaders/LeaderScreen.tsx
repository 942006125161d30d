import { groupByDecision } from '@samle/shared';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Credential } from '../api/http';
import { handleLinkClick, useSearch } from '../routing/navigation';
import { leaderPanelPath, leaderScreenPath } from '../routing/routes';
import { Icon } from '../ui/Icon';
import { DecisionBadge } from './DecisionBadge';
import { LeaderEmpty } from './LeaderStates';
import { MarkdownView } from './MarkdownView';
import { formatTimeline } from './months';
import type { PanelIdea } from './panelModel';
import { SourcesDialog } from './SourcesDialog';
import { TimelineView } from './TimelineView';
import { useLeaderCatalog } from './useLeaderCatalog';
import { useLocale } from './useLocale';

/**
 * `/w/:id/leaders/screen`: the leader panel on the room's big screen. Ideas in
 * three columns by decision, in priority order, or a timeline of 2027 (`?view=timeline`);
 * one click on an idea shows the notes and tables it came from.
 */
export function LeaderScreen({
  workshopId,
  workshopTitle,
  credential,
}: {
  workshopId: string;
  workshopTitle: string;
  credential: Credential;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const search = useSearch();
  const view = new URLSearchParams(search).get('view') === 'timeline' ? 'timeline' : 'decisions';
  const catalog = useLeaderCatalog(workshopId, credential);
  const [open, setOpen] = useState<PanelIdea>();
  const opener = useRef<HTMLElement | null>(null);

  const show = (idea: PanelIdea, from: HTMLElement) => {
    opener.current = from;
    setOpen(idea);
  };
  const back = leaderPanelPath(workshopId);
  const views = [
    ['decisions', t('leaders.viewDecisions')],
    ['timeline', t('leaders.viewTimeline')],
  ] as const;

  return (
    <div className="leader-screen" data-view={view}>
      <header className="leader-screen-bar">
        <a className="button button-ghost button-small" href={back} onClick={(e) => handleLinkClick(e, back)}>
          <Icon name="arrow" />
          {t('leaders.backToPanel')}
        </a>
        <div className="leader-screen-title">
          <span className="eyebrow">{workshopTitle}</span>
          <h1>{t('leaders.panelTitle')}</h1>
        </div>
        <nav className="segmented" aria-label={t('leaders.viewsLabel')}>
          {views.map(([key, label]) => {
            const path = leaderScreenPath(workshopId, key);
            return (
              <a
                key={key}
                href={path}
                className="segmented-option"
                aria-current={view === key ? 'page' : undefined}
                data-testid={`screen-view-${key}`}
                onClick={(e) => handleLinkClick(e, path)}
              >
                {label}
              </a>
            );
          })}
        </nav>
      </header>
      {catalog.status !== 'ready' ? (
        <LeaderEmpty state={catalog.status} />
      ) : catalog.ideas.length === 0 ? (
        <div className="empty-state">
          <h2>{t('leaders.noIdeasTitle')}</h2>
          <p className="muted">{t('leaders.noIdeasText')}</p>
        </div>
      ) : view === 'timeline' ? (
        <TimelineView ideas={catalog.ideas} onOpen={show} />
      ) : (
        <div className="screen-columns">
          {groupByDecision(catalog.ideas, (idea) => idea.assessment)
            .filter((group) => group.decision !== null || group.items.length > 0)
            .map((group) => (
              <section
                key={group.decision ?? 'undecided'}
                className="screen-column"
                data-decision={group.decision ?? 'undecided'}
                data-testid="screen-column"
              >
                <h2 className="screen-column-title">
                  <DecisionBadge decision={group.decision} large />
                </h2>
                <ol className="screen-cards">
                  {group.items.map((idea) => {
                    const a = idea.assessment;
                    return (
                      <li key={idea.id}>
                        <button
                          type="button"
                          className="screen-card"
                          data-testid="screen-idea"
                          data-idea-id={idea.id}
                          onClick={(event) => show(idea, event.currentTarget)}
                        >
                          <span className="screen-card-rank">{a?.rank ?? '–'}</span>
                          <span className="screen-card-body">
                            <span className="screen-card-title">{idea.title}</span>
                            <span className="screen-card-meta">
                              {(a && formatTimeline(a.startMonth, a.endMonth, locale)) || t('leaders.noTimeline')}
                              {a?.owner ? ` · ${a.owner}` : ''}
                            </span>
                            {a?.rationale && <MarkdownView markdown={a.rationale} className="screen-card-rationale" />}
                            <span className="screen-card-sources">
                              {t('leaders.showSources', { count: idea.provenance.length })} →
                            </span>
                          </span>
                        </button>
                      </li>
                    );
                  })}
                </ol>
              </section>
            ))}
        </div>
      )}
      {open && (
        <SourcesDialog
          idea={open}
          onClose={() => {
            setOpen(undefined);
            opener.current?.focus();
          }}
        />
      )}
    </div>
  );
}
