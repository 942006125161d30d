import * as Y from 'yjs';
import { ClientRanges, DEAD, ints, NONE, Ranges } from './structRanges.js';

/**
 * A document's structure without its content: for every struct, the shared type it
 * sits in and the key it sits under; for every shared type, its depth, its root and
 * whether it is deleted; and which ranges are deleted. It answers the questions the
 * board guards ask (boardPolicy.ts) from an update's own bytes, without a live Y.Doc.
 *
 * Why: a live Y.Doc costs ~450 bytes per struct (18.6× the encoded size of a
 * 5,000-note board, measured with `--expose-gc`), so a relay that holds one for every
 * written board cannot reach issue #19's memory target (3× encoded). This index costs
 * a few dozen bytes per struct (`bytes`). The board guard's index judge (boardPolicy.ts)
 * uses it, so the relay holds a written notes board as its encoded state plus this index
 * (DocState's indexed form, sync/indexedWrite.ts); see docs/performance.md, "Memory: a
 * written board without a Y.Doc".
 *
 * What Yjs does on integration, and the index mirrors (Item.getMissing / integrate):
 * - an item names its parent (a root's name, or the id of the item holding a type)
 *   only when it has no neighbour; otherwise it inherits its neighbour's parent and
 *   key (left first, then right);
 * - a neighbour or parent that is garbage-collected, or a parent item that holds no
 *   type, makes the item garbage (it lands nowhere);
 * - an item whose parent type is deleted, or a map entry placed left of an existing
 *   one, is deleted as it lands; a map entry placed as the newest deletes the entry
 *   it replaces;
 * - an update whose structs or deletions refer to clocks the document does not have
 *   is held back by Yjs; the index reports it as missing dependencies.
 * Where a crafted update could make Yjs's conflict resolution place an item other than
 * the index assumes (concurrent map entries with the same left neighbour), the index
 * errs towards refusing.
 */

/** What one update does, as the guards need it. */
export interface UpdateFacts {
  /** It refers to structs or clocks the document does not have (Yjs would hold it back). */
  missing: boolean;
  /** Items it creates, in their resulting place. */
  created: Array<{ root: string; key: string | null; depth: number; deleted: boolean; holdsType: boolean }>;
  /** Roots under which it changes something (creates, deletes or replaces). */
  changedRoots: Set<string>;
  /** Entries of the root `notes` (a note, by key) it deletes or replaces that existed before: their author and client. */
  removedNotes: Array<{ type: number; key: string; author: string | null; client: number }>;
  /** It adds a struct or deletes something not deleted yet (a repeated update adds nothing: Yjs emits nothing for it). */
  novel: boolean;
}

interface Placed {
  parent: number;
  key: number;
  holds: number;
  deleted: boolean;
  /** For an `authorId` entry: the author's id (a plain string value). */
  author?: string;
}

/** The structure of one document: see the file's comment. */
export class StructIndex {
  private readonly clients = new Map<number, ClientRanges>();
  private readonly deleted = new Ranges();
  private readonly keyRefs = new Map<string, number>();
  private readonly keys: string[] = [];
  private readonly rootRefs = new Map<string, number>();
  private typeCount = 0;
  private readonly typeParent = ints();
  private readonly typeDepth = ints();
  /** Key ref of the root's name for a root type; for others the root's type ref. */
  private readonly typeRoot = ints();
  private readonly typeDeleted = ints();
  /** For a note (a type under root `notes`): its `authorId`'s key ref, or NONE. */
  private readonly typeAuthor = ints();
  /** Each note's (type ref's) Yjs client, the writer who made it. */
  private readonly noteEntries = new Map<number, number>();
  /** The newest note under each key (key ref → type ref). */
  private readonly noteByKey = new Map<number, number>();

  /** Reads an update (e.g. a stored snapshot) into the index without judging it. */
  static from(update: Uint8Array): StructIndex {
    const index = new StructIndex();
    index.apply(update);
    index.trim();
    return index;
  }

