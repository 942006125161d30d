import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { BoardProblem } from '../board/BoardProblem';
import { handleLinkClick } from '../routing/navigation';
import { workshopPath } from '../routing/routes';
import { AppHeader } from '../shell/AppHeader';
import { Icon } from '../ui/Icon';
import { useWorkshopDetail } from '../workshopData/useWorkshopDetail';
import { WorkshopLoadNotice } from '../workshopData/WorkshopLoadNotice';
import { LeaderPanel } from './LeaderPanel';
import { LeaderScreen } from './LeaderScreen';
import { PublishedCatalogView } from './PublishedCatalogView';
// Order matters: the same cascade as one sheet, print last.
import './leader-badges.css';
import './leaders.css';
import './evidence.css';
import './catalog-document.css';
import './presentation.css';
import './leader-print.css';

const POLL_MS = 30_000;

export type LeadersPageKind = 'leaders' | 'leadersScreen' | 'published';

const TITLES = {
  leaders: 'leaders.panelTitle',
  leadersScreen: 'leaders.presentTitle',
  published: 'leaders.publishedTitle',
} as const;

/**
 * The leader panel (`/w/:id/leaders`), its presentation (`/leaders/screen`) and
 * the participants' published catalog (`/published`), with the caller's role
 * and credential from the workshop.
 */
export function LeadersPage({ workshopId, kind }: { workshopId: string; kind: LeadersPageKind }) {
  const { t } = useTranslation();
  const { state, retry } = useWorkshopDetail(workshopId, POLL_MS);
  const title = t(TITLES[kind]);
  const workshopTitle = state.status === 'ready' ? state.detail.workshop.title : undefined;

  useEffect(() => {
    document.title = [title, workshopTitle, t('app.name')].filter(Boolean).join(' · ');
    return () => {
      document.title = t('app.name');
    };
  }, [title, workshopTitle, t]);

  if (state.status === 'noAccess') {
    return <BoardProblem title={t('workshop.noAccessTitle')} text={t('workshop.noAccessText')} />;
  }
  const role = state.status === 'ready' ? state.detail.role : undefined;
  const forLeaders = kind !== 'published';
  if (forLeaders && role && role !== 'leader' && role !== 'facilitator') {
    return <BoardProblem title={t('leaders.refusedTitle')} text={t('leaders.refusedText')} />;
  }
  if (kind === 'leadersScreen' && state.status === 'ready') {
    return (
      <main id="main" className="leader-screen-page">
        <LeaderScreen
          workshopId={workshopId}
          workshopTitle={state.detail.workshop.title}
          credential={state.credential}
        />
      </main>
    );
  }

  const back = workshopPath(workshopId);
  return (
    <div className="page">
      <AppHeader />
      <main id="main" className={`tool-page leaders-page leaders-page-${kind}`} data-page={kind}>
        <a
          className="button button-ghost button-small tool-back no-print"
          href={back}
          onClick={(e) => handleLinkClick(e, back)}
        >
          <Icon name="arrow" />
          {t('tools.back')}
        </a>
        <div className="workshop-heading">
          {workshopTitle && <p className="eyebrow">{workshopTitle}</p>}
          <h1 className="page-title">{title}</h1>
        </div>
        <WorkshopLoadNotice state={state} retry={retry} loadingText={t('tools.loading')} />
        {state.status === 'ready' && kind === 'leaders' && (
          <LeaderPanel workshopId={workshopId} credential={state.credential} role={state.detail.role} />
        )}
        {state.status === 'ready' && kind === 'published' && (
          <PublishedCatalogView workshopId={workshopId} credential={state.credential} role={state.detail.role} />
        )}
      </main>
    </div>
  );
}
