import { CLUSTER_COLORS, NOTE_COLORS } from '@samle/shared';
import type { ParseKeys } from 'i18next';
import { type Selection, selectedNoteIds } from '../interaction/selection';
import type { BoardCommand, CommandKind, CommandOf, KeyTarget } from './boardCommand';
import type { BoardActions, BoardControllerOptions, Spotlight } from './boardTypes';
import type { BoardHistory } from './useBoardHistory';
import type { ViewportControls } from './useViewport';

/** What an action may read when it runs: the board as it is now. */
export interface CommandContext {
  options: Pick<BoardControllerOptions, 'notes' | 'clusters'> &
    Partial<Pick<BoardControllerOptions, 'readOnly' | 'spotlight'>>;
  history: BoardHistory;
  selection: Selection;
  editingId: string | undefined;
  editingClusterId: string | undefined;
}

/** What decides whether an action can be done, and what a control names it. */
export interface ActionState {
  hasSelection: boolean;
  selectionKind?: 'notes' | 'cluster' | undefined;
  /** How many notes are selected, where it is known. */
  count?: number;
  readOnly: boolean;
  /**
   * Whether there is something to undo (redo). Unknown — a key press — counts as
   * yes: Ctrl/⌘+Z is the board's either way, and running it finds nothing to undo.
   */
  canUndo?: boolean;
  canRedo?: boolean;
  /** Whether the selected theme is in the facilitator's spotlight; unknown for anyone who cannot spotlight. */
  spotlight?: 'on' | 'off' | undefined;
}

/** An i18n key with its values; a value may itself be a phrase (a colour's name). */
export interface Phrase {
  key: ParseKeys;
  values?: Record<string, string | number | Phrase>;
}

/** A key chord (`aria-keyshortcuts` form) and the command it gives. */
export interface KeyBinding<K extends CommandKind> {
  chord: string;
  command: CommandOf<K>;
  /** Also works, but is not announced (Backspace beside Delete, = beside +). */
  alias?: boolean;
}

/** One thing a person can do on the board, from a toolbar button or a key. */
export interface BoardAction<K extends CommandKind = CommandKind> {
  id: K;
  /** The i18n key of its name: in the shortcuts help, and on a control unless `labelFor` says more. */
  label: ParseKeys;
  /** Its name on a control where that depends on the command or the selection (a colour, a count). */
  labelFor?(command: CommandOf<K>, state: ActionState): Phrase;
  /** A control's tooltip where it says more than the name (what the spotlight does). */
  hintFor?(state: ActionState): Phrase;
  /** Its shortcuts: every key that performs it. A shortcut is written here and nowhere else. */
  keys: readonly KeyBinding<K>[];
  /** Where focus may be for its keys to act (default: the board and its controls, not text). */
  keysIn?: readonly KeyTarget[];
  /** It changes the board, so it is never enabled on a read-only board. */
  writes: boolean;
  /** Whether it can be done in this state, read-only aside (default: always). */
  enabled?(state: ActionState): boolean;
  perform(command: CommandOf<K>, a: BoardActions, view: ViewportControls, now: CommandContext): void;
}

/** Board pixels the selection moves per arrow key (shift: a bigger step). */
export const NUDGE = 8;
export const NUDGE_BIG = 40;
/** Screen pixels the view pans per arrow key. */
export const PAN_KEY_STEP = 80;

const ARROWS = { ArrowLeft: [-1, 0], ArrowRight: [1, 0], ArrowUp: [0, -1], ArrowDown: [0, 1] } as const;
const arrows = Object.entries(ARROWS);

/** Plain keys that all give the same command; the first is announced. */
function keys<K extends CommandKind>(command: CommandOf<K>, chords: string[], aliases: string[] = []): KeyBinding<K>[] {
  return [...chords.map((chord) => ({ chord, command })), ...aliases.map((chord) => ({ chord, command, alias: true }))];
}

const selected = (s: ActionState) => s.hasSelection;
const notesSelected = (s: ActionState) => s.selectionKind === 'notes';
const themeSelected = (s: ActionState) => s.selectionKind === 'cluster';