  /**
   * What `update` would do, and how to take it into the index once the guards accepted it. Throws on bytes
   * that do not decode as an update: a caller refuses the update then (fails closed), as the live guard does.
   */
  judge(update: Uint8Array): { facts: UpdateFacts; commit(): void } {
    return this.read(update);
  }

  /** Takes `update` into the index without judging it (and returns what it did). */
  apply(update: Uint8Array): UpdateFacts {
    const { facts, commit } = this.read(update);
    commit();
    return facts;
  }

  /** The clock up to which the index holds `client`'s structs (Yjs's `getState`). */
  clockOf(client: number): number {
    return this.clients.get(client)?.end ?? 0;
  }

  /** The encoded state vector of what the index holds (of `only` those clients, when given). */
  stateVector(only?: Iterable<number>): Uint8Array {
    const clocks = new Map<number, number>();
    if (only) for (const client of only) clocks.set(client, this.clockOf(client));
    else for (const [client, ranges] of this.clients) clocks.set(client, ranges.end);
    return Y.encodeStateVector(clocks);
  }

  /** Bytes this index holds (its typed columns, delete set and key table, approximately). */
  get bytes(): number {
    let bytes = 0;
    for (const ranges of this.clients.values()) bytes += ranges.bytes + 64;
    bytes += this.deleted.bytes;
    bytes +=
      this.typeParent.bytes +
      this.typeDepth.bytes +
      this.typeRoot.bytes +
      this.typeDeleted.bytes +
      this.typeAuthor.bytes;
    for (const key of this.keys) bytes += 40 + key.length * 2;
    bytes += (this.noteEntries.size + this.noteByKey.size) * 32;
    return bytes;
  }

  /** Drops the columns' spare capacity (they grow by doubling as updates come in). */
  trim(): void {
    for (const ranges of this.clients.values()) ranges.trim();
    for (const column of [this.typeParent, this.typeDepth, this.typeRoot, this.typeDeleted, this.typeAuthor]) {
      column.trim(this.typeCount);
    }
  }

  private keyRef(key: string): number {
    let ref = this.keyRefs.get(key);
    if (ref === undefined) {
      ref = this.keys.length;
      this.keys.push(key);
      this.keyRefs.set(key, ref);
    }
    return ref;
  }

  private newType(parent: number, depth: number, root: number): number {
    const ref = this.typeCount++;
    this.typeParent.set(ref, parent);
    this.typeDepth.set(ref, depth);
    this.typeRoot.set(ref, root);
    this.typeDeleted.set(ref, 0);
    this.typeAuthor.set(ref, NONE);
    return ref;
  }

  private rootType(name: string): number {
    let ref = this.rootRefs.get(name);
    if (ref === undefined) {
      ref = this.newType(NONE, 1, this.keyRef(name));
      this.rootRefs.set(name, ref);
    }
    return ref;
  }

  private rootName(type: number): string {
    const parent = this.typeParent.get(type);
    const root = parent === NONE ? this.typeRoot.get(type) : this.typeRoot.get(this.typeRoot.get(type));
    return this.keys[root] as string;
  }

  private rootTypeOf(type: number): number {
    return this.typeParent.get(type) === NONE ? type : this.typeRoot.get(type);
  }

