import { CloseCode } from '@samle/shared';
import type { TFunction } from 'i18next';
import type { ConnectionState } from '../sync/connectionState';

/** The label and (for errors) the reason a person reads in the header. */
export function connectionLabel(t: TFunction, state: ConnectionState): string {
  return t(`connection.${state.kind}`);
}

export function connectionReason(t: TFunction, state: ConnectionState): string | undefined {
  if (state.kind === 'reconnecting' && state.lastCloseCode === CloseCode.AccessChanged) {
    return t('connection.reasons.AccessChanged');
  }
  if (state.kind !== 'error') return undefined;
  const name = state.codeName;
  if (name && name in REASON_KEYS) return t(REASON_KEYS[name as keyof typeof REASON_KEYS]);
  return t('connection.reasons.unknown', { code: state.code });
}

const REASON_KEYS = {
  MalformedMessage: 'connection.reasons.MalformedMessage',
  Unauthenticated: 'connection.reasons.Unauthenticated',
  ReadOnly: 'connection.reasons.ReadOnly',
  DocNotFound: 'connection.reasons.DocNotFound',
  FrameTooLarge: 'connection.reasons.FrameTooLarge',
  DocTooLarge: 'connection.reasons.DocTooLarge',
  WriterQuotaExceeded: 'connection.reasons.WriterQuotaExceeded',
  PolicyViolation: 'connection.reasons.PolicyViolation',
  ForeignDeletesRefused: 'connection.reasons.ForeignDeletesRefused',
  RateLimited: 'connection.reasons.RateLimited',
  AwarenessTooLarge: 'connection.reasons.AwarenessTooLarge',
  TooManyConnections: 'connection.reasons.TooManyConnections',
  AccessRevoked: 'connection.reasons.AccessRevoked',
} as const;
