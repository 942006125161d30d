/**
 * "New since your last visit": per workshop, this browser remembers the last
 * follow-up update of each idea the reader has had on screen. Kept in
 * localStorage (the reader's own device), so nothing about who read what
 * reaches the server.
 */
export type SeenMarks = Record<string, number>;

export interface SeenStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

const key = (workshopId: string) => `samle.followUpSeen.${workshopId}`;

export function loadSeen(storage: SeenStorage | undefined, workshopId: string): SeenMarks {
  try {
    const parsed: unknown = JSON.parse(storage?.getItem(key(workshopId)) ?? '{}');
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return {};
    return Object.fromEntries(
      Object.entries(parsed as Record<string, unknown>).filter((e): e is [string, number] => typeof e[1] === 'number'),
    );
  } catch {
    // A damaged entry only means everything shows as new once more.
    return {};
  }
}

/** Records that the idea's follow-up was seen as of `updatedAt`; never moves a mark back. */
export function markSeen(
  storage: SeenStorage | undefined,
  workshopId: string,
  marks: SeenMarks,
  ideaId: string,
  updatedAt: number,
): SeenMarks {
  if ((marks[ideaId] ?? 0) >= updatedAt) return marks;
  const next = { ...marks, [ideaId]: updatedAt };
  try {
    storage?.setItem(key(workshopId), JSON.stringify(next));
  } catch {
    // Storage full or blocked (private mode): the mark holds for this page only.
  }
  return next;
}

/** Whether something updated at `at` is new to a reader whose mark for the idea is `seen`. */
export function isNewTo(seen: number | undefined, at: number): boolean {
  return seen === undefined || at > seen;
}