  private read(update: Uint8Array): { facts: UpdateFacts; commit(): void } {
    const { structs, ds } = Y.decodeUpdate(update);
    const facts: UpdateFacts = {
      missing: false,
      created: [],
      changedRoots: new Set(),
      removedNotes: [],
      novel: false,
    };
    // This update's new items, placed: by client, then by clock.
    const placed = new Map<number, Array<Placed & { start: number; length: number }>>();
    const ends = new Map<number, number>();
    const endOf = (client: number) => ends.get(client) ?? this.clients.get(client)?.end ?? 0;
    /** Where the struct holding `id` sits: from the index or from this update. */
    const lookup = (client: number, clock: number): Placed | null => {
      const ranges = this.clients.get(client);
      const at = ranges?.find(clock) ?? NONE;
      if (ranges && at !== NONE) {
        return {
          parent: ranges.parent.get(at),
          key: ranges.key.get(at),
          holds: ranges.holds.get(at),
          deleted: this.deleted.has(client, clock),
        };
      }
      const mine = placed.get(client);
      if (!mine) return null;
      // In clock order: a binary search.
      let low = 0;
      let high = mine.length - 1;
      while (low <= high) {
        const mid = (low + high) >>> 1;
        const entry = mine[mid] as Placed & { start: number; length: number };
        if (clock < entry.start) high = mid - 1;
        else if (clock >= entry.start + entry.length) low = mid + 1;
        else return entry;
      }
      return null;
    };
    // Newest entry per (type, key) seen in this update, so an overwrite is seen as a replacement.
    const pendingNew: Array<{ client: number; clock: number; length: number; entry: Placed }> = [];

    // Structs arrive per client in clock order; a client's structs may depend on another client's in the same
    // update. Place them in rounds until nothing more can be placed.
    let queue = structs.filter((s) => !(s instanceof Y.Skip));
    let progress = true;
    while (queue.length > 0 && progress) {
      progress = false;
      const later: typeof queue = [];
      for (const struct of queue) {
        const { client, clock } = struct.id;
        const known = endOf(client);
        if (clock + struct.length <= known) {
          progress = true; // already there
          continue;
        }
        if (clock > known) {
          later.push(struct);
          continue;
        }
        const offset = known - clock;
        const length = struct.length - offset;
        let entry: Placed;
        if (struct instanceof Y.GC) entry = { parent: DEAD, key: NONE, holds: NONE, deleted: true };
        else {
          const result = this.place(struct as Y.Item, offset, lookup);
          if (result === 'wait') {
            later.push(struct);
            continue;
          }
          entry = result;
        }
        progress = true;
        let mine = placed.get(client);
        if (!mine) {
          mine = [];
          placed.set(client, mine);
        }
        mine.push({ ...entry, start: known, length });
        ends.set(client, known + length);
        pendingNew.push({ client, clock: known, length, entry });
      }
      queue = later;
    }
    if (queue.length > 0) facts.missing = true;

    // Deletions: of this update's own new items, and of items the document has.
    const newlyDeleted: Array<[number, number, number]> = [];
    for (const [client, items] of ds.clients) {
      for (const { clock, len } of items) {
        if (clock + len > endOf(client)) facts.missing = true;
        newlyDeleted.push([client, clock, len]);
      }
    }
    facts.novel =
      pendingNew.length > 0 ||
      newlyDeleted.some(([client, start, len]) => len > 0 && !this.deleted.covers(client, start, start + len));
    const inUpdate = new Ranges();
    for (const [client, start, len] of newlyDeleted) inUpdate.add(client, start, len);
    const deletedInUpdate = (client: number, clock: number) => inUpdate.has(client, clock);

    for (const { client, clock, entry } of pendingNew) {
      if (entry.parent === DEAD) continue;
      const root = this.rootName(entry.parent);
      facts.changedRoots.add(root);
      const depth = this.typeDepth.get(entry.parent);
      facts.created.push({
        root,
        key: entry.key === NONE ? null : (this.keys[entry.key] as string),
        depth: depth + (entry.holds !== NONE ? 1 : 0),
        deleted: entry.deleted || deletedInUpdate(client, clock) || this.typeDeleted.get(entry.parent) === 1,
        holdsType: entry.holds !== NONE,
      });
    }

    // Existing items this update deletes: the roots they sit under, and notes removed.
    for (const [client, start, len] of newlyDeleted) {
      const ranges = this.clients.get(client);
      if (!ranges) continue;
      for (let clock = start; clock < start + len; ) {
        const at = ranges.find(clock);
        if (at === NONE) break;
        const rangeEnd = ranges.endOf(at);
        const parent = ranges.parent.get(at);
        if (parent !== DEAD && !this.isWhollyDeleted(client, clock, Math.min(rangeEnd, start + len))) {
          facts.changedRoots.add(this.rootName(parent));
          this.noteRemoved(parent, ranges, at, facts);
        }
        clock = rangeEnd;
      }
    }
    // A notes entry that lands as the newest for its key replaces (deletes) the one there.
    const notesRoot = this.rootRefs.get('notes');
    for (const { entry } of pendingNew) {
      if (entry.parent !== notesRoot || entry.key === NONE || entry.deleted) continue;
      const current = this.noteByKey.get(entry.key);
      if (current === undefined || this.typeDeleted.get(current) === 1) continue;
      if (facts.removedNotes.some((removed) => removed.type === current)) continue;
      facts.removedNotes.push(this.removedNote(current, entry.key));
    }
    const commit = () => {
      if (!facts.missing) this.commit(pendingNew, newlyDeleted);
    };
    return { facts, commit };
  }

