import { CloseCode } from '@samle/shared';
import { describe, expect, it } from 'vitest';
import { type ConnectionEvent, type ConnectionState, INITIAL_CONNECTION, reduceConnection } from './connectionState';

const run = (...events: ConnectionEvent[]): ConnectionState => events.reduce(reduceConnection, INITIAL_CONNECTION);

describe('connection state', () => {
  it('says connecting until the first sync finished, even when the socket is open', () => {
    expect(run({ type: 'status', status: 'connecting' }, { type: 'status', status: 'connected' })).toEqual({
      kind: 'connecting',
    });
  });

  it('says connected once synced', () => {
    expect(run({ type: 'status', status: 'connected' }, { type: 'synced', synced: true })).toEqual({
      kind: 'connected',
    });
  });

  it('says reconnecting after a retryable close and while the next attempt is connecting', () => {
    const state = run(
      { type: 'status', status: 'connected' },
      { type: 'synced', synced: true },
      { type: 'closed', code: CloseCode.SlowConsumer, reason: '' },
      { type: 'status', status: 'disconnected' },
      { type: 'status', status: 'connecting' },
    );
    expect(state.kind).toBe('reconnecting');
  });

  it('goes back to connected after a successful reconnect', () => {
    const state = run(
      { type: 'synced', synced: true },
      { type: 'closed', code: 1006, reason: '' },
      { type: 'status', status: 'connecting' },
      { type: 'status', status: 'connected' },
      { type: 'synced', synced: true },
    );
    expect(state).toEqual({ kind: 'connected' });
  });

  it('stops at an error with the code name for a 44xx close', () => {
    const state = run(
      { type: 'status', status: 'connected' },
      { type: 'closed', code: CloseCode.DocNotFound, reason: 'no such board' },
      { type: 'status', status: 'disconnected' },
      { type: 'status', status: 'connecting' },
    );
    expect(state).toEqual({ kind: 'error', code: 4404, codeName: 'DocNotFound', reason: 'no such board' });
  });

  it('treats 45xx closes as temporary', () => {
    expect(run({ type: 'closed', code: CloseCode.LoadFailed, reason: '' })).toEqual({
      kind: 'reconnecting',
      lastCloseCode: 4500,
    });
  });
});
