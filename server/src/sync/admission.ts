import { CloseCode } from '@samle/shared';
import * as Y from 'yjs';
import type { Connection } from './Connection.js';
import { inspectUpdate } from './protocol.js';
import type { GuardContext, GuardVerdict, RelayLimits, RelayLogger } from './types.js';
import type { WriterLedger } from './WriterLedger.js';

/** What to do with a client's update, decided before Yjs applies it. */
export type Admission =
  /** Nothing to apply (a stock client's empty step 2). */
  | { kind: 'ignore' }
  /**
   * Refused: the connection is closed with this code; nothing is stored or relayed. `touched`: the
   * guard refused, and it may have integrated the update into the live doc, which must be rebuilt.
   */
  | { kind: 'refuse'; code: number; reason: string; touched: boolean }
  /** Apply it; `newClients` are Yjs client ids the doc had no content under, `context` what the guard counted. */
  | { kind: 'admit'; newClients: number[]; context: GuardContext };

export interface AdmissionInput {
  connection: Connection;
  /** The live doc, made live only for an update that gets past the first checks (readers keep it cold). */
  doc: () => Y.Doc;
  update: Uint8Array;
  writers: WriterLedger;
  limits: RelayLimits;
  /** Bytes of the doc stored and waiting to be stored: the doc limit counts both. */
  docBytes: number;
  now: number;
  logger: RelayLogger;
  docId: string;
}

/**
 * The checks a client's update passes, in order: that it carries anything, that the
 * connection may write, the writer's quota, the doc's size limit, and last the
 * connection's guard (which fails closed, and may integrate the update to check it).
 */
export function admitUpdate(input: AdmissionInput): Admission {
  const first = firstChecks(input, (client) => Y.getState(input.doc().store, client));
  if (first.kind !== 'admit') return first;
  const doc = input.doc();
  // Last: the guard may integrate the update into the live doc to check it.
  const context = input.writers.contextFor(input.connection.writerKey, input.now);
  const refusal = guardRefusal(input, doc, context);
  if (refusal) return { kind: 'refuse', ...refusal, touched: true };
  return { kind: 'admit', newClients: first.newClients, context };
}

/**
 * Every check but the guard: that the update carries anything, that the connection may write, the
 * writer's quota and the doc's size limit. `clockOf` is the doc's clock for a Yjs client id.
 */
export function firstChecks(
  input: Omit<AdmissionInput, 'doc'>,
  clockOf: (client: number) => number,
): Exclude<Admission, { kind: 'admit' }> | { kind: 'admit'; newClients: number[]; clients: ReadonlySet<number> } {
  const { connection, update, writers, limits } = input;
  const shape = inspectUpdate(update);
  // A stock client answers our sync step 1 with an empty step 2 even when it only reads.
  if (shape.isEmpty) return { kind: 'ignore' };
  if (!connection.canWrite) {
    return {
      kind: 'refuse',
      code: CloseCode.ReadOnly,
      reason: 'this connection may only read this document',
      touched: false,
    };
  }
  // Ids the doc has no content under yet: what this update writes under them is the writer's own.
  const newClients = [...shape.clients].filter((client) => clockOf(client) === 0);
  if (writers.wouldExceed(connection.writerKey, update.byteLength, limits.maxWriterBytes)) {
    return {
      kind: 'refuse',
      code: CloseCode.WriterQuotaExceeded,
      reason: `one person adds at most ${limits.maxWriterBytes} bytes to this document`,
      touched: false,
    };
  }
  if (input.docBytes + update.byteLength > limits.maxDocBytes) {
    return {
      kind: 'refuse',
      code: CloseCode.DocTooLarge,
      reason: `document would exceed ${limits.maxDocBytes} bytes`,
      touched: false,
    };
  }
  return { kind: 'admit', newClients, clients: shape.clients };
}

/**
 * The connection's guard on this update. Fails closed: a guard that throws (a bug, a crafted update
 * it cannot handle) refuses the update, like a refusal.
 */
function guardRefusal(input: AdmissionInput, doc: Y.Doc, context: GuardContext): GuardVerdict | null {
  const { connection } = input;
  if (!connection.guard) return null;
  try {
    const verdict = connection.guard(doc, input.update, context);
    if (verdict === null) return null;
    return typeof verdict === 'string' ? { code: CloseCode.PolicyViolation, reason: verdict } : verdict;
  } catch (error) {
    input.logger.error({ err: error, docId: input.docId }, 'update guard failed; the update is refused');
    return { code: CloseCode.PolicyViolation, reason: 'the server could not check this update' };
  }
}
