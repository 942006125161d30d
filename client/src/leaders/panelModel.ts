import {
  type AssessmentView,
  type IdeaView,
  type PublishedIdea,
  type PublishedSource,
  toPublishedIdea,
} from '@samle/shared';

/**
 * The leader panel's view of the catalog: each idea with its current
 * assessment (or none), in catalog order. The same shape as a published idea,
 * so the printed panel and the participants' catalog render alike.
 */
export type PanelIdea = PublishedIdea;

export function panelIdeas(ideas: readonly IdeaView[], assessments: readonly AssessmentView[]): PanelIdea[] {
  const byIdea = new Map(assessments.map((a) => [a.ideaId, a]));
  return ideas.map((idea) => toPublishedIdea(idea, byIdea.get(idea.id), ''));
}

/** Sources grouped by the board they are on ("this came from table 3's board"), in first-seen order. */
export interface BoardSources {
  boardId: string;
  boardTitle: string;
  tableName: string | null;
  sessionTitle: string | null;
  notes: PublishedSource[];
}

export function sourcesByBoard(sources: readonly PublishedSource[]): BoardSources[] {
  const boards = new Map<string, BoardSources>();
  for (const source of sources) {
    let board = boards.get(source.boardId);
    if (!board) {
      board = {
        boardId: source.boardId,
        boardTitle: source.boardTitle,
        tableName: source.tableName,
        sessionTitle: source.sessionTitle,
        notes: [],
      };
      boards.set(source.boardId, board);
    }
    board.notes.push(source);
  }
  return [...boards.values()];
}
