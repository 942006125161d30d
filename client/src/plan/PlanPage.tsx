import { type AgendaItemInput, planWarnings, type UpdateSessionBody, type UpdateWorkshopBody } from '@samle/shared';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { apiErrorMessage } from '../api/errorMessage';
import { addSession, orderSessions, removeSession, replaceAgenda, updateSession, updateWorkshop } from '../api/planApi';
import { BoardProblem } from '../board/BoardProblem';
import { handleLinkClick } from '../routing/navigation';
import { workshopPath } from '../routing/routes';
import { AppHeader } from '../shell/AppHeader';
import { Icon } from '../ui/Icon';
import { useTimeFormat } from '../ui/useDateFormat';
import { useCommands } from '../workshopData/useCommands';
import { useWorkshopDetail } from '../workshopData/useWorkshopDetail';
import { WorkshopLoadNotice } from '../workshopData/WorkshopLoadNotice';
import { AgendaEditor } from './AgendaEditor';
import { localToday } from './planModel';
import { SessionFields } from './SessionFields';
import { SessionPlanList } from './SessionPlanList';
import { TemplateActions } from './TemplateActions';
import { WorkshopFields } from './WorkshopFields';

/** Another tab (or a colleague) may edit too; the plan shows their changes within seconds. */
const POLL_MS = 5000;

/** `/w/:workshopId/plan`: the facilitator edits the process plan; every change is saved at once. */
export function PlanPage({ workshopId }: { workshopId: string }) {
  const { t } = useTranslation();
  const { state, refresh, retry } = useWorkshopDetail(workshopId, POLL_MS);
  const commands = useCommands(refresh);
  const [selectedId, setSelectedId] = useState<string>();
  // When the last change came back saved: the status line says so, so a facilitator knows Enter or leaving a field took.
  const [savedAt, setSavedAt] = useState<number>();
  const formatTime = useTimeFormat();
  const workshopTitle = state.status === 'ready' ? state.detail.workshop.title : undefined;

  useEffect(() => {
    document.title = [t('plan.title'), workshopTitle, t('app.name')].filter(Boolean).join(' · ');
    return () => {
      document.title = t('app.name');
    };
  }, [workshopTitle, t]);

  if (state.status === 'noAccess' || (state.status === 'ready' && state.detail.role !== 'facilitator')) {
    return <BoardProblem title={t('workshop.noAccessTitle')} text={t('workshop.noAccessText')} />;
  }
  const back = workshopPath(workshopId);
  const detail = state.status === 'ready' ? state.detail : undefined;
  const session = detail?.sessions.find((s) => s.id === selectedId) ?? detail?.sessions[0];
  const warnings = detail ? planWarnings(detail.sessions, localToday()) : [];
  const busy = commands.busy !== undefined;
  const run = (name: string, action: () => Promise<unknown>) =>
    void commands.run(name, async () => {
      await action();
      setSavedAt(Date.now());
    });

  return (
    <div className="page">
      <AppHeader />
      <main id="main" className="plan-page" data-testid="plan-page">
        <a className="button button-ghost button-small tool-back" href={back} onClick={(e) => handleLinkClick(e, back)}>
          <Icon name="arrow" />
          {t('plan.back')}
        </a>
        <div className="workshop-heading">
          {workshopTitle && <p className="eyebrow">{workshopTitle}</p>}
          <h1 className="page-title">{t('plan.title')}</h1>
          <p
            className="muted plan-live-note"
            aria-live="polite"
            data-testid="plan-status"
            data-state={busy ? 'saving' : savedAt !== undefined && commands.error === undefined ? 'saved' : 'idle'}
          >
            {busy ? (
              t('plan.saving')
            ) : savedAt !== undefined && commands.error === undefined ? (
              <>
                <Icon name="check" />
                {t('plan.savedAt', { time: formatTime(savedAt) })}
              </>
            ) : (
              t('plan.liveNote')
            )}
          </p>
        </div>
        <WorkshopLoadNotice state={state} retry={retry} loadingText={t('plan.loading')} />
        {commands.error !== undefined && (
          <div className="notice notice-error" role="alert" data-testid="command-error">
            <p>{t('cockpit.commandFailed', { reason: apiErrorMessage(t, commands.error) })}</p>
            <button type="button" className="button button-small" onClick={commands.dismiss}>
              {t('cockpit.cancel')}
            </button>
          </div>
        )}
        {detail && (
          <div className="plan-grid">
            <div className="plan-side">
              <SessionPlanList
                sessions={detail.sessions}
                selectedId={session?.id}
                warnings={warnings}
                busy={busy}
                onSelect={setSelectedId}
                onOrder={(ids) => run('order', () => orderSessions(workshopId, ids))}
                onAdd={() =>
                  run('add-session', async () => {
                    const after = await addSession(workshopId, {
                      title: t('plan.newSessionTitle'),
                      kind: 'employee_day',
                    });
                    setSelectedId(after.sessions.at(-1)?.id);
                  })
                }
              />
              <WorkshopFields
                detail={detail}
                onChange={(patch: UpdateWorkshopBody) => run('workshop', () => updateWorkshop(workshopId, patch))}
              />
              <TemplateActions detail={detail} />
            </div>
            {session && (
              <div className="plan-main" key={session.id}>
                <SessionFields
                  session={session}
                  sessions={detail.sessions}
                  warnings={warnings.filter((warning) => warning.sessionId === session.id)}
                  busy={busy}
                  onChange={(patch: UpdateSessionBody) => run('session', () => updateSession(session.id, patch))}
                  onRemove={() =>
                    run('remove-session', async () => {
                      await removeSession(session.id);
                      setSelectedId(undefined);
                    })
                  }
                />
                <AgendaEditor
                  session={session}
                  busy={busy}
                  save={(items: AgendaItemInput[]) => run('agenda', () => replaceAgenda(session.id, { items }))}
                />
              </div>
            )}
          </div>
        )}
      </main>
    </div>
  );
}
