import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { apiErrorMessage } from '../api/errorMessage';
import { BoardProblem } from '../board/BoardProblem';
import { handleLinkClick } from '../routing/navigation';
import { joinUrl, workshopPath } from '../routing/routes';
import { LanguageSwitch } from '../ui/LanguageSwitch';
import { useWorkshopDetail } from '../workshopData/useWorkshopDetail';
import { qrFor } from './qr';

/**
 * `/w/:workshopId/screen/:sessionId`: what the facilitator puts on the room's
 * big screen — the join code huge, the join link and its QR code, nothing else.
 */
export function JoinScreenPage({ workshopId, sessionId }: { workshopId: string; sessionId: string }) {
  const { t } = useTranslation();
  const { state } = useWorkshopDetail(workshopId, 5000);

  if (state.status === 'noAccess') {
    return <BoardProblem title={t('workshop.noAccessTitle')} text={t('workshop.noAccessText')} />;
  }
  const session = state.status === 'ready' ? state.detail.sessions.find((s) => s.id === sessionId) : undefined;
  const code = session?.status === 'open' ? session.joinCode : null;
  const back = workshopPath(workshopId);

  return (
    <div className="join-screen">
      <div className="join-screen-corner">
        <a className="join-screen-back" href={back} onClick={(e) => handleLinkClick(e, back)}>
          {t('screen.back')}
        </a>
        <LanguageSwitch />
      </div>
      {state.status === 'error' && (
        <p className="notice notice-error" role="alert">
          {apiErrorMessage(t, state.error)}
        </p>
      )}
      {session && (
        <>
          <p className="join-screen-session">
            {session.title}
            {state.status === 'ready' && ` · ${state.detail.workshop.title}`}
          </p>
          <h1 className="join-screen-title">{t('screen.title')}</h1>
          {code ? <JoinInstructions code={code} /> : <p className="join-screen-wait">{t(waitKey(session.status))}</p>}
        </>
      )}
    </div>
  );
}

function waitKey(status: string): 'screen.ended' | 'screen.notOpen' {
  return status === 'ended' ? 'screen.ended' : 'screen.notOpen';
}

function JoinInstructions({ code }: { code: string }) {
  const { t } = useTranslation();
  const url = joinUrl(window.location.origin, code);
  const qr = useMemo(() => qrFor(url), [url]);
  const plainAddress = `${window.location.host}/join`;
  return (
    <div className="join-screen-body">
      <div className="join-screen-steps">
        <p className="join-screen-step">
          {t('screen.step1')} <strong className="join-screen-url">{plainAddress}</strong> {t('screen.step2')}
        </p>
        <p className="join-screen-code" data-testid="join-code">
          {code}
        </p>
        <p className="join-screen-link" data-testid="join-url">
          {url}
        </p>
      </div>
      <figure className="join-screen-qr">
        <svg
          viewBox={`-4 -4 ${qr.size + 8} ${qr.size + 8}`}
          role="img"
          aria-label={url}
          data-testid="join-qr"
          shapeRendering="crispEdges"
        >
          <rect x={-4} y={-4} width={qr.size + 8} height={qr.size + 8} fill="#fff" />
          <path d={qr.path} fill="#000" />
        </svg>
        <figcaption>{t('screen.scan')}</figcaption>
      </figure>
    </div>
  );
}
