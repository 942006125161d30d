import * as Y from 'yjs';
import { type Admission, type AdmissionInput, firstChecks } from './admission.js';
import type { DocState } from './DocState.js';
import { MalformedMessageError } from './protocol.js';
import type { DocIndex } from './types.js';

/** What became of a client's update on the indexed path. */
export type IndexedAdmission =
  | Exclude<Admission, { kind: 'admit' }>
  /** Accepted and taken into the index: `effective` is what the doc lacked (null: nothing), to be stored. */
  | { kind: 'admit'; effective: Uint8Array | null; newClients: number[]; foreignDeletes: number }
  /** Not for this path: the live doc and its guard decide, exactly as without an index. */
  | { kind: 'live' };

/**
 * A client's update on a doc that is not live, judged from the doc's structure index
 * (DocState's *indexed* form) instead of being integrated into a Y.Doc. The same checks run
 * in the same order as `admitUpdate`; the guard's index judge only ever accepts. Everything
 * else goes the live way: a connection whose guard has no index judge, an update the judge
 * refuses or is unsure of (missing dependencies, bytes it cannot read), and an update Yjs
 * cannot cut down to what the doc lacks. So a refusal closes with the live guard's code and
 * reason, and a pending dependency is handled as it always was.
 *
 * What is stored and relayed is `Y.diffUpdate(update, state vector of the update's clients)`: the structs the doc
 * lacked, and the update's delete set — Yjs re-encodes every struct for it, so bytes that
 * do not encode cleanly are caught here, before anything is stored.
 */
export function admitIndexed(input: Omit<AdmissionInput, 'doc'>, content: DocState): IndexedAdmission {
  const judge = input.connection.guard?.indexed;
  if (!judge || content.isLive) return { kind: 'live' };
  // Built (from the encoded state) only for an update that gets past the connection's own checks.
  let built: DocIndex | null = null;
  const indexNow = (): DocIndex => {
    built ??= content.index(judge.build);
    return built;
  };
  let first: ReturnType<typeof firstChecks>;
  let index: DocIndex;
  try {
    first = firstChecks(input, (client) => indexNow().clockOf(client));
    if (first.kind !== 'admit') return first;
    index = indexNow();
  } catch (error) {
    if (error instanceof MalformedMessageError) throw error;
    // A state the index cannot read: the live doc is the judge, as without an index.
    input.logger.warn({ err: error, docId: input.docId }, 'struct index could not be built; the live doc judges');
    return { kind: 'live' };
  }
  const context = input.writers.contextFor(input.connection.writerKey, input.now);
  const verdict = judge.judge(index, input.update, context);
  if (!verdict) return { kind: 'live' };
  let effective: Uint8Array | null = null;
  if (verdict.novel) {
    try {
      // Only the update's own clients matter to the diff (the delete set is kept whole): a state vector of
      // every client on the board (120 in a plenum) would be encoded and decoded again for each keystroke.
      effective = Y.diffUpdate(input.update, index.stateVector(first.clients));
    } catch {
      return { kind: 'live' };
    }
  }
  verdict.commit();
  if (effective) content.append(effective);
  return { kind: 'admit', effective, newClients: first.newClients, foreignDeletes: verdict.foreignDeletes };
}
