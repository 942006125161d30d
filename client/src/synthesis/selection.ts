import type { GatherBody } from '@samle/shared';

/**
 * What the facilitator has picked on the synthesis view: notes and whole
 * themes (clusters) from any boards, in the order they were picked. Pure data
 * and functions; the page keeps it in React state.
 */

export type PickKind = 'note' | 'cluster';

export interface Pick {
  kind: PickKind;
  boardId: string;
  /** The note's or the cluster's id on its board. */
  id: string;
}

export type Selection = readonly Pick[];

export const EMPTY_SELECTION: Selection = [];

export function pickKey(pick: Pick): string {
  return `${pick.kind}|${pick.boardId}|${pick.id}`;
}

export function isPicked(selection: Selection, pick: Pick): boolean {
  const key = pickKey(pick);
  return selection.some((p) => pickKey(p) === key);
}

/** A plain click: this one alone. */
export function selectOnly(pick: Pick): Selection {
  return [pick];
}

/** Shift/ctrl-click, Space or Enter: in if it was out, out if it was in. */
export function togglePick(selection: Selection, pick: Pick): Selection {
  return isPicked(selection, pick) ? removePick(selection, pick) : [...selection, pick];
}

export function removePick(selection: Selection, pick: Pick): Selection {
  const key = pickKey(pick);
  return selection.filter((p) => pickKey(p) !== key);
}

/** Picks that are gone from their boards (deleted meanwhile) drop out. */
export function keepExisting(selection: Selection, exists: (pick: Pick) => boolean): Selection {
  const kept = selection.filter(exists);
  return kept.length === selection.length ? selection : kept;
}

/** What the boards know about the picked things, to resolve picks into notes and names. */
export interface BoardLookup {
  /** Ids of the notes in a cluster of a board. */
  membersOf(boardId: string, clusterId: string): readonly string[];
}

/**
 * The notes a selection stands for (a theme stands for its notes), each once,
 * as `boardId|noteId` keys — what is shown as selected on the boards and counted in the tray.
 */
export function selectedNotes(selection: Selection, boards: BoardLookup): Set<string> {
  const notes = new Set<string>();
  for (const pick of selection) {
    if (pick.kind === 'note') notes.add(`${pick.boardId}|${pick.id}`);
    else for (const id of boards.membersOf(pick.boardId, pick.id)) notes.add(`${pick.boardId}|${id}`);
  }
  return notes;
}

/**
 * The gather command's sources: one entry per board, in the order the boards
 * were first picked from, with the picked themes and the picked notes that are
 * not already in a picked theme (so no note is sent twice).
 */
export function gatherSources(selection: Selection, boards: BoardLookup): GatherBody['sources'] {
  const byBoard = new Map<string, { noteIds: string[]; clusterIds: string[] }>();
  const entry = (boardId: string) => {
    let found = byBoard.get(boardId);
    if (!found) {
      found = { noteIds: [], clusterIds: [] };
      byBoard.set(boardId, found);
    }
    return found;
  };
  for (const pick of selection) if (pick.kind === 'cluster') entry(pick.boardId).clusterIds.push(pick.id);
  for (const pick of selection) {
    if (pick.kind !== 'note') continue;
    const board = entry(pick.boardId);
    const covered = board.clusterIds.some((clusterId) => boards.membersOf(pick.boardId, clusterId).includes(pick.id));
    if (!covered && !board.noteIds.includes(pick.id)) board.noteIds.push(pick.id);
  }
  const order = [...new Set(selection.map((pick) => pick.boardId))];
  return order.map((boardId) => {
    const { noteIds, clusterIds } = byBoard.get(boardId) ?? { noteIds: [], clusterIds: [] };
    return {
      boardId,
      ...(noteIds.length > 0 ? { noteIds } : {}),
      ...(clusterIds.length > 0 ? { clusterIds } : {}),
    };
  });
}

export const IDEA_TITLE_MAX = 200;
const TITLE_PREFILL = 90;

/**
 * The title the gather field starts with: the first picked theme's title, else
 * the first picked note's text, cut at a word near 90 characters.
 */
export function suggestedTitle(firstTexts: {
  clusterTitle?: string | undefined;
  noteText?: string | undefined;
}): string {
  const raw = (firstTexts.clusterTitle?.trim() || firstTexts.noteText?.trim() || '').replace(/\s+/g, ' ');
  if (raw.length <= TITLE_PREFILL) return raw;
  const cut = raw.slice(0, TITLE_PREFILL);
  const space = cut.lastIndexOf(' ');
  return `${(space > 40 ? cut.slice(0, space) : cut).trimEnd()}…`;
}