  private isWhollyDeleted(client: number, from: number, to: number): boolean {
    return this.deleted.covers(client, from, to);
  }

  private noteRemoved(parent: number, ranges: ClientRanges, at: number, facts: UpdateFacts): void {
    const holds = ranges.holds.get(at);
    if (holds === NONE || parent !== this.rootRefs.get('notes') || this.typeDeleted.get(holds) === 1) return;
    if (facts.removedNotes.some((removed) => removed.type === holds)) return;
    facts.removedNotes.push(this.removedNote(holds, ranges.key.get(at)));
  }

  private removedNote(type: number, key: number): UpdateFacts['removedNotes'][number] {
    const author = this.typeAuthor.get(type);
    return {
      type,
      key: key === NONE ? '' : (this.keys[key] as string),
      author: author === NONE ? null : (this.keys[author] as string),
      client: this.noteEntries.get(type) ?? NONE,
    };
  }

  /** Where an item lands (Item.getMissing / integrate), or 'wait' when what it builds on is not placed yet. */
  private place(
    item: Y.Item,
    offset: number,
    lookup: (client: number, clock: number) => Placed | null,
  ): Placed | 'wait' {
    // A struct taken from its middle has its own earlier part as left neighbour.
    const origin = offset > 0 ? Y.createID(item.id.client, item.id.clock + offset - 1) : item.origin;
    const left = origin ? lookup(origin.client, origin.clock) : null;
    if (origin && !left) return 'wait';
    const right = item.rightOrigin ? lookup(item.rightOrigin.client, item.rightOrigin.clock) : null;
    if (item.rightOrigin && !right) return 'wait';
    const holds = item.content instanceof Y.ContentType ? 0 : NONE;
    if ((left && left.parent === DEAD) || (right && right.parent === DEAD)) {
      return { parent: DEAD, key: NONE, holds: NONE, deleted: true };
    }
    let parent: number;
    let key: number;
    if (offset > 0 || item.parent === null) {
      const from = left ?? right;
      if (!from) return { parent: DEAD, key: NONE, holds: NONE, deleted: true };
      parent = from.parent;
      key = from.key;
    } else if (typeof item.parent === 'string') {
      parent = this.rootType(item.parent);
      key = item.parentSub === null ? NONE : this.keyRef(item.parentSub);
    } else {
      const id = item.parent as unknown as Y.ID;
      const holder = lookup(id.client, id.clock);
      if (!holder) return 'wait';
      if (holder.parent === DEAD || holder.holds < 0) return { parent: DEAD, key: NONE, holds: NONE, deleted: true };
      parent = holder.holds;
      key = item.parentSub === null ? NONE : this.keyRef(item.parentSub);
    }
    // A map entry placed left of an existing one is deleted as it lands.
    const deleted = key !== NONE && right !== null;
    const root = this.rootTypeOf(parent);
    const typeRef = holds === NONE ? NONE : this.newType(parent, this.typeDepth.get(parent) + 1, root);
    const value = key !== NONE && this.keys[key] === 'authorId' ? item.content.getContent()[0] : undefined;
    return { parent, key, holds: typeRef, deleted, ...(typeof value === 'string' ? { author: value } : {}) };
  }

