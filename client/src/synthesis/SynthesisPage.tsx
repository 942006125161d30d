import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { BoardProblem } from '../board/BoardProblem';
import { handleLinkClick, navigate, useSearch } from '../routing/navigation';
import { sessionFromSearch, synthesisPath, workshopPath } from '../routing/routes';
import { AppHeader } from '../shell/AppHeader';
import { Icon } from '../ui/Icon';
import { focusSession } from '../workshopData/homeBoards';
import { useWorkshopDetail } from '../workshopData/useWorkshopDetail';
import { WorkshopLoadNotice } from '../workshopData/WorkshopLoadNotice';
import { SynthesisView } from './SynthesisView';

/** New tables and boards appear within this time; the boards themselves are live. */
const POLL_MS = 10_000;

/**
 * `/w/:workshopId/synthesis?session=` (and `/synthesis/screen` for the room's
 * big screen): gather the threads of one session. For facilitators and leaders;
 * the session picker defaults to the current, else the latest session.
 */
export function SynthesisPage({ workshopId, screen }: { workshopId: string; screen: boolean }) {
  const { t } = useTranslation();
  const { state, retry } = useWorkshopDetail(workshopId, POLL_MS);
  const search = useSearch();
  const searchRef = useRef<HTMLInputElement>(null);
  const detail = state.status === 'ready' ? state.detail : undefined;
  const session = detail ? focusSession(detail.sessions, sessionFromSearch(search)) : undefined;
  const title = screen ? t('synthesis.screenTitle') : t('synthesis.title');

  useEffect(() => {
    document.title = [title, session?.title, detail?.workshop.title, t('app.name')].filter(Boolean).join(' · ');
    return () => {
      document.title = t('app.name');
    };
  }, [title, session?.title, detail?.workshop.title, t]);

  // "/" jumps to the search field, as in many tools.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement | null;
      if (event.key !== '/' || target?.closest('input, textarea, select, [contenteditable="true"]')) return;
      event.preventDefault();
      searchRef.current?.focus();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  if (state.status === 'noAccess') {
    return <BoardProblem title={t('workshop.noAccessTitle')} text={t('workshop.noAccessText')} />;
  }
  const back = workshopPath(workshopId);
  const allowed = detail ? detail.role === 'facilitator' || detail.role === 'leader' : true;
  const switchTo = (options: { sessionId?: string; screen?: boolean }) =>
    navigate(
      synthesisPath(workshopId, { sessionId: options.sessionId ?? session?.id, screen: options.screen ?? screen }),
    );

  return (
    <div className={screen ? 'page synth-page synth-page-screen' : 'page synth-page'} data-screen={screen || undefined}>
      {!screen && <AppHeader />}
      <main id="main" className="synth-page-main" data-testid="synthesis-page">
        <div className="synth-heading">
          <div className="synth-heading-text">
            {detail && <p className="eyebrow">{detail.workshop.title}</p>}
            <h1 className="page-title">{title}</h1>
          </div>
          <div className="synth-heading-actions">
            {allowed && detail && detail.sessions.length > 0 && (
              <label className="synth-session-picker">
                <span className="field-label">{t('synthesis.session')}</span>
                <select
                  className="select"
                  data-testid="synth-session"
                  value={session?.id ?? ''}
                  onChange={(event) => switchTo({ sessionId: event.target.value })}
                >
                  {detail.sessions.map((s) => (
                    <option key={s.id} value={s.id}>
                      {s.title}
                    </option>
                  ))}
                </select>
              </label>
            )}
            {allowed && (
              <a
                className="button"
                data-testid={screen ? 'leave-screen' : 'synth-screen-link'}
                href={synthesisPath(workshopId, { sessionId: session?.id, screen: !screen })}
                onClick={(event) =>
                  handleLinkClick(event, synthesisPath(workshopId, { sessionId: session?.id, screen: !screen }))
                }
              >
                <Icon name="screen" />
                {screen ? t('synthesis.leaveScreen') : t('synthesis.screenMode')}
              </a>
            )}
            {!screen && (
              <a className="button button-ghost" href={back} onClick={(event) => handleLinkClick(event, back)}>
                <Icon name="arrow" />
                {t('synthesis.back')}
              </a>
            )}
          </div>
        </div>
        <WorkshopLoadNotice state={state} retry={retry} loadingText={t('synthesis.loading')} />
        {state.status === 'ready' && !allowed && (
          <p className="notice" data-testid="synth-not-for-role">
            {t('synthesis.notForRole')}
          </p>
        )}
        {state.status === 'ready' && allowed && !session && <p className="muted">{t('synthesis.noSessions')}</p>}
        {state.status === 'ready' && allowed && session && (
          <SynthesisView
            key={session.id}
            detail={state.detail}
            session={session}
            credential={state.credential}
            searchRef={searchRef}
          />
        )}
      </main>
    </div>
  );
}
