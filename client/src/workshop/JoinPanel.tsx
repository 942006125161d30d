import type { Session } from '@samle/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { endSession, openSession, reopenSession, setJoinCode } from '../api/workshopApi';
import { joinScreenPath } from '../routing/routes';
import { Icon } from '../ui/Icon';
import type { Commands } from '../workshopData/useCommands';

/** Open or end the session, and its join code with the way to the big screen. */
export function JoinPanel(props: { workshopId: string; session: Session; commands: Commands }) {
  const { workshopId, session, commands } = props;
  const { t } = useTranslation();
  const busy = commands.busy !== undefined;
  const [confirming, setConfirming] = useState<'end' | 'reopen'>();
  const confirmed = (which: 'end' | 'reopen') => {
    setConfirming(undefined);
    void commands.run(which, () => (which === 'end' ? endSession(session.id) : reopenSession(session.id)));
  };
  return (
    <section className="panel join-panel" aria-labelledby={`join-${session.id}`}>
      <div className="panel-head">
        <h2 id={`join-${session.id}`} className="panel-title">
          {t('cockpit.joinTitle')}
        </h2>
        <span className="status-pill" data-status={session.status} data-testid="session-status">
          {t(`sessionStatus.${session.status}`)}
        </span>
      </div>
      {session.status === 'open' && session.joinCode && (
        <div className="join-code-box">
          <span className="field-label">{t('cockpit.codeLabel')}</span>
          <strong className="join-code" data-testid="join-code">
            {session.joinCode}
          </strong>
          <a
            className="button"
            href={joinScreenPath(workshopId, session.id)}
            target="_blank"
            rel="noopener"
            data-testid="big-screen-link"
          >
            <Icon name="screen" />
            {t('cockpit.bigScreen')}
          </a>
        </div>
      )}
      {session.status === 'open' && session.joinCode && (
        <div className="join-code-actions">
          <button
            type="button"
            className="button button-small"
            data-testid="new-join-code"
            disabled={busy}
            title={t('credentials.codeHint')}
            onClick={() => commands.run('code', () => setJoinCode(session.id, 'regenerate'))}
          >
            {t('credentials.newCode')}
          </button>
        </div>
      )}
      {session.kind === 'leadership' && <p className="muted">{t('credentials.leadershipNoCode')}</p>}
      {session.kind !== 'leadership' && session.status === 'open' && !session.joinCode && (
        <div className="join-code-actions">
          <p className="muted">{t('credentials.codeClosed')}</p>
          <button
            type="button"
            className="button button-small"
            data-testid="new-join-code"
            disabled={busy}
            onClick={() => commands.run('code', () => setJoinCode(session.id, 'regenerate'))}
          >
            {t('credentials.openWithCode')}
          </button>
        </div>
      )}
      {session.status === 'planned' && session.kind !== 'leadership' && (
        <p className="muted">{t('cockpit.reopenHint')}</p>
      )}
      {session.status === 'ended' && <p className="muted">{t('cockpit.endedHint')}</p>}
      {session.status === 'planned' && (
        <div className="panel-actions">
          <button
            type="button"
            className="button button-primary"
            data-testid="open-session"
            disabled={busy}
            onClick={() => commands.run('open', () => openSession(session.id))}
          >
            {t('cockpit.openSession')}
          </button>
        </div>
      )}
      {/* Ending and reopening stand apart from the frequent buttons, and say what they do before they do it. */}
      {session.status !== 'planned' && (
        <div className="panel-danger">
          {confirming ? (
            <div className="confirm-row" role="alert" data-testid="session-confirm">
              <p>{confirming === 'end' ? t('cockpit.endConfirm') : t('cockpit.reopenConfirm')}</p>
              <div className="confirm-actions">
                <button
                  type="button"
                  className={confirming === 'end' ? 'button button-danger' : 'button button-primary'}
                  data-testid="session-confirm-yes"
                  disabled={busy}
                  onClick={() => confirmed(confirming)}
                >
                  {confirming === 'end' ? t('cockpit.endYes') : t('cockpit.reopenYes')}
                </button>
                <button type="button" className="button" onClick={() => setConfirming(undefined)}>
                  {t('cockpit.cancel')}
                </button>
              </div>
            </div>
          ) : session.status === 'open' ? (
            <div className="danger-actions">
              {session.joinCode && (
                <button
                  type="button"
                  className="button button-small button-quiet-danger"
                  data-testid="close-join-code"
                  disabled={busy}
                  onClick={() => commands.run('code', () => setJoinCode(session.id, 'close'))}
                >
                  {t('credentials.closeCode')}
                </button>
              )}
              <button
                type="button"
                className="button button-ghost button-danger-text"
                data-testid="end-session"
                disabled={busy}
                onClick={() => setConfirming('end')}
              >
                {t('cockpit.endSession')}
              </button>
            </div>
          ) : (
            <button
              type="button"
              className="button"
              data-testid="reopen-session"
              disabled={busy}
              onClick={() => setConfirming('reopen')}
            >
              {t('cockpit.reopenSession')}
            </button>
          )}
        </div>
      )}
    </section>
  );
}