  private commit(
    added: Array<{ client: number; clock: number; length: number; entry: Placed }>,
    deletions: Array<[number, number, number]>,
  ): void {
    const notesRoot = this.rootRefs.get('notes');
    for (const { client, clock, length, entry } of added) {
      let ranges = this.clients.get(client);
      if (!ranges) {
        ranges = new ClientRanges();
        this.clients.set(client, ranges);
      }
      ranges.push(clock, length, entry.parent, entry.key, entry.holds);
      if (entry.deleted) this.deleted.add(client, clock, length);
      if (entry.holds !== NONE && entry.parent === notesRoot) {
        this.noteEntries.set(entry.holds, client);
        if (!entry.deleted) {
          const replaced = this.noteByKey.get(entry.key);
          if (replaced !== undefined) this.typeDeleted.set(replaced, 1);
          this.noteByKey.set(entry.key, entry.holds);
        }
      }
      if (entry.author !== undefined && entry.parent !== DEAD && !entry.deleted) {
        this.typeAuthor.set(entry.parent, this.keyRef(entry.author));
      }
    }
    for (const [client, start, len] of deletions) {
      const ranges = this.clients.get(client);
      if (!ranges) continue;
      this.deleted.add(client, start, len);
      for (let clock = start; clock < start + len; ) {
        const at = ranges.find(clock);
        if (at === NONE) break;
        const holds = ranges.holds.get(at);
        if (holds !== NONE) this.typeDeleted.set(holds, 1);
        clock = ranges.endOf(at);
      }
    }
  }
}

/** What the board guard (boardPolicy.ts `notesGuard`) decides, from an update's facts instead of a live doc. */
export interface FactsPolicy {
  roots: ReadonlySet<string>;
  anonymous: boolean;
  mayDeleteMany: boolean;
  personId: string | null;
  maxDepth: number;
  maxForeignDeletes: number;
  authorKeys: ReadonlySet<string>;
}

/** Why the update is refused ('missing' for missing dependencies, 'foreign-deletes' for too many), or null. */
export function factsRefusal(
  facts: UpdateFacts,
  policy: FactsPolicy,
  context: { ownClients: ReadonlySet<number>; recentForeignDeletes: number },
): string | null {
  const rootRefusal = (root: string) => (policy.roots.has(root) ? null : `root "${root}" is not written by clients`);
  for (const created of facts.created) {
    if (created.depth > policy.maxDepth) return `shared types nest at most ${policy.maxDepth} deep`;
    const root = rootRefusal(created.root);
    if (root) return root;
    if (policy.anonymous && created.key !== null && policy.authorKeys.has(created.key) && !created.deleted) {
      return `this board is anonymous: it does not store "${created.key}"`;
    }
  }
  for (const root of facts.changedRoots) {
    const refusal = rootRefusal(root);
    if (refusal) return refusal;
  }
  if (facts.missing) return 'missing';
  if (!policy.mayDeleteMany) {
    const foreign = foreignNotesRemoved(facts, policy, context.ownClients);
    if (context.recentForeignDeletes + foreign > policy.maxForeignDeletes) return 'foreign-deletes';
  }
  return null;
}

/** Notes of others the update removes (0 for a writer who may delete many: the live guard does not count theirs). */
export function foreignNotesRemoved(
  facts: UpdateFacts,
  policy: Pick<FactsPolicy, 'personId' | 'mayDeleteMany'>,
  ownClients: ReadonlySet<number>,
): number {
  if (policy.mayDeleteMany) return 0;
  return facts.removedNotes.filter(
    (note) => !ownClients.has(note.client) && (policy.personId === null || note.author !== policy.personId),
  ).length;
}
