import type { Session } from '@samle/shared';
import { useCallback, useMemo, useState } from 'react';
import { type BoardContent, LOADING_BOARD, type SynthesisBoard, synthesisBoards } from './boards';
import type { BoardLookup } from './selection';

export interface SynthesisBoards {
  boards: SynthesisBoard[];
  /** What a board holds now (loading until its feed has synced). */
  contentOf(boardId: string): BoardContent;
  /** Each board's feed reports its content here. */
  onContent(boardId: string, content: BoardContent): void;
  lookup: BoardLookup;
  labelOf(boardId: string): string;
  /** No board is still loading. */
  allReady: boolean;
  totalNotes: number;
}

/** The session's boards for the synthesis view and what each holds, as their live feeds report it. */
export function useSynthesisBoards(session: Session): SynthesisBoards {
  const boards = useMemo(() => synthesisBoards(session), [session]);
  const [contents, setContents] = useState<Record<string, BoardContent>>({});
  const onContent = useCallback((boardId: string, content: BoardContent) => {
    setContents((old) => (old[boardId] === content ? old : { ...old, [boardId]: content }));
  }, []);
  const contentOf = useCallback((boardId: string) => contents[boardId] ?? LOADING_BOARD, [contents]);
  const lookup = useMemo<BoardLookup>(
    () => ({
      membersOf: (boardId, clusterId) =>
        contentOf(boardId)
          .notes.filter((note) => note.clusterId === clusterId)
          .map((note) => note.id),
    }),
    [contentOf],
  );
  const labelOf = useCallback((boardId: string) => boards.find((b) => b.id === boardId)?.label ?? '', [boards]);
  const allReady = boards.every((board) => contentOf(board.id).status !== 'loading');
  const totalNotes = boards.reduce((sum, board) => sum + contentOf(board.id).notes.length, 0);
  return { boards, contentOf, onContent, lookup, labelOf, allReady, totalNotes };
}