/**
 * The board's actions in one table: the command runner dispatches from it, the
 * toolbars render their buttons from it, the keyboard map reads its shortcuts from
 * it and the shortcuts help lists it. Every command has its row (the type says so),
 * so a new command cannot be reachable from a key but not performable.
 */
export const BOARD_ACTIONS: { readonly [K in CommandKind]: BoardAction<K> } = {
  addNote: {
    id: 'addNote',
    label: 'board.addNote',
    keys: keys({ kind: 'addNote' }, ['N']),
    writes: true,
    perform: (_c, a) => a.addNote(),
  },
  addCluster: {
    id: 'addCluster',
    label: 'board.addCluster',
    labelFor: (_c, s) => ({ key: notesSelected(s) ? 'selection.group' : 'board.addCluster' }),
    keys: keys({ kind: 'addCluster' }, ['C']),
    writes: true,
    perform: (_c, a) => a.addCluster(),
  },
  deleteSelected: {
    id: 'deleteSelected',
    label: 'actions.deleteSelected',
    labelFor: (_c, s) =>
      themeSelected(s) ? { key: 'cluster.delete' } : { key: 'selection.delete', values: { count: s.count ?? 1 } },
    keys: keys({ kind: 'deleteSelected' }, ['Delete'], ['Backspace']),
    writes: true,
    enabled: selected,
    perform: (_c, a) => a.deleteSelected(),
  },
  duplicateSelected: {
    id: 'duplicateSelected',
    label: 'actions.duplicateSelected',
    labelFor: (_c, s) => ({ key: 'selection.duplicate', values: { count: s.count ?? 1 } }),
    keys: keys({ kind: 'duplicateSelected' }, ['Control+D', 'Meta+D']),
    keysIn: ['board'],
    writes: true,
    enabled: notesSelected,
    perform: (_c, a) => a.duplicateSelected(),
  },
  tidySelected: {
    id: 'tidySelected',
    label: 'actions.tidySelected',
    labelFor: () => ({ key: 'cluster.tidy' }),
    keys: keys({ kind: 'tidySelected' }, ['T']),
    writes: true,
    enabled: themeSelected,
    perform: (_c, a) => a.tidySelected(),
  },
  spotlightSelected: {
    id: 'spotlightSelected',
    label: 'follow.spotlight',
    labelFor: (_c, s) => ({ key: s.spotlight === 'on' ? 'follow.endSpotlight' : 'follow.spotlight' }),
    hintFor: (s) => ({ key: s.spotlight === 'on' ? 'follow.endSpotlight' : 'follow.spotlightHint' }),
    // No key of its own: the cluster toolbar's button is reached with Tab like its other buttons.
    keys: [],
    // It changes what the big screen shows, not the board.
    writes: false,
    enabled: (s) => themeSelected(s) && s.spotlight !== undefined,
    perform: (_c, _a, _v, { selection, options: { spotlight } }) => {
      if (selection.kind !== 'cluster' || !spotlight) return;
      spotlight.show(spotlight.clusterId === selection.id ? null : selection.id);
    },
  },
  undo: {
    id: 'undo',
    label: 'board.undo',
    keys: keys({ kind: 'undo' }, ['Control+Z', 'Meta+Z']),
    // Undo is the board's everywhere, also while typing: the text is part of the board's history.
    keysIn: ['board', 'control', 'text'],
    writes: true,
    enabled: (s) => s.canUndo !== false,
    perform: (_c, _a, _v, now) => now.history.undo(),
  },
  redo: {
    id: 'redo',
    label: 'board.redo',
    keys: keys({ kind: 'redo' }, ['Control+Shift+Z', 'Meta+Shift+Z', 'Control+Y']),
    keysIn: ['board', 'control', 'text'],
    writes: true,
    enabled: (s) => s.canRedo !== false,
    perform: (_c, _a, _v, now) => now.history.redo(),
  },
  selectAll: {
    id: 'selectAll',
    label: 'actions.selectAll',
    keys: keys({ kind: 'selectAll' }, ['Control+A', 'Meta+A']),
    keysIn: ['board'],
    writes: false,
    perform: (_c, a, _v, now) => a.selectNotes(now.options.notes.map((n) => n.id)),
  },
  editSelected: {
    id: 'editSelected',
    label: 'actions.editSelected',
    labelFor: (_c, s) => ({ key: themeSelected(s) ? 'cluster.rename' : 'note.edit' }),
    keys: keys({ kind: 'editSelected' }, ['Enter']),
    // Buttons and links keep Enter for themselves.
    keysIn: ['board'],
    writes: true,
    enabled: selected,
    perform: (_c, a, _v, { selection }) => {
      if (selection.kind === 'cluster') a.editClusterTitle(selection.id);
      else if (selection.kind === 'notes' && selection.ids.length === 1 && selection.ids[0]) {
        a.editNote(selection.ids[0]);
      }
    },
  },
  clearSelection: {
    id: 'clearSelection',
    label: 'actions.clearSelection',
    keys: keys({ kind: 'clearSelection' }, ['Escape']),
    writes: false,
    enabled: selected,
    perform: (_c, a) => a.clearSelection(),
  },
  stopEditing: {
    id: 'stopEditing',
    label: 'actions.stopEditing',
    // While typing, Escape is the only key (besides undo) that belongs to the board.
    keys: keys({ kind: 'stopEditing' }, ['Escape']),
    keysIn: ['text'],
    writes: false,
    perform: (_c, a, _v, { editingId, editingClusterId }) => {
      if (editingClusterId) a.selectCluster(editingClusterId);
      else if (editingId) a.selectNote(editingId);
    },
  },
  recolorSelected: {
    id: 'recolorSelected',
    label: 'actions.recolorSelected',
    labelFor: ({ index }, s) =>
      themeSelected(s)
        ? { key: 'cluster.setColor', values: { color: { key: `clusterColors.${CLUSTER_COLORS[index] ?? 'sand'}` } } }
        : { key: 'note.setColor', values: { color: { key: `colors.${NOTE_COLORS[index] ?? 'yellow'}` } } },
    // Digits pick from the palette of what is selected: note colours, or theme colours.
    keys: NOTE_COLORS.map((_, index) => ({ chord: String(index + 1), command: { kind: 'recolorSelected', index } })),
    writes: true,
    enabled: selected,
    perform: recolorSelected,
  },
  resizeSelected: {
    id: 'resizeSelected',
    label: 'actions.resizeSelected',
    labelFor: ({ size }) => ({ key: 'note.setSize', values: { size: { key: `sizes.${size}` } } }),
    keys: [],
    writes: true,
    enabled: notesSelected,
    perform: ({ size }, a) => a.resizeSelected(size),
  },
  moveSelected: {
    id: 'moveSelected',
    label: 'actions.moveSelected',
    keys: [NUDGE, NUDGE_BIG].flatMap((step) =>
      arrows.map(([key, [x, y]]) => ({
        chord: step === NUDGE ? key : `Shift+${key}`,
        command: { kind: 'moveSelected', dx: x * step, dy: y * step },
      })),
    ),
    keysIn: ['board'],
    writes: true,
    enabled: selected,
    perform: moveSelected,
  },
  pan: {
    id: 'pan',
    label: 'actions.pan',
    // Arrow right shows what is to the right: the board moves left. (`0 -` avoids a -0.)
    keys: arrows.map(([key, [x, y]]) => ({
      chord: key,
      command: { kind: 'pan', dx: 0 - x * PAN_KEY_STEP, dy: 0 - y * PAN_KEY_STEP },
    })),
    keysIn: ['board'],
    writes: false,
    // The arrows move what is selected; with nothing that may move, they move the view.
    enabled: (s) => !s.hasSelection || s.readOnly,
    perform: (c, _a, view) => view.panBy(c.dx, c.dy),
  },
  zoomIn: {
    id: 'zoomIn',
    label: 'board.zoomIn',
    keys: keys({ kind: 'zoomIn' }, ['+'], ['=']),
    writes: false,
    perform: (_c, _a, v) => v.zoomIn(),
  },
  zoomOut: {
    id: 'zoomOut',
    label: 'board.zoomOut',
    keys: keys({ kind: 'zoomOut' }, ['-'], ['_']),
    writes: false,
    perform: (_c, _a, v) => v.zoomOut(),
  },
  zoomReset: {
    id: 'zoomReset',
    label: 'board.zoomReset',
    keys: keys({ kind: 'zoomReset' }, ['0']),
    writes: false,
    perform: (_c, _a, v) => v.zoomReset(),
  },
  fit: {
    id: 'fit',
    label: 'board.fit',
    keys: keys({ kind: 'fit' }, ['F']),
    writes: false,
    perform: (_c, _a, view, { options }) =>
      view.fit([...options.notes, ...options.clusters].map((r) => ({ x: r.x, y: r.y, width: r.w, height: r.h }))),
  },
};

