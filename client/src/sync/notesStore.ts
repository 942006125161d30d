import { type NoteMap, type NoteView, notesOf, readNote } from '@samle/shared';
import * as Y from 'yjs';
import { createExternalStore, type ExternalStore, sameItems } from './externalStore';

/**
 * An external store over the notes of a board doc: an immutable array of
 * NoteViews in stacking order. A note whose fields did not change keeps its
 * object identity, so memoised note components skip re-rendering while
 * someone drags one note on a 2,000-note board. A transaction re-reads only
 * the notes it touched.
 */
export type NotesStore = ExternalStore<readonly NoteView[]>;

function byStackingOrder(a: NoteView, b: NoteView): number {
  return a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1);
}

function sameView(a: NoteView, b: NoteView): boolean {
  return (
    a.id === b.id &&
    a.text === b.text &&
    a.x === b.x &&
    a.y === b.y &&
    a.w === b.w &&
    a.h === b.h &&
    a.color === b.color &&
    a.authorId === b.authorId &&
    a.authorName === b.authorName &&
    a.clusterId === b.clusterId &&
    a.createdAt === b.createdAt
  );
}

/** The ids of the notes a batch of deep events touched. */
function touchedNotes(notes: Y.Map<NoteMap>, events: Y.YEvent<Y.AbstractType<unknown>>[]): Set<string> {
  const touched = new Set<string>();
  for (const event of events) {
    if (event.target === notes) {
      // keysChanged, not changes.keys: the latter works out each key's old value and action, which on a
      // 10,000-note board's first sync costs a walk over every note for nothing.
      for (const key of (event as Y.YMapEvent<NoteMap>).keysChanged) if (key !== null) touched.add(key);
    } else if (typeof event.path[0] === 'string') {
      touched.add(event.path[0]);
    }
  }
  return touched;
}

/**
 * The common case of a change (a note moved, typed into, recoloured): the
 * touched notes are all still there and keep their place in the stacking
 * order, so they are replaced where they stand — one pass, no sort. Undefined
 * when a note was added or removed or its place could change.
 */
function replaceTouched(
  previous: readonly NoteView[],
  touched: ReadonlySet<string>,
  readOne: (id: string) => NoteView | undefined,
): NoteView[] | undefined {
  const next = [...previous];
  let found = 0;
  for (let i = 0; i < next.length && found < touched.size; i++) {
    const old = next[i] as NoteView;
    if (!touched.has(old.id)) continue;
    found++;
    const fresh = readOne(old.id);
    if (!fresh || fresh.createdAt !== old.createdAt) return undefined;
    if (!sameView(old, fresh)) next[i] = fresh;
  }
  return found === touched.size ? next : undefined;
}

export function createNotesStore(doc: Y.Doc): NotesStore {
  const notes = notesOf(doc);

  const readOne = (id: string): NoteView | undefined => {
    const note = notes.get(id);
    return note instanceof Y.Map ? readNote(id, note) : undefined;
  };

  return createExternalStore<readonly NoteView[]>({
    read(previous, hint) {
      if (previous && hint instanceof Set) {
        const moved = replaceTouched(previous, hint as Set<string>, readOne);
        if (moved) return moved;
      }
      const byId = new Map((previous ?? []).map((view) => [view.id, view]));
      const ids = hint instanceof Set ? (hint as Set<string>) : new Set([...notes.keys(), ...byId.keys()]);
      for (const id of ids) {
        const fresh = readOne(id);
        const old = byId.get(id);
        if (!fresh) byId.delete(id);
        else if (!old || !sameView(old, fresh)) byId.set(id, fresh);
      }
      return [...byId.values()].sort(byStackingOrder);
    },
    equals: sameItems,
    listen(changed) {
      const observer = (events: Y.YEvent<Y.AbstractType<unknown>>[]) => {
        const touched = touchedNotes(notes, events);
        if (touched.size > 0) changed(touched);
      };
      notes.observeDeep(observer);
      return () => notes.unobserveDeep(observer);
    },
  });
}
