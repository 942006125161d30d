import { useEffect, useState, useSyncExternalStore } from 'react';
import { type BoardConnection, openBoardConnection } from './boardConnection';
import type { ConnectionState } from './connectionState';

/**
 * Opens the board's sync connection while mounted and `enabled` (once the page
 * knows the board exists and which token to use). A new `generation` replaces
 * the connection and its Y.Doc with fresh ones — after a write was refused
 * (4403), the old doc holds a change the server will never take.
 */
export function useBoardConnection(
  boardId: string,
  options: { enabled: boolean; token: string | undefined; generation: number },
): BoardConnection | undefined {
  const { enabled, token, generation } = options;
  const [connection, setConnection] = useState<{ key: string; value: BoardConnection }>();
  const key = `${boardId}\n${token ?? ''}\n${generation}`;
  useEffect(() => {
    if (!enabled) return;
    const opened = openBoardConnection(boardId, token);
    setConnection({ key: `${boardId}\n${token ?? ''}\n${generation}`, value: opened });
    return () => {
      opened.destroy();
      setConnection(undefined);
    };
  }, [boardId, enabled, token, generation]);
  return connection?.key === key ? connection.value : undefined;
}

export function useConnectionState(connection: BoardConnection): ConnectionState {
  return useSyncExternalStore(connection.state.subscribe, connection.state.getSnapshot);
}
