import type { ClusterView, NoteView, Session, SessionBoard } from '@samle/shared';
import { shortBoardTitle } from '../workshopData/homeBoards';

/** One board as the synthesis view shows it: the plenum first, then the tables in table order, then leadership. */
export interface SynthesisBoard {
  id: string;
  kind: SessionBoard['kind'];
  /** What tells it apart: the table's name, "Plenum", or the board's own short title. */
  label: string;
  /** The table's name for table boards (shown beside picked notes in the tray). */
  tableName: string | null;
}

const KIND_ORDER: Record<SessionBoard['kind'], number> = { plenum: 0, group: 1, leadership: 2 };

export function synthesisBoards(session: Pick<Session, 'title' | 'boards' | 'groups'>): SynthesisBoard[] {
  const tableIndex = new Map(session.groups.map((group, index) => [group.id, index]));
  // An ended session's boards are archived (read-only) but still gathered from: leadership workshop 2
  // builds the catalog from employee day 1's boards after that day has ended.
  return session.boards
    .map((board) => {
      const group = session.groups.find((g) => g.id === board.groupId);
      return {
        id: board.id,
        kind: board.kind,
        label: group?.name ?? shortBoardTitle(board.title, session.title),
        tableName: group?.name ?? null,
        order: KIND_ORDER[board.kind] * 1000 + (board.groupId ? (tableIndex.get(board.groupId) ?? 999) : 0),
      };
    })
    .sort((a, b) => a.order - b.order || a.label.localeCompare(b.label, 'da'))
    .map(({ order: _order, ...board }) => board);
}

/** What a board doc holds right now, as its feed reports it. */
export interface BoardContent {
  status: 'loading' | 'ready' | 'error';
  /** The close code's name or the reason, when the board could not be opened. */
  problem?: string;
  notes: readonly NoteView[];
  clusters: readonly ClusterView[];
}

export const LOADING_BOARD: BoardContent = { status: 'loading', notes: [], clusters: [] };

/** Reading order on a board: top to bottom, then left to right (rows of 80 px). */
function readingOrder(a: { x: number; y: number }, b: { x: number; y: number }): number {
  return Math.floor(a.y / 80) - Math.floor(b.y / 80) || a.x - b.x || a.y - b.y;
}

export interface BoardLayout {
  themes: Array<{ cluster: ClusterView; notes: NoteView[] }>;
  loose: NoteView[];
}

/** A board's themes with their notes, and the notes outside themes, each in reading order. */
export function boardLayout(content: Pick<BoardContent, 'notes' | 'clusters'>): BoardLayout {
  const known = new Set(content.clusters.map((c) => c.id));
  const themes = [...content.clusters].sort(readingOrder).map((cluster) => ({
    cluster,
    notes: content.notes.filter((note) => note.clusterId === cluster.id).sort(readingOrder),
  }));
  const loose = content.notes
    .filter((note) => note.clusterId === undefined || !known.has(note.clusterId))
    .sort(readingOrder);
  return { themes, loose };
}
