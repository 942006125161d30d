import { actionOf, type CommandContext, isEnabled, stateOf } from './boardActions';
import type { BoardCommand } from './boardCommand';
import type { BoardActions } from './boardTypes';
import type { ViewportControls } from './useViewport';

export type { CommandContext } from './boardActions';

/**
 * Performs a keyboard or toolbar command through its row of the actions table —
 * only when the row is enabled for the board as it is now (nothing that writes on a
 * read-only board, no delete without a selection, no undo with nothing to undo).
 */
export function runCommand(command: BoardCommand, a: BoardActions, view: ViewportControls, now: CommandContext): void {
  const action = actionOf(command);
  if (!isEnabled(action, stateOf(now))) return;
  action.perform(command, a, view, now);
}
