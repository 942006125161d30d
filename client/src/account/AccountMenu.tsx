import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { apiErrorMessage } from '../api/errorMessage';
import { signOut } from '../api/workshopApi';
import { handleLinkClick, navigate } from '../routing/navigation';
import { meStore } from './meStore';
import { useMe } from './useMe';

/** The signed-in facilitator's name and "Sign out", in the header of every page; nothing for anyone else. */
export function AccountMenu({ showName = true }: { showName?: boolean }) {
  const { t } = useTranslation();
  const state = useMe();
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  if (state.status !== 'ready' || !state.me.facilitator) return null;
  const { facilitator } = state.me;

  const onSignOut = async () => {
    setBusy(true);
    setError(undefined);
    try {
      await signOut();
      meStore.set({ facilitator: null, needsFirstAccount: false });
      navigate('/');
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="account-menu">
      {showName && (
        <span className="account-name" title={t('account.signedInAs', { name: facilitator.name })}>
          {facilitator.name}
        </span>
      )}
      <a className="button button-small button-ghost" href="/admin" onClick={(e) => handleLinkClick(e, '/admin')}>
        {t('admin.link')}
      </a>
      <button type="button" className="button button-small" data-testid="signout" disabled={busy} onClick={onSignOut}>
        {t('account.signOut')}
      </button>
      {error !== undefined && (
        <span className="field-error" role="alert">
          {apiErrorMessage(t, error)}
        </span>
      )}
    </div>
  );
}
