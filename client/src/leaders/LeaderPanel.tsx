import { groupByDecision, publishedDocId, type Role, readAfterDecision } from '@samle/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { syncToken } from '../api/credentials';
import type { Credential } from '../api/http';
import { FollowUpLine } from '../followup/FollowUpLine';
import { PulseResultsPanel } from '../followup/PulseResultsPanel';
import { useLiveDoc } from '../sync/useLiveDoc';
import { AssessmentEditor } from './AssessmentEditor';
import { CatalogDocument } from './CatalogDocument';
import { DecisionBadge } from './DecisionBadge';
import { EstimateSumLine } from './EstimateSumLine';
import { EvidencePanel } from './EvidencePanel';
import { LeaderEmpty } from './LeaderStates';
import { formatTimeline } from './months';
import { PublishBar } from './PublishBar';
import { PublishPreviewPanel } from './PublishPreviewPanel';
import { SupportSwitch } from './SupportSwitch';
import { evidenceKey, useEvidence } from './useEvidence';
import { useLeaderCatalog } from './useLeaderCatalog';
import { useLocale } from './useLocale';

/**
 * `/w/:id/leaders`: management assesses the catalog. The ideas grouped by
 * decision on the left, the chosen idea's assessment on the right, the
 * publish/export bar on top. Printing gives the catalog as a document.
 */
export function LeaderPanel({
  workshopId,
  credential,
  role,
}: {
  workshopId: string;
  credential: Credential;
  role: Role;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const catalog = useLeaderCatalog(workshopId, credential);
  const [selectedId, setSelectedId] = useState<string>();
  const [changes, setChanges] = useState(0);
  const evidence = useEvidence(workshopId, credential, catalog.status === 'ready' ? evidenceKey(catalog, changes) : '');
  // What became of each published decision, live: shown beside it in the list.
  const after = useLiveDoc(publishedDocId(workshopId), syncToken(credential), readAfterDecision);
  const afterValue = after.status === 'ready' ? after.value : null;

  if (catalog.status !== 'ready') return <LeaderEmpty state={catalog.status} />;
  const { ideas, assessments } = catalog;
  const ready = evidence.status === 'ready' ? evidence : null;
  const titles = new Map(ideas.map((idea) => [idea.id, idea.title]));
  const groups = groupByDecision(ideas, (idea) => idea.assessment).filter((group) => group.items.length > 0);
  const selected = ideas.find((idea) => idea.id === selectedId) ?? groups[0]?.items[0];

  return (
    <>
      {ideas.length > 0 && (
        <PublishBar workshopId={workshopId} credential={credential} role={role} changeCount={changes} ideas={ideas} />
      )}
      {ideas.length > 0 && role === 'facilitator' && ready && (
        <SupportSwitch
          workshopId={workshopId}
          credential={credential}
          support={ready.support}
          onChanged={ready.refresh}
        />
      )}
      {ideas.length > 0 && role === 'facilitator' && (
        <PublishPreviewPanel workshopId={workshopId} credential={credential} />
      )}
      {ideas.length === 0 ? (
        <div className="empty-state no-print" data-testid="leaders-empty">
          <h2>{t('leaders.noIdeasTitle')}</h2>
          <p className="muted">{t('leaders.noIdeasText')}</p>
        </div>
      ) : (
        <div className="leader-panel no-print">
          <nav className="leader-ideas" aria-label={t('leaders.ideasLabel')}>
            {groups.map((group) => (
              <section key={group.decision ?? 'undecided'} className="leader-group">
                <h2 className="leader-group-title">
                  <DecisionBadge decision={group.decision} />
                  <span className="leader-group-count">{group.items.length}</span>
                </h2>
                <EstimateSumLine ideaIds={group.items.map((idea) => idea.id)} assessments={assessments} />
                <ul className="leader-idea-list">
                  {group.items.map((idea) => {
                    const a = idea.assessment;
                    const when = a ? formatTimeline(a.startMonth, a.endMonth, locale) : '';
                    return (
                      <li key={idea.id}>
                        <button
                          type="button"
                          className="leader-idea"
                          aria-current={idea.id === selected?.id ? 'true' : undefined}
                          data-decision={a?.decision ?? 'undecided'}
                          data-testid="leader-idea"
                          data-idea-id={idea.id}
                          onClick={() => setSelectedId(idea.id)}
                        >
                          <span className="leader-idea-rank" aria-hidden="true">
                            {a?.rank ?? '–'}
                          </span>
                          {a?.rank != null && (
                            <span className="sr-only">{t('leaders.rankBadge', { rank: a.rank })}</span>
                          )}
                          <span className="leader-idea-text">
                            <span className="leader-idea-title">{idea.title}</span>
                            {ready && (
                              <span className="leader-idea-evidence">
                                {t('evidence.votes', { count: ready.byIdea.get(idea.id)?.voteTotal ?? 0 })}
                              </span>
                            )}
                            <span className="leader-idea-meta">
                              {[when, a?.owner].filter(Boolean).join(' · ') || t('leaders.noTimeline')}
                            </span>
                            {afterValue && a?.decision && (
                              <FollowUpLine
                                ideaId={idea.id}
                                followUp={afterValue.followUps.find((f) => f.ideaId === idea.id)}
                                pulses={afterValue.pulses.filter((p) => p.ideaIds.includes(idea.id))}
                                locale={locale}
                              />
                            )}
                          </span>
                        </button>
                      </li>
                    );
                  })}
                </ul>
              </section>
            ))}
          </nav>
          <div className="leader-detail">
            {selected ? (
              <div className="leader-detail-columns">
                <AssessmentEditor
                  key={selected.id}
                  workshopId={workshopId}
                  credential={credential}
                  idea={selected}
                  ideas={ideas}
                  working={assessments.get(selected.id)}
                  onChanged={() => setChanges((n) => n + 1)}
                />
                {ready ? (
                  <EvidencePanel
                    idea={selected}
                    evidence={ready.byIdea.get(selected.id)}
                    description={ready.descriptions.get(selected.id) ?? ''}
                    relatedTitles={(selected.assessment?.related ?? []).flatMap((id) => titles.get(id) ?? [])}
                  />
                ) : (
                  <EvidenceWaiting state={evidence} />
                )}
              </div>
            ) : (
              <p className="muted">{t('leaders.selectIdea')}</p>
            )}
          </div>
        </div>
      )}
      <PulseResultsPanel
        workshopId={workshopId}
        credential={credential}
        titles={new Map(ideas.map((i) => [i.id, i.title]))}
      />
      <div className="print-only">
        <CatalogDocument
          ideas={ready ? ideas.map((idea) => ({ ...idea, description: ready.descriptions.get(idea.id) ?? '' })) : ideas}
        />
      </div>
    </>
  );
}

function EvidenceWaiting({ state }: { state: ReturnType<typeof useEvidence> }) {
  const { t } = useTranslation();
  if (state.status === 'failed') {
    return (
      <section className="evidence" role="alert">
        <p>{t('evidence.failed')}</p>
        <button type="button" className="button button-small" onClick={state.retry}>
          {t('evidence.retry')}
        </button>
      </section>
    );
  }
  return (
    <section className="evidence" aria-busy="true">
      <p className="muted">{t('evidence.loading')}</p>
    </section>
  );
}
