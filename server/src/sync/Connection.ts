import { CloseCode } from '@samle/shared';
import type { ConnectionAccess, RelayLimits, SyncSocket, UpdateGuard } from './types.js';

let nextConnectionId = 1;

/**
 * One client socket on one doc: its access, its rate budget, the frames it sent
 * while the doc was loading, and the awareness client ids it speaks for.
 */
export class Connection {
  readonly id = nextConnectionId++;
  readonly canWrite: boolean;
  readonly personId: string | null;
  readonly forbiddenKeys: readonly string[];
  readonly guard: UpdateGuard | undefined;
  /** Awareness client ids this connection introduced; removed for everyone when it closes. */
  readonly awarenessClients = new Set<number>();
  /** Frames received before the room finished loading, in order. */
  readonly pendingFrames: Uint8Array[] = [];
  pendingBytes = 0;
  private closed = false;
  private tokens: number;
  private lastRefill: number;
  private readonly onClose: (connection: Connection, code: number) => void;

  constructor(
    readonly socket: SyncSocket,
    access: ConnectionAccess,
    private readonly limits: RelayLimits,
    onClose: (connection: Connection, code: number) => void,
    now: number,
  ) {
    this.canWrite = access.canWrite;
    this.personId = access.personId ?? null;
    this.forbiddenKeys = access.forbiddenKeys ?? [];
    this.guard = access.guard;
    this.tokens = limits.maxMessagesPerSecond * 2;
    this.lastRefill = now;
    this.onClose = onClose;
  }

  get isClosed(): boolean {
    return this.closed || !this.socket.isOpen();
  }

  /** Token bucket: `maxMessagesPerSecond` sustained, twice that as a burst. */
  takeMessageToken(now: number): boolean {
    const rate = this.limits.maxMessagesPerSecond;
    const elapsed = Math.max(0, now - this.lastRefill) / 1000;
    this.tokens = Math.min(rate * 2, this.tokens + elapsed * rate);
    this.lastRefill = now;
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }

  /**
   * Sends a frame, or closes the connection when the client is not keeping up.
   * Dropping a frame would leave the client silently out of sync; closing makes
   * it reconnect and resync from a consistent state.
   */
  send(frame: Uint8Array): void {
    if (this.isClosed) return;
    if (this.socket.bufferedAmount() + frame.byteLength > this.limits.maxBufferedBytes) {
      this.close(CloseCode.SlowConsumer, 'client is not reading fast enough; reconnect to resync');
      return;
    }
    this.socket.send(frame);
  }

  close(code: number, reason: string): void {
    if (this.closed) return;
    this.closed = true;
    this.pendingFrames.length = 0;
    if (this.socket.isOpen()) this.socket.close(code, reason);
    this.onClose(this, code);
  }

  /** The socket closed from the other side. */
  markClosed(): void {
    if (this.closed) return;
    this.closed = true;
    this.pendingFrames.length = 0;
    this.onClose(this, 1000);
  }
}
