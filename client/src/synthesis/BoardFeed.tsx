import { useEffect, useRef } from 'react';
import type { DocConnection } from '../sync/docConnection';
import { useClusters, useNotes } from '../sync/useBoardDoc';
import { useConnectionState, useDocConnection } from '../sync/useDocConnection';
import type { BoardContent } from './boards';

/**
 * Keeps one board doc open (read only: no presence, no local copy, never
 * written) and reports its notes and themes to the synthesis view whenever they
 * change. Renders nothing; the view draws every board from what the feeds report.
 */
export function BoardFeed(props: {
  boardId: string;
  token: string | undefined;
  onContent: (boardId: string, content: BoardContent) => void;
}) {
  const connection = useDocConnection(props.boardId, {
    enabled: true,
    token: props.token,
    persist: false,
    presence: false,
  });
  if (!connection) return null;
  return <Feed connection={connection} boardId={props.boardId} onContent={props.onContent} />;
}

function Feed(props: {
  connection: DocConnection;
  boardId: string;
  onContent: (boardId: string, content: BoardContent) => void;
}) {
  const { connection, boardId, onContent } = props;
  const state = useConnectionState(connection);
  const notes = useNotes(connection.doc);
  const clusters = useClusters(connection.doc);
  // Once synced, a board stays on screen through reconnects.
  const synced = useRef(false);
  if (state.kind === 'connected') synced.current = true;
  const status: BoardContent['status'] = state.kind === 'error' ? 'error' : synced.current ? 'ready' : 'loading';
  const problem = state.kind === 'error' ? (state.codeName ?? state.reason ?? String(state.code)) : undefined;

  useEffect(() => {
    onContent(boardId, { status, notes, clusters, ...(problem ? { problem } : {}) });
  }, [onContent, boardId, status, notes, clusters, problem]);
  return null;
}
