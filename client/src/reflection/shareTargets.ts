import type { SessionBoard, WorkshopDetail } from '@samle/shared';
import { focusSession, homeBoards, shortBoardTitle } from '../workshopData/homeBoards';

export interface ShareTarget {
  board: SessionBoard;
  /** The board's name without the session's in front ("Bord 2"). */
  label: string;
}

/**
 * The boards a paragraph can be shared to: those of the person's current session
 * (the one they joined, else the open one) they may write, their own table first.
 */
export function shareTargets(
  detail: Pick<WorkshopDetail, 'sessions' | 'personId'>,
  joinedSessionId: string | null,
): ShareTarget[] {
  const session = focusSession(detail.sessions, joinedSessionId);
  if (!session) return [];
  return homeBoards(session, detail.personId)
    .filter(({ board }) => board.access === 'write' && !board.archived)
    .map(({ board }) => ({ board, label: shortBoardTitle(board.title, session.title) }));
}
