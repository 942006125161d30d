import type { Session, SessionBoard } from '@samle/shared';

/** How a board is presented on a participant's, leader's or viewer's home page. */
export type BoardPlace = 'myTable' | 'plenum' | 'leadership' | 'otherTable';

export interface HomeBoard {
  board: SessionBoard;
  place: BoardPlace;
}

const ORDER: Record<BoardPlace, number> = { myTable: 0, plenum: 1, leadership: 2, otherTable: 3 };

/** The session's boards for this person: their own table first, then the plenum, leadership, the other tables. */
export function homeBoards(session: Pick<Session, 'boards' | 'groups'>, personId: string | null): HomeBoard[] {
  const myGroupIds = new Set(
    session.groups.filter((group) => personId !== null && group.memberIds.includes(personId)).map((g) => g.id),
  );
  return session.boards
    .map((board): HomeBoard => {
      if (board.kind === 'plenum') return { board, place: 'plenum' };
      if (board.kind === 'leadership') return { board, place: 'leadership' };
      const mine = board.groupId !== null && myGroupIds.has(board.groupId);
      return { board, place: mine ? 'myTable' : 'otherTable' };
    })
    .sort((a, b) => ORDER[a.place] - ORDER[b.place]);
}

/**
 * A board's title without the session's name in front ("Medarbejderdag 1 — Bord 2" → "Bord 2"):
 * the page already says which session it is, and on a phone the tail is what tells boards apart.
 */
export function shortBoardTitle(boardTitle: string, sessionTitle: string): string {
  const prefix = /^(.*?)\s+[—–-]\s+(.+)$/.exec(boardTitle);
  return prefix?.[1] === sessionTitle && prefix[2] ? prefix[2] : boardTitle;
}

/**
 * The session to show first: the one the person joined, else the open one,
 * else the latest that has happened, else the first.
 */
export function focusSession<S extends Pick<Session, 'id' | 'status'>>(
  sessions: readonly S[],
  preferredId: string | null | undefined,
): S | undefined {
  // The live session first (the one asked for, if it is live), so a home opens where the room is.
  return (
    sessions.find((session) => session.id === preferredId && session.status === 'open') ??
    sessions.find((session) => session.status === 'open') ??
    sessions.find((session) => session.id === preferredId) ??
    [...sessions].reverse().find((session) => session.status === 'ended') ??
    sessions[0]
  );
}
