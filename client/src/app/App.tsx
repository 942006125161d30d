import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { AdminJoinPage, ResetPasswordPage } from '../admin/AdminLinkPages';
import { AdminPage } from '../admin/AdminPage';
import { BigScreenPage } from '../bigscreen/BigScreenPage';
import { BoardPage } from '../board/BoardPage';
import { BoardProblem } from '../board/BoardProblem';
import { InvitePage } from '../join/InvitePage';
import { JoinPage } from '../join/JoinPage';
import { PlanPage } from '../plan/PlanPage';
import { SessionReportPage } from '../report/SessionReportPage';
import { RoomFollower } from '../room/RoomFollower';
import { useRoute } from '../routing/navigation';
import type { Route } from '../routing/routes';
import { StartPage } from '../start/StartPage';
import { SynthesisPage } from '../synthesis/SynthesisPage';
import { JoinScreenPage } from '../workshop/JoinScreenPage';
import { WorkshopPage } from '../workshop/WorkshopPage';
import { WorkshopToolPage } from '../workshop/WorkshopToolPage';
import { AccessibilityPage } from './AccessibilityPage';
import { SkipLink } from './SkipLink';
import { useFocusOnNavigate } from './useFocusOnNavigate';

// The leader pages (with the Lexical rationale editor) load when someone opens them.
const LeadersPage = lazy(() => import('../leaders/LeadersPage').then((module) => ({ default: module.LeadersPage })));

export function App() {
  const route = useRoute();
  useFocusOnNavigate(window.location.pathname);
  return (
    <>
      <SkipLink />
      <Page route={route} />
      <RoomFollower route={route} />
    </>
  );
}

function Page({ route }: { route: Route }) {
  const { t } = useTranslation();
  switch (route.name) {
    case 'start':
      return <StartPage />;
    case 'board':
      return <BoardPage key={route.boardId} boardId={route.boardId} />;
    case 'boardScreen':
      return <BigScreenPage key={route.boardId} boardId={route.boardId} />;
    case 'workshop':
      return <WorkshopPage key={route.workshopId} workshopId={route.workshopId} />;
    case 'plan':
      return <PlanPage key={route.workshopId} workshopId={route.workshopId} />;
    case 'questions':
    case 'evaluation':
    case 'reflection':
    case 'catalog':
      return (
        <WorkshopToolPage key={`${route.name}:${route.workshopId}`} tool={route.name} workshopId={route.workshopId} />
      );
    case 'synthesis':
      return (
        <SynthesisPage
          key={`${route.workshopId}:${route.screen}`}
          workshopId={route.workshopId}
          screen={route.screen}
        />
      );
    case 'leaders':
    case 'leadersScreen':
    case 'published':
      return (
        <Suspense fallback={null}>
          <LeadersPage key={`${route.name}:${route.workshopId}`} workshopId={route.workshopId} kind={route.name} />
        </Suspense>
      );
    case 'sessionReport':
      return <SessionReportPage key={route.sessionId} workshopId={route.workshopId} sessionId={route.sessionId} />;
    case 'joinScreen':
      return <JoinScreenPage key={route.sessionId} workshopId={route.workshopId} sessionId={route.sessionId} />;
    case 'join':
      return <JoinPage />;
    case 'accessibility':
      return <AccessibilityPage />;
    case 'invite':
      return <InvitePage key={route.token} token={route.token} />;
    case 'admin':
      return <AdminPage />;
    case 'adminJoin':
      return <AdminJoinPage key={route.token} token={route.token} />;
    case 'reset':
      return <ResetPasswordPage key={route.token} token={route.token} />;
    case 'notFound':
      return <BoardProblem title={t('board.notFoundTitle')} text={t('board.notFoundText')} />;
  }
}
