import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { apiErrorMessage } from '../api/errorMessage';
import { BoardProblem } from '../board/BoardProblem';
import { AppHeader } from '../shell/AppHeader';
import { AppFooter } from '../ui/AppFooter';
import { useWorkshopDetail } from '../workshopData/useWorkshopDetail';
import { WorkshopLoadNotice } from '../workshopData/WorkshopLoadNotice';
import { Cockpit } from './Cockpit';
import { ParticipantHome } from './ParticipantHome';

/** How often the open cockpit or home asks for news (new people, opened tables). */
const POLL_MS = 3000;

/** `/w/:workshopId`: the facilitator's cockpit, or the home page of anyone else with access. */
export function WorkshopPage({ workshopId }: { workshopId: string }) {
  const { t } = useTranslation();
  const { state, refresh, retry } = useWorkshopDetail(workshopId, POLL_MS);
  const title = state.status === 'ready' ? state.detail.workshop.title : undefined;

  useEffect(() => {
    if (title) document.title = `${title} · ${t('app.name')}`;
    return () => {
      document.title = t('app.name');
    };
  }, [title, t]);

  if (state.status === 'noAccess') {
    return <BoardProblem title={t('workshop.noAccessTitle')} text={t('workshop.noAccessText')} />;
  }
  return (
    <div className="page">
      <AppHeader />
      <main id="main" className="workshop-page">
        <WorkshopLoadNotice state={state} retry={retry} loadingText={t('workshop.loading')} testId="workshop-loading" />
        {state.status === 'ready' && (
          <>
            <div className="workshop-heading">
              <p className="eyebrow">{state.detail.workshop.organisation || t('app.tagline')}</p>
              <h1 className="page-title" data-testid="workshop-title">
                {state.detail.workshop.title}
              </h1>
            </div>
            {state.pollError !== undefined && (
              <p className="notice notice-warning" role="status" data-testid="poll-error">
                {apiErrorMessage(t, state.pollError)}
              </p>
            )}
            {state.detail.role === 'facilitator' ? (
              <Cockpit detail={state.detail} refresh={refresh} />
            ) : (
              <ParticipantHome detail={state.detail} />
            )}
          </>
        )}
      </main>
      <AppFooter />
    </div>
  );
}
