import type { SupportWindow } from '@samle/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { setSupportWindow } from '../api/evidenceApi';
import type { Credential } from '../api/http';
import { useLeaderErrorText } from './useLeaderErrorText';

/** The facilitator opens and closes participants' support for the published ideas. */
export function SupportSwitch({
  workshopId,
  credential,
  support,
  onChanged,
}: {
  workshopId: string;
  credential: Credential;
  support: SupportWindow;
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  const errorText = useLeaderErrorText();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();

  async function toggle() {
    setBusy(true);
    setError(undefined);
    try {
      await setSupportWindow(workshopId, !support.open, credential);
      onChanged();
    } catch (failure) {
      setError(errorText(failure));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="row support-switch no-print" data-testid="support-switch">
      <span className={support.open ? 'badge badge-ok' : 'badge'}>
        {support.open ? t('evidence.supportOpen') : t('evidence.supportClosed')}
      </span>
      <span className="muted support-switch-hint">{t('evidence.supportHint')}</span>
      <button
        type="button"
        className="button button-small"
        disabled={busy}
        data-testid="support-toggle"
        onClick={() => void toggle()}
      >
        {support.open ? t('evidence.closeSupport') : t('evidence.openSupport')}
      </button>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
