import { useTranslation } from 'react-i18next';
import { badgeState } from '../sync/connectionBadge';
import type { ConnectionState } from '../sync/connectionState';
import type { LocalSync } from '../sync/docConnection';
import { Icon } from '../ui/Icon';
import { connectionReason } from './connectionMessage';

/**
 * Shown under the header when the server refused the connection (44xx): why, and a way to retry. And on a phone,
 * while the browser has no network: that this device keeps the changes and how many wait — the header's badge has
 * room only for its dot there (the strip is hidden on wider screens, where the badge says it in words).
 */
export function ConnectionBanner(props: { state: ConnectionState; local: LocalSync; onRetry: () => void }) {
  const { state, local, onRetry } = props;
  const { t } = useTranslation();
  if (badgeState(state, local.online) === 'offline') {
    return (
      <div className="banner banner-offline" role="status" data-testid="offline-notice">
        <Icon name="info" />
        <span>
          {t('connection.offlineHint')}
          {local.unsynced > 0 && <strong> {t('connection.unsynced', { count: local.unsynced })}.</strong>}
        </span>
      </div>
    );
  }
  if (state.kind !== 'error') return null;
  return (
    <div className="banner banner-error" role="alert" data-testid="connection-error">
      <span>
        <strong>{t('connection.error')}.</strong> {connectionReason(t, state)}
      </span>
      <button type="button" className="button button-small" onClick={onRetry}>
        <Icon name="refresh" />
        {t('connection.retry')}
      </button>
    </div>
  );
}
