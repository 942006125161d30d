import { type ChordPress, chordMatches, type KeyChord, parseChord } from '../interaction/keyChords';
import { ACTION_ROWS, type ActionState, BOARD_ACTIONS, type BoardAction, isEnabled } from './boardActions';
import type { BoardCommand, CommandKind, KeyTarget } from './boardCommand';

/**
 * The board's keyboard map: a pure mapping from a key press (and what has focus)
 * to a command, read from the actions table's `keys`. The board page performs it.
 */

export { NUDGE, NUDGE_BIG, PAN_KEY_STEP } from './boardActions';
export type { BoardCommand, KeyTarget } from './boardCommand';

export interface KeyPress extends ChordPress {
  target: KeyTarget;
  hasSelection: boolean;
  /** What is selected, when something is: notes, or one theme. */
  selectionKind?: 'notes' | 'cluster';
  /** The board may only be read: no command that would change it. */
  readOnly?: boolean;
}

/** Commands that change the board; none of them runs on a read-only board. */
export const WRITING: ReadonlySet<CommandKind> = new Set(ACTION_ROWS.filter((row) => row.writes).map((row) => row.id));

interface ParsedRow {
  row: BoardAction;
  bindings: { chord: KeyChord; command: BoardCommand }[];
}

const PARSED: readonly ParsedRow[] = ACTION_ROWS.map((row) => ({
  row,
  bindings: row.keys.map((b) => ({ chord: parseChord(b.chord), command: b.command })),
}));

const DEFAULT_TARGETS: readonly KeyTarget[] = ['board', 'control'];

/**
 * The command of the row whose keys this press is, where its keys act and it is
 * enabled. Exact chords first, so Shift+arrow (a big step) wins over the arrow.
 */
function match(rows: readonly ParsedRow[], press: ChordPress, target: KeyTarget, state: ActionState) {
  for (const mode of ['exact', 'loose'] as const) {
    for (const { row, bindings } of rows) {
      if (!(row.keysIn ?? DEFAULT_TARGETS).includes(target) || !isEnabled(row, state)) continue;
      const hit = bindings.find((b) => chordMatches(b.chord, press, mode));
      if (hit) return hit.command;
    }
  }
  return undefined;
}

export function commandForKey(press: KeyPress): BoardCommand | undefined {
  return match(PARSED, press, press.target, {
    hasSelection: press.hasSelection,
    selectionKind: press.selectionKind,
    readOnly: press.readOnly === true,
  });
}

const HISTORY = PARSED.filter(({ row }) => row === BOARD_ACTIONS.undo || row === BOARD_ACTIONS.redo);

/** Ctrl/⌘+Z undoes; Ctrl/⌘+Shift+Z and Ctrl+Y redo — the undo and redo rows' keys, for views beside the canvas. */
export function historyCommand(press: ChordPress): BoardCommand | undefined {
  return match(HISTORY, press, 'text', { hasSelection: false, readOnly: false });
}
