import { AUTHOR_KEYS, CloseCode } from '@samle/shared';
import * as Y from 'yjs';
import type { GuardContext, GuardVerdict, IndexedJudge, UpdateGuard } from '../sync/types.js';
import { integrationRefusal, MAX_NESTING_DEPTH } from './shadowGuard.js';
import { factsRefusal, foreignNotesRemoved, StructIndex } from './structIndex.js';

/**
 * Notes of others one person may delete on a board within a minute. Tidying up
 * a few duplicates is normal; clearing a board is the facilitator's (a
 * participant's mass delete was the one way to wipe a shared board for good).
 */
export const MAX_FOREIGN_DELETES_PER_MINUTE = 10;

const AUTHORS = new Set<string>(AUTHOR_KEYS);

export interface NotesPolicy {
  /** Roots a client writes: a board's `notes` and `clusters`; a private-writing draft's `notes`. */
  roots: ReadonlySet<string>;
  /** From the server's record of the board: no author may be written anywhere in the doc. */
  anonymous: boolean;
  /** The facilitator may delete any number of notes; others at most MAX_FOREIGN_DELETES_PER_MINUTE of others'. */
  mayDeleteMany: boolean;
  /** The writer's person id: notes that carry it as author are theirs. */
  personId: string | null;
}

export const BOARD_ROOTS: ReadonlySet<string> = new Set(['notes', 'clusters']);
export const DRAFT_ROOTS: ReadonlySet<string> = new Set(['notes']);

/**
 * What a client may write to a board (or a private-writing draft), checked on
 * the resulting state (shadowGuard.ts):
 * - only its notes and clusters: `meta` (title, kind, anonymity, schema version)
 *   is server truth, changed through commands, and any other root is refused;
 * - on an anonymous board (the server's record says so) no `authorId` or
 *   `authorName` anywhere — also not written onto a note whose author was removed,
 *   which arrives without its key in the update's bytes;
 * - at most MAX_FOREIGN_DELETES_PER_MINUTE deleted notes that are not the
 *   writer's, unless they are the facilitator (close 4423).
 * Refusals close with 4422 unless they say otherwise.
 */
export function notesGuard(policy: NotesPolicy): UpdateGuard {
  const guard = (live: Y.Doc, update: Uint8Array, context: GuardContext): string | GuardVerdict | null => {
    let verdict: GuardVerdict | null = null;
    const refusal = integrationRefusal(live, update, {
      created: (item, rootKey) => {
        const root = rootRefusal(rootKey, policy);
        if (root) return root;
        if (policy.anonymous && item.parentSub !== null && AUTHORS.has(item.parentSub) && !item.deleted) {
          return `this board is anonymous: it does not store "${item.parentSub}"`;
        }
        return null;
      },
      changed: (type, keys, transaction, rootKey) => {
        const root = rootRefusal(rootKey, policy);
        if (root) return root;
        if (type._item !== null || rootKey !== 'notes' || policy.mayDeleteMany) return null;
        context.foreignDeletes += foreignNotesDeleted(type as Y.Map<unknown>, keys, transaction, policy, context);
        if (context.recentForeignDeletes + context.foreignDeletes <= MAX_FOREIGN_DELETES_PER_MINUTE) return null;
        verdict = {
          code: CloseCode.ForeignDeletesRefused,
          reason: `only the facilitator deletes more than ${MAX_FOREIGN_DELETES_PER_MINUTE} notes of others a minute`,
        };
        return verdict.reason;
      },
    });
    return verdict ?? refusal;
  };
  return Object.assign(guard, { indexed: indexedNotesJudge(policy) });
}

/**
 * The same rules from a struct index (structIndex.ts), which `server/test/structIndex.test.ts` holds to the
 * live guard's verdicts. It only accepts: whatever it would refuse, and bytes it cannot read, go to the live
 * guard above, so a refusal's code and reason are the live guard's.
 */
function indexedNotesJudge(policy: NotesPolicy): IndexedJudge {
  const rules = {
    ...policy,
    maxDepth: MAX_NESTING_DEPTH,
    maxForeignDeletes: MAX_FOREIGN_DELETES_PER_MINUTE,
    authorKeys: AUTHORS,
  };
  return {
    build: (encoded) => StructIndex.from(encoded),
    judge(index, update, context) {
      if (!(index instanceof StructIndex)) return null;
      let judged: ReturnType<StructIndex['judge']>;
      try {
        judged = index.judge(update);
      } catch {
        return null;
      }
      const { facts, commit } = judged;
      if (factsRefusal(facts, rules, context) !== null) return null;
      return { novel: facts.novel, foreignDeletes: foreignNotesRemoved(facts, rules, context.ownClients), commit };
    },
  };
}

function rootRefusal(rootKey: string, policy: NotesPolicy): string | null {
  if (policy.roots.has(rootKey)) return null;
  if (rootKey === 'meta') return "only the server writes a board's title, kind and anonymity";
  return `a board holds only ${[...policy.roots].join(' and ')}`;
}

/** Notes this transaction removed (deleted or replaced) that existed before it and are not the writer's. */
function foreignNotesDeleted(
  notes: Y.Map<unknown>,
  keys: Set<string | null>,
  transaction: Y.Transaction,
  policy: NotesPolicy,
  context: GuardContext,
): number {
  let count = 0;
  for (const key of keys) {
    if (key === null) continue;
    // The key's items, newest first: the ones this transaction deleted that it did not create.
    for (let item = notes._map.get(key) ?? null; item !== null; item = item.left) {
      if (!item.deleted) continue;
      const existed = item.id.clock < (transaction.beforeState.get(item.id.client) ?? 0);
      if (!existed) continue;
      if (!Y.isDeleted(transaction.deleteSet, item.id)) break;
      if (!isOwnNote(item, policy, context)) count++;
      break;
    }
  }
  return count;
}

function isOwnNote(item: Y.Item, policy: NotesPolicy, context: GuardContext): boolean {
  if (context.ownClients.has(item.id.client)) return true;
  const note = item.content instanceof Y.ContentType ? item.content.type : null;
  // The note is deleted, so `get` no longer sees its keys; the author item itself is still there.
  const author = note instanceof Y.Map ? note._map.get('authorId') : undefined;
  return policy.personId !== null && author?.content.getContent()[0] === policy.personId;
}

/** Reflections and anything else a client writes whole: only the depth bound and fail-closed checking. */
export const depthOnlyGuard: UpdateGuard = (live, update) => integrationRefusal(live, update, {});
