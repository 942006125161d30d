import type { BoardCommand } from '../interaction/boardKeys';
import { BOARD_ACTIONS, type BoardAction, type CommandContext } from './boardActions';
import type { BoardActions } from './boardTypes';
import type { ViewportControls } from './useViewport';

export type { CommandContext } from './boardActions';

/** Performs a keyboard or toolbar command (see boardKeys.ts) through its row of the actions table. */
export function runCommand(command: BoardCommand, a: BoardActions, view: ViewportControls, now: CommandContext): void {
  // The table's type pairs each row with its own command; indexing by a union loses that pairing.
  const action = BOARD_ACTIONS[command.kind] as BoardAction;
  action.perform(command, a, view, now);
}