/** The table's rows, in its order. */
export const ACTION_ROWS: readonly BoardAction[] = Object.values(BOARD_ACTIONS) as BoardAction[];

/** The row of a command; the table's type pairs each row with its command, which indexing by a union loses. */
export function actionOf(command: BoardCommand): BoardAction {
  return BOARD_ACTIONS[command.kind] as BoardAction;
}

/** Whether an action can be done now: nothing that writes on a read-only board, and the row's own condition. */
export function isEnabled(action: BoardAction, state: ActionState): boolean {
  return !(action.writes && state.readOnly) && (action.enabled?.(state) ?? true);
}

/** What a control for this command says as its tooltip, where the row says more than the name. */
export function hintOf(command: BoardCommand, state: ActionState): Phrase | undefined {
  return actionOf(command).hintFor?.(state);
}

/** What a control for this command is called. */
export function labelOf(command: BoardCommand, state: ActionState): Phrase {
  const action = actionOf(command);
  return action.labelFor?.(command as never, state) ?? { key: action.label };
}

/** The chords announced for exactly this command (`aria-keyshortcuts`), or none. */
export function shortcutOf(command: BoardCommand): string[] {
  return actionOf(command)
    .keys.filter((b) => !b.alias && sameCommand(b.command, command))
    .map((b) => b.chord);
}

