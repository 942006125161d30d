import type { AgendaKind, WorkshopDetail } from '@samle/shared';
import { boardPath, publishedCatalogPath, workshopToolPath } from '../routing/routes';

export type RoomReason = 'groupWork' | 'plenum' | 'reflection' | 'evaluation' | 'leaderPanel';

/** Where the running agenda item sends a participant's page, and why. */
export interface RoomDirection {
  /** Changes when the facilitator starts another item or moves the room; a page moves once per key. */
  key: string;
  reason: RoomReason;
  path: string;
  sessionId: string;
  itemTitle: string | null;
  /** The participant's table, during group work. */
  tableName: string | null;
}

const TOOL_OF: Partial<Record<AgendaKind, RoomReason>> = {
  reflection: 'reflection',
  evaluation: 'evaluation',
  leader_panel: 'leaderPanel',
};

/**
 * The open session's direction for this participant: group work → their table
 * board; reflection, evaluation, leader panel → that page; anything else once an
 * item runs (or the room is back from group work) → the plenum board. Null when
 * no session is open or nothing has been started.
 */
export function roomDirection(detail: WorkshopDetail): RoomDirection | null {
  const session = detail.sessions.find((s) => s.status === 'open');
  if (!session) return null;
  const item = session.agenda.find((a) => a.id === session.currentItemId) ?? null;
  const base = `${session.id}:${session.currentItemId ?? '-'}@${session.currentItemStartedAt ?? '-'}`;
  const common = { sessionId: session.id, itemTitle: item?.title ?? null, tableName: null };
  const workshopId = detail.workshop.id;
  if (session.mode === 'groups') {
    const table = session.groups.find((g) => detail.personId !== null && g.memberIds.includes(detail.personId));
    if (!table?.boardId) return null;
    return {
      ...common,
      key: `${base}:groups`,
      reason: 'groupWork',
      path: boardPath(table.boardId),
      tableName: table.name,
    };
  }
  if (!item) return null;
  const tool = TOOL_OF[item.kind];
  if (tool === 'reflection')
    return { ...common, key: `${base}:tool`, reason: tool, path: workshopToolPath(workshopId, 'reflection') };
  if (tool === 'evaluation')
    return { ...common, key: `${base}:tool`, reason: tool, path: workshopToolPath(workshopId, 'evaluation') };
  if (tool === 'leaderPanel')
    return { ...common, key: `${base}:tool`, reason: tool, path: publishedCatalogPath(workshopId) };
  const plenum = session.boards.find((b) => b.kind === 'plenum');
  if (!plenum) return null;
  return { ...common, key: `${base}:plenum`, reason: 'plenum', path: boardPath(plenum.id) };
}
