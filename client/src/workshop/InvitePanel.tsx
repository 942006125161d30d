import type { Invite } from '@samle/shared';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { apiErrorMessage } from '../api/errorMessage';
import { createInvite, listInvites, regenerateInvite, revokeInvite } from '../api/workshopApi';
import { inviteUrl } from '../routing/routes';
import { Icon } from '../ui/Icon';
import { useDateFormat } from '../ui/useDateFormat';
import { inviteStatus, withInvite } from './inviteStatus';

type InviteRole = Invite['role'];

/**
 * Invite links for leaders and viewers: make one (optionally for one person only), see every link with
 * whether it still works and how many came in by it, copy, withdraw or replace it.
 */
export function InvitePanel({ workshopId }: { workshopId: string }) {
  const { t } = useTranslation();
  const formatDate = useDateFormat();
  const [invites, setInvites] = useState<Invite[]>();
  // The link just made is shown in full, so there is one `invite-url` on the page and no doubt which it is.
  const [fresh, setFresh] = useState<Invite>();
  const [singleUse, setSingleUse] = useState(false);
  const [busy, setBusy] = useState<string>();
  const [error, setError] = useState<unknown>();
  const [copied, setCopied] = useState<string>();
  const [copyFailed, setCopyFailed] = useState(false);

  useEffect(() => {
    const abort = new AbortController();
    listInvites(workshopId, abort.signal).then(setInvites, (caught: unknown) => {
      if (!abort.signal.aborted) setError(caught);
    });
    return () => abort.abort();
  }, [workshopId]);

  const run = async (key: string, action: () => Promise<Invite[]>) => {
    setBusy(key);
    setError(undefined);
    setCopied(undefined);
    try {
      const changed = await action();
      setInvites((list) => changed.reduce((acc, invite) => withInvite(acc, invite), list ?? []));
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(undefined);
    }
  };

  const make = (role: InviteRole) =>
    run(role, async () => {
      const made = await createInvite(workshopId, { role, singleUse });
      setFresh(made);
      return [made];
    });

  const copy = async (invite: Invite) => {
    if (!invite.path) return;
    setCopyFailed(false);
    try {
      await navigator.clipboard.writeText(inviteUrl(window.location.origin, invite.path));
      setCopied(invite.id);
    } catch (caught) {
      // Clipboard access can be refused (plain http, permissions); the link is on screen to copy by hand.
      console.warn('Clipboard write refused', caught);
      setCopyFailed(true);
    }
  };

  const now = Date.now();
  const freshUrl = fresh?.path ? inviteUrl(window.location.origin, fresh.path) : undefined;
  return (
    <section className="panel invites" aria-labelledby="invites-heading">
      <div className="panel-head">
        <h2 id="invites-heading" className="panel-title">
          {t('cockpit.invites')}
        </h2>
      </div>
      <p className="muted">{t('cockpit.invitesHint')}</p>
      <label className="check-row" title={t('credentials.singleUseHint')}>
        <input
          type="checkbox"
          data-testid="invite-single-use"
          checked={singleUse}
          onChange={(e) => setSingleUse(e.target.checked)}
        />
        <span>{t('credentials.singleUse')}</span>
      </label>
      <div className="panel-actions">
        {(['leader', 'viewer'] as const).map((role) => (
          <button
            key={role}
            type="button"
            className="button"
            data-testid={role === 'leader' ? 'invite-leader' : 'invite-viewer'}
            disabled={busy !== undefined}
            onClick={() => make(role)}
          >
            <Icon name="people" />
            {role === 'leader' ? t('cockpit.inviteLeader') : t('cockpit.inviteViewer')}
          </button>
        ))}
      </div>
      {fresh && freshUrl && (
        <div className="row invite-link" data-role={fresh.role}>
          <span className="badge">{t(`roles.${fresh.role}`)}</span>
          {fresh.singleUse && <span className="badge">{t('credentials.singleUse')}</span>}
          <code className="invite-url" data-testid="invite-url" data-role={fresh.role}>
            {freshUrl}
          </code>
          <button type="button" className="button button-small" data-testid="copy-invite" onClick={() => copy(fresh)}>
            <Icon name="copy" />
            {copied === fresh.id ? t('cockpit.copied') : t('cockpit.copy')}
          </button>
          <span className="muted">{t('cockpit.expires', { date: formatDate(fresh.expiresAt) })}</span>
        </div>
      )}
      <h3 className="invite-list-title">{t('credentials.links')}</h3>
      {invites === undefined && error === undefined && <p className="muted">{t('credentials.previewChecking')}</p>}
      {invites?.length === 0 && <p className="muted">{t('credentials.noLinks')}</p>}
      {invites && invites.length > 0 && (
        <ul className="invite-list" data-testid="invite-list">
          {invites.map((invite) => {
            const status = inviteStatus(invite, now);
            return (
              <li key={invite.id} className="row invite-row" data-testid="invite-row" data-status={status}>
                <span className="invite-row-body">
                  <span className="row invite-row-title">
                    <span className="badge" data-role={invite.role}>
                      {t(`roles.${invite.role}`)}
                    </span>
                    <span className="status-pill" data-status={status === 'active' ? 'open' : 'ended'}>
                      {t(
                        `credentials.status${status[0]?.toUpperCase()}${status.slice(1)}` as 'credentials.statusActive',
                      )}
                    </span>
                    {invite.singleUse && <span className="muted">{t('credentials.singleUse')}</span>}
                  </span>
                  <span className="person-meta">
                    <span>{t('credentials.joinedCount', { count: invite.joined })}</span>
                    <span>{t('cockpit.expires', { date: formatDate(invite.expiresAt) })}</span>
                  </span>
                </span>
                <span className="invite-row-actions">
                  {invite.path && (
                    <button
                      type="button"
                      className="button button-small"
                      aria-label={`${t('cockpit.copy')}: ${t('credentials.linkFor', { role: t(`roles.${invite.role}`) })}`}
                      onClick={() => copy(invite)}
                    >
                      <Icon name="copy" />
                      {copied === invite.id ? t('cockpit.copied') : t('cockpit.copy')}
                    </button>
                  )}
                  {status !== 'revoked' && (
                    <button
                      type="button"
                      className="button button-small button-quiet-danger"
                      data-testid="revoke-invite"
                      disabled={busy !== undefined}
                      onClick={() =>
                        run(invite.id, async () => {
                          const withdrawn = await revokeInvite(invite.id);
                          // A withdrawn link is not left on screen as if it could still be shared.
                          setFresh((shown) => (shown?.id === invite.id ? undefined : shown));
                          return [withdrawn];
                        })
                      }
                    >
                      {t('credentials.revokeLink')}
                    </button>
                  )}
                  <button
                    type="button"
                    className="button button-small"
                    data-testid="regenerate-invite"
                    disabled={busy !== undefined}
                    onClick={() =>
                      run(invite.id, async () => {
                        const replacement = await regenerateInvite(invite.id);
                        setFresh(replacement);
                        return [
                          { ...invite, revokedAt: invite.revokedAt ?? new Date().toISOString(), path: null },
                          replacement,
                        ];
                      })
                    }
                  >
                    {t('credentials.regenerate')}
                  </button>
                </span>
              </li>
            );
          })}
        </ul>
      )}
      {copyFailed && (
        <p className="field-error" role="alert">
          {t('cockpit.copyFailed')}
        </p>
      )}
      {error !== undefined && (
        <p className="field-error" role="alert">
          {apiErrorMessage(t, error)}
        </p>
      )}
    </section>
  );
}
