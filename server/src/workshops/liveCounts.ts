import { controlDocId, draftDocId, notesOf, readPrivateWriting } from '@samle/shared';
import type { DocStore } from '../storage/contracts/types.js';
import type { VoteStore } from '../storage/contracts/voteTypes.js';
import type { GroupRecord, PersonRecord } from '../storage/contracts/workshopTypes.js';
import type { Relay } from '../sync/Relay.js';

export interface LiveBoard {
  id: string;
  title: string;
  kind: string;
  /** The table whose board this is (group boards). */
  groupId: string | null;
}

export interface BoardVoteTurnout {
  boardId: string;
  title: string;
  voters: number;
  of: number;
}

export interface BoardDraftsWaiting {
  boardId: string;
  title: string;
  writers: number;
  notes: number;
}

/**
 * The cockpit's counts from the session's boards: how many have voted in each
 * open dot vote (out of those who may vote there: the table's members on a
 * table board, every participant on the others), and how many notes wait in
 * private writing (and from how many people) on each board where it is on.
 * Counts only, never who.
 */
export async function boardCounts(
  boards: readonly LiveBoard[],
  context: {
    relay: Relay;
    docs: DocStore;
    votes: VoteStore;
    groups: readonly GroupRecord[];
    people: readonly PersonRecord[];
  },
): Promise<{ votes: BoardVoteTurnout[]; drafts: BoardDraftsWaiting[] }> {
  const { relay, docs, votes, groups, people } = context;
  const participants = people.filter((p) => p.role === 'participant' && p.revokedAt === null).length;
  const turnout: BoardVoteTurnout[] = [];
  const waiting: BoardDraftsWaiting[] = [];
  for (const board of boards) {
    const round = await votes.openRoundOf(board.id);
    if (round) {
      const table = board.groupId ? groups.find((g) => g.id === board.groupId) : undefined;
      turnout.push({
        boardId: board.id,
        title: board.title,
        voters: await votes.voterCount(round.id),
        of: table ? table.memberIds.length : participants,
      });
    }
    const writing = await relay.read(controlDocId(board.id), readPrivateWriting);
    if (!writing.on) continue;
    let writers = 0;
    let notes = 0;
    for (const draftId of await docs.listDocs(draftDocId(board.id, ''))) {
      const count = await relay.read(draftId, (doc) => notesOf(doc).size);
      if (count > 0) writers++;
      notes += count;
    }
    waiting.push({ boardId: board.id, title: board.title, writers, notes });
  }
  return { votes: turnout, drafts: waiting };
}
