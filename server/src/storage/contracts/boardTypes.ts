import type { BoardKind } from '@samle/shared';

export interface BoardRecord {
  id: string;
  title: string;
  kind: BoardKind;
  createdAt: number;
  /** Set for boards that belong to a workshop's session; null for standalone boards. */
  workshopId?: string | null;
  sessionId?: string | null;
  groupId?: string | null;
  /** Notes on this board carry no author: the relay refuses updates that write one. */
  anonymous?: boolean;
}

export interface BoardStore {
  listBoards(): Promise<BoardRecord[]>;
  getBoard(id: string): Promise<BoardRecord | null>;
  setBoardAnonymous(id: string, anonymous: boolean): Promise<void>;
  /** Creates the board row, its doc and the doc's first update in one transaction. */
  createBoard(board: BoardRecord, initialUpdate: Uint8Array): Promise<void>;
}
