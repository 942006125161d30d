import { useTranslation } from 'react-i18next';
import { BoardProblem } from '../board/BoardProblem';
import { JoinPage } from '../join/JoinPage';
import { RoomFollower } from '../room/RoomFollower';
import { useRoute } from '../routing/navigation';
import type { Route } from '../routing/routes';
import { AccessibilityPage } from './AccessibilityPage';
import { PageFrame } from './PageLoading';
import {
  AdminJoinPage,
  AdminPage,
  BigScreenPage,
  BoardPage,
  InvitePage,
  JoinScreenPage,
  LeadersPage,
  PlanPage,
  ResetPasswordPage,
  SessionReportPage,
  StartPage,
  SynthesisPage,
  WorkshopPage,
  WorkshopToolPage,
} from './pages';
import { SkipLink } from './SkipLink';
import { useFocusOnNavigate } from './useFocusOnNavigate';

export function App() {
  const route = useRoute();
  useFocusOnNavigate(window.location.pathname);
  return (
    <>
      <SkipLink />
      <PageFrame key={window.location.pathname} chrome={hasHeader(route)}>
        <Page route={route} />
      </PageFrame>
      <RoomFollower route={route} />
    </>
  );
}

/** The room's big screens show no header; every other page has one, so its loading state has it too. */
function hasHeader(route: Route): boolean {
  if (route.name === 'synthesis') return !route.screen;
  return !['boardScreen', 'leadersScreen', 'joinScreen'].includes(route.name);
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
      return <LeadersPage key={`${route.name}:${route.workshopId}`} workshopId={route.workshopId} kind={route.name} />;
    case 'sessionReport':
      return <SessionReportPage key={route.sessionId} workshopId={route.workshopId} sessionId={route.sessionId} />;
    case 'joinScreen':
      return <JoinScreenPage key={route.sessionId} workshopId={route.workshopId} sessionId={route.sessionId} />;
    case 'join':
      return <JoinPage preloadBoard={BoardPage.preload} />;
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
