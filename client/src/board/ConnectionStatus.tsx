import { useTranslation } from 'react-i18next';
import type { ConnectionState } from '../sync/connectionState';
import { connectionLabel, connectionReason } from './connectionMessage';

/** The honest connection badge in the header. */
export function ConnectionStatus({ state }: { state: ConnectionState }) {
  const { t } = useTranslation();
  const reason = connectionReason(t, state);
  return (
    <output
      className="connection"
      data-testid="connection-status"
      data-state={state.kind}
      title={reason}
      aria-live="polite"
    >
      <span className="connection-dot" aria-hidden="true" />
      <span>{connectionLabel(t, state)}</span>
    </output>
  );
}
