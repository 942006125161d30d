import { NOTE_COLORS } from '@samle/shared';

/**
 * Keyboard shortcuts of the board, as a pure mapping from a key press (and
 * what has focus) to a command. The board page performs the command.
 */

export type BoardCommand =
  | { kind: 'addNote' }
  | { kind: 'deleteSelected' }
  | { kind: 'editSelected' }
  | { kind: 'clearSelection' }
  | { kind: 'stopEditing' }
  /** Palette position (0-based) for the selected notes or theme. */
  | { kind: 'recolorSelected'; index: number }
  | { kind: 'moveSelected'; dx: number; dy: number }
  | { kind: 'duplicateSelected' }
  | { kind: 'selectAll' }
  /** With notes selected: a theme around them; otherwise an empty theme in view. */
  | { kind: 'addCluster' }
  | { kind: 'tidySelected' }
  | { kind: 'undo' }
  | { kind: 'redo' }
  | { kind: 'pan'; dx: number; dy: number }
  | { kind: 'zoomIn' }
  | { kind: 'zoomOut' }
  | { kind: 'zoomReset' }
  | { kind: 'fit' };

/** What the key press happened in: a text field, a button/link, or the board itself. */
export type KeyTarget = 'text' | 'control' | 'board';

export interface KeyPress {
  key: string;
  shiftKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  target: KeyTarget;
  hasSelection: boolean;
  /** What is selected, when something is: notes, or one theme. */
  selectionKind?: 'notes' | 'cluster';
  /** The board may only be read: no command that would change it. */
  readOnly?: boolean;
}

/** Commands that change the board; none of them runs on a read-only board. */
export const WRITING: ReadonlySet<BoardCommand['kind']> = new Set([
  'addNote',
  'deleteSelected',
  'editSelected',
  'recolorSelected',
  'moveSelected',
  'duplicateSelected',
  'addCluster',
  'tidySelected',
  'undo',
  'redo',
]);

/** Board pixels the selection moves per arrow key (shift: a bigger step). */
export const NUDGE = 8;
export const NUDGE_BIG = 40;
/** Screen pixels the view pans per arrow key. */
export const PAN_KEY_STEP = 80;

const ARROWS: Record<string, [number, number]> = {
  ArrowLeft: [-1, 0],
  ArrowRight: [1, 0],
  ArrowUp: [0, -1],
  ArrowDown: [0, 1],
};

export function commandForKey(press: KeyPress): BoardCommand | undefined {
  if (press.readOnly) {
    if (press.key === 'Escape') return commandForKey({ ...press, readOnly: false });
    // Without a selection to move, arrows pan the view; everything that writes is dropped.
    const command = commandForKey({ ...press, readOnly: false, hasSelection: false });
    return command && !WRITING.has(command.kind) ? command : undefined;
  }
  const history = historyCommand(press);
  // Undo is the board's everywhere, also while typing: the text is part of the board's history.
  if (history) return history;
  if (press.target === 'text') {
    // While typing, only Escape belongs to the board: every other key is text.
    return press.key === 'Escape' ? { kind: 'stopEditing' } : undefined;
  }
  if ((press.ctrlKey || press.metaKey) && !press.altKey && press.target === 'board') {
    const key = press.key.toLowerCase();
    if (key === 'd' && press.selectionKind === 'notes') return { kind: 'duplicateSelected' };
    if (key === 'a') return { kind: 'selectAll' };
    return undefined;
  }
  if (press.ctrlKey || press.metaKey || press.altKey) return undefined;
  if (press.key === 'Escape') return press.hasSelection ? { kind: 'clearSelection' } : undefined;
  // Buttons and links keep Enter/Space and arrows for themselves.
  if (press.target === 'control' && (press.key === 'Enter' || press.key === ' ' || press.key in ARROWS)) {
    return undefined;
  }

  const arrow = ARROWS[press.key];
  if (arrow) {
    if (press.hasSelection) {
      const step = press.shiftKey ? NUDGE_BIG : NUDGE;
      return { kind: 'moveSelected', dx: arrow[0] * step, dy: arrow[1] * step };
    }
    // Arrow right shows what is to the right: the board moves left. (`0 -` avoids a -0.)
    return { kind: 'pan', dx: 0 - arrow[0] * PAN_KEY_STEP, dy: 0 - arrow[1] * PAN_KEY_STEP };
  }

  switch (press.key) {
    case 'n':
    case 'N':
      return { kind: 'addNote' };
    case 'c':
    case 'C':
      return { kind: 'addCluster' };
    case 't':
    case 'T':
      return press.selectionKind === 'cluster' ? { kind: 'tidySelected' } : undefined;
    case 'Delete':
    case 'Backspace':
      return press.hasSelection ? { kind: 'deleteSelected' } : undefined;
    case 'Enter':
      return press.hasSelection ? { kind: 'editSelected' } : undefined;
    case '+':
    case '=':
      return { kind: 'zoomIn' };
    case '-':
    case '_':
      return { kind: 'zoomOut' };
    case '0':
      return { kind: 'zoomReset' };
    case 'f':
    case 'F':
      return { kind: 'fit' };
  }

  const digit = Number.parseInt(press.key, 10);
  const color = NOTE_COLORS[digit - 1];
  if (press.hasSelection && color && String(digit) === press.key) return { kind: 'recolorSelected', index: digit - 1 };
  return undefined;
}

/** Ctrl/⌘+Z undoes; Ctrl/⌘+Shift+Z and Ctrl+Y redo. */
export function historyCommand(
  press: Pick<KeyPress, 'key' | 'shiftKey' | 'ctrlKey' | 'metaKey' | 'altKey'>,
): BoardCommand | undefined {
  if (!(press.ctrlKey || press.metaKey) || press.altKey) return undefined;
  const key = press.key.toLowerCase();
  if (key === 'z') return press.shiftKey ? { kind: 'redo' } : { kind: 'undo' };
  if (key === 'y' && press.ctrlKey && !press.shiftKey) return { kind: 'redo' };
  return undefined;
}
