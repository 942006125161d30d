import { useTranslation } from 'react-i18next';
import type { ConnectionState } from '../sync/connectionState';
import { Icon } from '../ui/Icon';
import { connectionReason } from './connectionMessage';

/** Shown under the header when the server refused the connection (44xx): why, and a way to retry. */
export function ConnectionBanner({ state, onRetry }: { state: ConnectionState; onRetry: () => void }) {
  const { t } = useTranslation();
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
