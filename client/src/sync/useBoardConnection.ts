import { useEffect, useState, useSyncExternalStore } from 'react';
import { type BoardConnection, openBoardConnection } from './boardConnection';
import type { ConnectionState } from './connectionState';

/** Opens the board's sync connection while mounted and `enabled` (false once the board is known not to exist). */
export function useBoardConnection(boardId: string, enabled = true): BoardConnection | undefined {
  const [connection, setConnection] = useState<BoardConnection>();
  useEffect(() => {
    if (!enabled) return;
    const opened = openBoardConnection(boardId);
    setConnection(opened);
    return () => {
      opened.destroy();
      setConnection(undefined);
    };
  }, [boardId, enabled]);
  return connection?.boardId === boardId ? connection : undefined;
}

export function useConnectionState(connection: BoardConnection): ConnectionState {
  return useSyncExternalStore(connection.state.subscribe, connection.state.getSnapshot);
}
