import type { Invite } from '@samle/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { apiErrorMessage } from '../api/errorMessage';
import { createInvite } from '../api/workshopApi';
import { inviteUrl } from '../routing/routes';
import { Icon } from '../ui/Icon';
import { useDateFormat } from '../ui/useDateFormat';

type InviteRole = Invite['role'];

/** Makes invite links for leaders and viewers, shown in full with a copy button. */
export function InvitePanel({ workshopId }: { workshopId: string }) {
  const { t } = useTranslation();
  const formatDate = useDateFormat();
  // Only the latest link is shown, so there is one `invite-url` on the page and no doubt which role it is for.
  const [invite, setInvite] = useState<Invite>();
  const [busy, setBusy] = useState<InviteRole>();
  const [error, setError] = useState<unknown>();
  const [copied, setCopied] = useState(false);
  const [copyFailed, setCopyFailed] = useState(false);

  const make = async (role: InviteRole) => {
    setBusy(role);
    setError(undefined);
    setCopied(false);
    try {
      setInvite(await createInvite(workshopId, { role }));
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(undefined);
    }
  };

  const copy = async (url: string) => {
    setCopyFailed(false);
    try {
      await navigator.clipboard.writeText(url);
      setCopied(true);
    } catch (caught) {
      // Clipboard access can be refused (plain http, permissions); the link is on screen to copy by hand.
      console.warn('Clipboard write refused', caught);
      setCopyFailed(true);
    }
  };

  const url = invite ? inviteUrl(window.location.origin, invite.path) : undefined;
  return (
    <section className="panel invites" aria-labelledby="invites-heading">
      <div className="panel-head">
        <h2 id="invites-heading" className="panel-title">
          {t('cockpit.invites')}
        </h2>
      </div>
      <p className="muted">{t('cockpit.invitesHint')}</p>
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
      {invite && url && (
        <div className="invite-link" data-role={invite.role}>
          <span className="badge">{t(`roles.${invite.role}`)}</span>
          <code className="invite-url" data-testid="invite-url" data-role={invite.role}>
            {url}
          </code>
          <button type="button" className="button button-small" data-testid="copy-invite" onClick={() => copy(url)}>
            <Icon name="copy" />
            {copied ? t('cockpit.copied') : t('cockpit.copy')}
          </button>
          <span className="muted">{t('cockpit.expires', { date: formatDate(invite.expiresAt) })}</span>
        </div>
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
