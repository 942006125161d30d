import { publishedDocId, type Role, readPublished, sourceKey } from '@samle/shared';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { syncToken } from '../api/credentials';
import type { Credential } from '../api/http';
import { AfterDecisionSection, DecisionAfter, decidedIdeas } from '../followup/AfterDecisionSection';
import { useAfterDecision } from '../followup/useAfterDecision';
import { useLiveDoc } from '../sync/useLiveDoc';
import { CatalogDocument } from './CatalogDocument';
import { IdeaSupportButton } from './IdeaSupport';
import { LeaderEmpty } from './LeaderStates';
import { myPublishedSources } from './leadersApi';
import { useLocale } from './useLocale';
import { usePublishedSupport } from './usePublishedSupport';

/**
 * `/w/:id/published`: what management decided, as the facilitator published it —
 * ideas by decision with rationale, timeline and description, and where each
 * came from, the reader's own notes marked; inside each decision's card, what
 * became of it (follow-up and impact pulse results), and above them the open pulse.
 */
export function PublishedCatalogView({
  workshopId,
  credential,
  role,
}: {
  workshopId: string;
  credential: Credential;
  role: Role;
}) {
  const { t } = useTranslation();
  const support = usePublishedSupport(workshopId, credential, role === 'participant');
  const locale = useLocale();
  const published = useLiveDoc(publishedDocId(workshopId), syncToken(credential), readPublished);
  const publishedAt = published.status === 'ready' ? (published.value?.publishedAt ?? null) : null;
  const [mine, setMine] = useState<ReadonlySet<string>>(new Set());
  const after = useAfterDecision(workshopId, credential, role);

  useEffect(() => {
    if (publishedAt === null) return;
    let live = true;
    myPublishedSources(workshopId, credential).then(
      ({ sources }) => live && setMine(new Set(sources.map(sourceKey))),
      // Without the marks the catalog is still whole: say so in the console, not in the way.
      (error: unknown) => console.warn('Could not load which published notes are yours', error),
    );
    return () => {
      live = false;
    };
  }, [workshopId, credential, publishedAt]);

  const when = useMemo(
    () =>
      publishedAt === null
        ? ''
        : new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeStyle: 'short' }).format(publishedAt),
    [publishedAt, locale],
  );

  if (published.status === 'refused') {
    return (
      <p className="notice notice-error" role="alert" data-testid="published-error">
        {t('leaders.loadError')}
      </p>
    );
  }
  if (published.status !== 'ready') return <LeaderEmpty state={published.status} />;
  const catalog = published.value;
  if (!catalog || catalog.ideas.length === 0) {
    return (
      <div className="empty-state published-empty" data-testid="published-empty">
        <span className="empty-state-mark" aria-hidden="true">
          ◔
        </span>
        <h2>{t('leaders.publishedEmptyTitle')}</h2>
        <p className="muted">{t('leaders.publishedEmptyText')}</p>
      </div>
    );
  }
  const decided = decidedIdeas(catalog.ideas);
  return (
    <div className="published-catalog" data-testid="published-catalog">
      <div className="stack published-intro">
        <p>{t('leaders.publishedIntro')}</p>
        <p className="muted">{t('leaders.publishedAt', { when })}</p>
      </div>
      {support.open && (
        <p className="notice support-open" role="status" data-testid="support-open">
          {t('evidence.supportWindowOpen')}
        </p>
      )}
      {support.failed && (
        <p className="notice notice-error" role="alert">
          {t('leaders.loadError')}
        </p>
      )}
      <AfterDecisionSection state={after} ideas={decided} />
      <CatalogDocument
        ideas={catalog.ideas}
        mine={mine}
        renderAfter={(idea) => {
          const decision = decided.find((d) => d.id === idea.id);
          return decision ? <DecisionAfter state={after} idea={decision} /> : null;
        }}
        renderSupport={
          support.open
            ? (idea) => (
                <IdeaSupportButton
                  idea={idea}
                  supported={support.mine.has(idea.id)}
                  busy={support.busy === idea.id}
                  onToggle={(next) => void support.toggle(idea.id, next)}
                />
              )
            : undefined
        }
      />
    </div>
  );
}
