import { CloseCode } from '@samle/shared';
import type { ConnectionAccess, PresenceIdentity, RelayLimits, SyncSocket, UpdateGuard } from './types.js';

let nextConnectionId = 1;

/**
 * One client socket on one doc: its access, its rate budget, the frames it sent
 * while the doc was loading, and the awareness client ids it speaks for.
 */
export class Connection {
  readonly id = nextConnectionId++;
  readonly canWrite: boolean;
  readonly personId: string | null;
  readonly guard: UpdateGuard | undefined;
  /** Whose writing this is (per-writer quota, own content); null: not counted. */
  readonly writerKey: string | null;
  /** Name and role presence shows for this connection, from its grant. */
  readonly presence: PresenceIdentity | undefined;
  /** The awareness client id this connection speaks for: the first free one it used. */
  presenceClient: number | null = null;
  /** Awareness entries it sent for other client ids (dropped). */
  forgedPresence = 0;
  /** Awareness client ids this connection introduced; removed for everyone when it closes. */
  readonly awarenessClients = new Set<number>();
  /**
   * Bytes of this connection's first sync (the whole document, for a fresh client): allowed in its
   * send buffer on top of `maxBufferedBytes`, so a document the relay accepted always opens.
   */
  private firstSyncAllowance = 0;
  /** Frames received before the room finished loading, in order. */
  private pendingFrames: Uint8Array[] = [];
  private pendingBytes = 0;
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
    this.guard = access.guard;
    this.writerKey = access.writerKey ?? null;
    this.presence = access.presence;
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
    const bound = this.limits.maxBufferedBytes + this.firstSyncAllowance;
    if (this.socket.bufferedAmount() + frame.byteLength > bound) {
      this.close(CloseCode.SlowConsumer, 'client is not reading fast enough; reconnect to resync');
      return;
    }
    this.socket.send(frame);
  }

  /**
   * Sends the answer to the client's first sync step 1. It holds the whole document for a fresh
   * client, which may be larger than the send buffer's bound (the document limit and the per-writer
   * quota bound it instead): it is allowed on top of that bound, once, rather than closing every
   * client of a large board on connect.
   */
  sendFirstSync(frame: Uint8Array): void {
    if (this.firstSyncAllowance === 0) this.firstSyncAllowance = frame.byteLength;
    this.send(frame);
  }

  /**
   * Keeps a frame that arrived while the doc is loading (or being rebuilt), for `takeBuffered`.
   * More than four frames' worth closes the connection: nobody needs to send that much unanswered.
   */
  buffer(frame: Uint8Array): void {
    this.pendingBytes += frame.byteLength;
    if (this.pendingBytes > this.limits.maxFrameBytes * 4) {
      this.close(CloseCode.RateLimited, 'too much data sent while the document was loading');
      return;
    }
    this.pendingFrames.push(frame);
  }

  /** The frames kept while the doc was loading, in order; the buffer is empty afterwards. */
  takeBuffered(): Uint8Array[] {
    const frames = this.pendingFrames;
    this.pendingFrames = [];
    this.pendingBytes = 0;
    return frames;
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
