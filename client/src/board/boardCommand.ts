import type { NoteSize } from '@samle/shared';

/**
 * What a person can ask of the board, from a key or a toolbar button. Each kind
 * has its row in the actions table (boardActions.ts), which performs it.
 */
export type BoardCommand =
  | { kind: 'addNote' }
  | { kind: 'deleteSelected' }
  | { kind: 'editSelected' }
  | { kind: 'clearSelection' }
  | { kind: 'stopEditing' }
  /** Palette position (0-based) for the selected notes or theme. */
  | { kind: 'recolorSelected'; index: number }
  | { kind: 'resizeSelected'; size: NoteSize }
  | { kind: 'moveSelected'; dx: number; dy: number }
  | { kind: 'duplicateSelected' }
  | { kind: 'selectAll' }
  /** With notes selected: a theme around them; otherwise an empty theme in view. */
  | { kind: 'addCluster' }
  | { kind: 'tidySelected' }
  /** The facilitator: show only the selected theme on the big screen, or end that. */
  | { kind: 'spotlightSelected' }
  | { kind: 'undo' }
  | { kind: 'redo' }
  | { kind: 'pan'; dx: number; dy: number }
  | { kind: 'zoomIn' }
  | { kind: 'zoomOut' }
  | { kind: 'zoomReset' }
  | { kind: 'fit' };

export type CommandKind = BoardCommand['kind'];
export type CommandOf<K extends CommandKind> = Extract<BoardCommand, { kind: K }>;

/** What a key press happened in: a text field, a button/link, or the board itself. */
export type KeyTarget = 'text' | 'control' | 'board';
