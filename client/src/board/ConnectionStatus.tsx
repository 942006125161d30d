import { useTranslation } from 'react-i18next';
import { badgeState } from '../sync/connectionBadge';
import type { ConnectionState } from '../sync/connectionState';
import type { LocalSync } from '../sync/docConnection';
import { connectionLabel, connectionReason } from './connectionMessage';

/**
 * The honest connection badge in the header: connecting, connected,
 * reconnecting, offline (the browser has no network) or a refusal — and how
 * many changes made here have not reached the server yet.
 */
export function ConnectionStatus({ state, local }: { state: ConnectionState; local: LocalSync }) {
  const { t } = useTranslation();
  const shown = badgeState(state, local.online);
  const reason = shown === 'offline' ? t('connection.offlineHint') : connectionReason(t, state);
  return (
    <output
      className="connection"
      data-testid="connection-status"
      data-state={shown}
      data-unsynced={local.unsynced}
      title={reason}
      aria-live="polite"
    >
      <span className="connection-dot" aria-hidden="true" />
      <span className="connection-label">
        {shown === 'offline' ? t('connection.offline') : connectionLabel(t, state)}
      </span>
      {local.unsynced > 0 && (
        <span className="connection-unsynced" data-testid="unsynced-changes" title={t('connection.unsyncedHint')}>
          {t('connection.unsynced', { count: local.unsynced })}
        </span>
      )}
    </output>
  );
}
