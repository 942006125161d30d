import { CloseCode } from '@samle/shared';
import * as Y from 'yjs';
import type { GuardVerdict } from '../sync/types.js';

/** Any shared type, as Yjs itself types it. */
export type SharedType = Parameters<typeof Y.findRootTypeKey>[0];

/**
 * Deepest nesting of shared types any document may hold (a root map is depth 1;
 * a board's note text is 3, a description's text run 3, nested Lexical lists
 * about twice their indent). Yjs deletes and garbage-collects nested types
 * recursively, so a note thousands of levels deep overflowed the stack when it
 * was deleted and could never be removed; this bound keeps every document far
 * from that.
 */
export const MAX_NESTING_DEPTH = 64;

/** What a document's policy looks at: each type the update changed, and each item it created. */
export interface ShadowJudge {
  /** An existing type whose keys (maps) or content (sequences, key null) the update changed. */
  changed?(type: SharedType, keys: Set<string | null>, transaction: Y.Transaction, rootKey: string): string | null;
  /** An item the update created, in its resulting place (parent and key resolved, even when only inherited). */
  created?(item: Y.Item, rootKey: string, transaction: Y.Transaction): string | null;
}

/**
 * Integrates `update` into the live document and asks `judge` about what it
 * changed, checking the *resulting* state: which type an item lands in (and
 * under which key) is only known once it is integrated, because an item names
 * its parent only when it has no neighbour to inherit it from — so an author
 * written where a removed author was arrives without the key `authorId` in its
 * bytes. Every created item is also checked for nesting depth, walking parents
 * iteratively (never recursion a crafted document can overflow).
 *
 * The check runs on the live document itself, not on a copy: the room keeps
 * what Yjs emitted when the update is accepted, and when it is refused the
 * room throws its in-memory document away and rebuilds it from storage before
 * anything else reads it (see UpdateGuard), so a refused update is never stored
 * or relayed. (A shadow copy cost a second integration of every accepted update
 * and a second document in memory, to save a rebuild on a refusal.)
 *
 * Fails closed: any exception while checking (a Yjs error, a stack overflow in
 * a judge) refuses the update. Returns why the update is refused, or null.
 */
export function integrationRefusal(
  live: Y.Doc,
  update: Uint8Array,
  judge: ShadowJudge,
  prepare?: (doc: Y.Doc) => void,
): string | GuardVerdict | null {
  let refusal: string | GuardVerdict | null = null;
  const check = (transaction: Y.Transaction) => {
    refusal ??= transactionRefusal(transaction, judge);
  };
  try {
    // e.g. a root type the judge reads by its class (defining it does not change the document's content)
    prepare?.(live);
    const pendingBefore = pendingSize(live);
    live.on('afterTransaction', check);
    try {
      Y.applyUpdate(live, update);
    } finally {
      live.off('afterTransaction', check);
    }
    // Items whose dependencies never arrived would integrate later, unchecked. The writer is not
    // at fault: another instance may have stored (and sent this writer) changes and died before
    // passing them on. Closed with a code a stock client reconnects after, its sync then brings
    // what this server lacks; with 4422 it stopped for good (the kill -9 test hung on it).
    if (!refusal && pendingSize(live) > pendingBefore) {
      refusal = {
        code: CloseCode.MissingDependencies,
        reason: 'the update depends on changes the server does not have',
      };
    }
  } catch (error) {
    refusal = `the update could not be checked (${error instanceof Error ? error.name : 'error'})`;
  }
  return refusal;
}

/** Bytes of updates Yjs holds back because something they build on is missing. */
function pendingSize(doc: Y.Doc): number {
  return (doc.store.pendingStructs?.update.byteLength ?? 0) + (doc.store.pendingDs?.byteLength ?? 0);
}

function transactionRefusal(transaction: Y.Transaction, judge: ShadowJudge): string | null {
  const depths = new Map<SharedType, number>();
  for (const item of createdItems(transaction)) {
    const parent = item.parent as SharedType | null;
    if (!parent) continue;
    const depth = depthOf(parent, depths);
    if (depth.depth + (item.content instanceof Y.ContentType ? 1 : 0) > MAX_NESTING_DEPTH) {
      return `shared types nest at most ${MAX_NESTING_DEPTH} deep`;
    }
    const refusal = judge.created?.(item, depth.rootKey, transaction);
    if (refusal) return refusal;
  }
  if (judge.changed) {
    for (const [type, keys] of transaction.changed) {
      const refusal = judge.changed(type, keys, transaction, rootKeyOf(type));
      if (refusal) return refusal;
    }
  }
  return null;
}

/** Items this transaction integrated (deleted ones included), from the store, in clock order per client. */
function* createdItems(transaction: Y.Transaction): Generator<Y.Item> {
  const { store } = transaction.doc;
  for (const [client, after] of transaction.afterState) {
    const before = transaction.beforeState.get(client) ?? 0;
    if (after <= before) continue;
    const structs = store.clients.get(client);
    if (!structs) continue;
    for (let index = Y.findIndexSS(structs, before); index < structs.length; index++) {
      const struct = structs[index];
      if (!struct || struct.id.clock >= after) break;
      if (struct instanceof Y.Item && struct.id.clock >= before) yield struct;
    }
  }
}

/** A type's depth (its root is 1) and root name, memoised along the way; iterative. */
function depthOf(type: SharedType, memo: Map<SharedType, number>): { depth: number; rootKey: string } {
  const chain: SharedType[] = [];
  let current: SharedType = type;
  let base = 0;
  while (true) {
    const known = memo.get(current);
    if (known !== undefined) {
      base = known;
      break;
    }
    chain.push(current);
    const item: Y.Item | null = current._item;
    if (!item) break;
    current = item.parent as SharedType;
  }
  for (let i = chain.length - 1; i >= 0; i--) {
    base++;
    const link = chain[i];
    if (link) memo.set(link, base);
  }
  return { depth: base, rootKey: rootKeyOf(type) };
}

/** The name of the root type `type` sits under (iterative). */
export function rootKeyOf(type: SharedType): string {
  let current: SharedType = type;
  while (current._item) current = current._item.parent as SharedType;
  return Y.findRootTypeKey(current);
}

/** Keys from the root down to `type`: the root's name, then each parent's key (null inside arrays and texts). */
export function pathOf(type: SharedType): Array<string | null> {
  const path: Array<string | null> = [];
  let current: SharedType = type;
  while (current._item) {
    path.unshift(current._item.parentSub);
    current = current._item.parent as SharedType;
  }
  path.unshift(Y.findRootTypeKey(current));
  return path;
}

/** The value an item holds when it is a plain value (a map entry, an attribute). */
export function plainValueOf(item: Y.Item): unknown {
  return item.content.getContent()[0];
}