/** What the board is now, as the table's conditions read it. */
export function stateOf(now: CommandContext): ActionState {
  return selectionState(now.selection, now.options.readOnly === true, now.history, now.options.spotlight);
}

/** The table's state from what a view holds: the selection, whether it may write, the undo history. */
export function selectionState(
  selection: Selection,
  readOnly: boolean,
  history: Pick<BoardHistory, 'canUndo' | 'canRedo'>,
  spotlight?: Pick<Spotlight, 'clusterId'> | undefined,
): ActionState {
  const spotlit = selection.kind === 'cluster' && spotlight?.clusterId === selection.id;
  return {
    spotlight: spotlight ? (spotlit ? 'on' : 'off') : undefined,
    hasSelection: selection.kind !== 'none',
    selectionKind: selection.kind === 'none' ? undefined : selection.kind,
    count: selectedNoteIds(selection).length,
    readOnly,
    canUndo: history.canUndo,
    canRedo: history.canRedo,
  };
}

function sameCommand(a: BoardCommand, b: BoardCommand): boolean {
  const x = a as unknown as Record<string, unknown>;
  const y = b as unknown as Record<string, unknown>;
  const names = new Set([...Object.keys(x), ...Object.keys(y)]);
  return [...names].every((name) => x[name] === y[name]);
}

function recolorSelected(command: CommandOf<'recolorSelected'>, a: BoardActions, _v: unknown, now: CommandContext) {
  if (now.selection.kind === 'cluster') {
    const color = CLUSTER_COLORS[command.index];
    if (color) a.setClusterColor(color);
    return;
  }
  const color = NOTE_COLORS[command.index];
  if (color) a.setNoteColor(color);
}

function moveSelected(command: CommandOf<'moveSelected'>, a: BoardActions, _v: unknown, now: CommandContext) {
  const { selection, options } = now;
  const { dx, dy } = command;
  if (selection.kind === 'cluster') {
    const cluster = options.clusters.find((c) => c.id === selection.id);
    if (cluster) a.moveClusterTo(cluster.id, cluster.x + dx, cluster.y + dy);
    return;
  }
  const ids = new Set(selectedNoteIds(selection));
  const moved = options.notes.filter((n) => ids.has(n.id));
  if (moved.length === 0) return;
  a.moveNotes(moved.map((n) => ({ id: n.id, x: n.x + dx, y: n.y + dy })));
  // Arrow keys can carry notes into (or out of) a theme, like a drop.
  a.dropNotes(moved.map((n) => n.id));
}
