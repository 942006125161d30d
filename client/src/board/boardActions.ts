import { CLUSTER_COLORS, NOTE_COLORS } from '@samle/shared';
import type { BoardCommand } from '../interaction/boardKeys';
import { type Selection, selectedNoteIds } from '../interaction/selection';
import type { BoardActions, BoardControllerOptions } from './boardTypes';
import type { BoardHistory } from './useBoardHistory';
import type { ViewportControls } from './useViewport';

/** What an action may read when it runs: the board as it is now. */
export interface CommandContext {
  options: Pick<BoardControllerOptions, 'notes' | 'clusters'>;
  history: BoardHistory;
  selection: Selection;
  editingId: string | undefined;
  editingClusterId: string | undefined;
}

type CommandOf<K extends BoardCommand['kind']> = Extract<BoardCommand, { kind: K }>;

/** One thing a person can do on the board, from a toolbar button or a key. */
export interface BoardAction<K extends BoardCommand['kind'] = BoardCommand['kind']> {
  id: K;
  /** The i18n key of its name, where a control names it. */
  label?: string;
  /** `aria-keyshortcuts` of the control that performs it (boardKeys.ts maps the keys). */
  shortcut?: string;
  /** It changes the board, so it never runs on a read-only board. */
  writes: boolean;
  perform(command: CommandOf<K>, a: BoardActions, view: ViewportControls, now: CommandContext): void;
}

/**
 * The board's actions in one table: the command runner dispatches from it and the
 * toolbars take their names and shortcuts from it. Every command has its row (the
 * type says so), so a new command cannot be reachable from a key but not performable.
 */
export const BOARD_ACTIONS: { readonly [K in BoardCommand['kind']]: BoardAction<K> } = {
  addNote: { id: 'addNote', label: 'board.addNote', shortcut: 'N', writes: true, perform: (_c, a) => a.addNote() },
  addCluster: {
    id: 'addCluster',
    label: 'board.addCluster',
    shortcut: 'C',
    writes: true,
    perform: (_c, a) => a.addCluster(),
  },
  deleteSelected: { id: 'deleteSelected', shortcut: 'Delete', writes: true, perform: (_c, a) => a.deleteSelected() },
  duplicateSelected: {
    id: 'duplicateSelected',
    shortcut: 'Control+D Meta+D',
    writes: true,
    perform: (_c, a) => a.duplicateSelected(),
  },
  tidySelected: { id: 'tidySelected', shortcut: 'T', writes: true, perform: (_c, a) => a.tidySelected() },
  undo: {
    id: 'undo',
    label: 'board.undo',
    shortcut: 'Control+Z Meta+Z',
    writes: true,
    perform: (_c, _a, _v, now) => now.history.undo(),
  },
  redo: {
    id: 'redo',
    label: 'board.redo',
    shortcut: 'Control+Shift+Z Meta+Shift+Z Control+Y',
    writes: true,
    perform: (_c, _a, _v, now) => now.history.redo(),
  },
  selectAll: {
    id: 'selectAll',
    writes: false,
    perform: (_c, a, _v, now) => a.selectNotes(now.options.notes.map((n) => n.id)),
  },
  editSelected: {
    id: 'editSelected',
    shortcut: 'Enter',
    writes: true,
    perform: (_c, a, _v, { selection }) => {
      if (selection.kind === 'cluster') a.editClusterTitle(selection.id);
      else if (selection.kind === 'notes' && selection.ids.length === 1 && selection.ids[0]) {
        a.editNote(selection.ids[0]);
      }
    },
  },
  clearSelection: { id: 'clearSelection', writes: false, perform: (_c, a) => a.clearSelection() },
  stopEditing: {
    id: 'stopEditing',
    writes: false,
    perform: (_c, a, _v, { editingId, editingClusterId }) => {
      if (editingClusterId) a.selectCluster(editingClusterId);
      else if (editingId) a.selectNote(editingId);
    },
  },
  recolorSelected: { id: 'recolorSelected', writes: true, perform: recolorSelected },
  moveSelected: { id: 'moveSelected', writes: true, perform: moveSelected },
  pan: { id: 'pan', writes: false, perform: (c, _a, view) => view.panBy(c.dx, c.dy) },
  zoomIn: { id: 'zoomIn', label: 'board.zoomIn', shortcut: '+', writes: false, perform: (_c, _a, v) => v.zoomIn() },
  zoomOut: { id: 'zoomOut', label: 'board.zoomOut', shortcut: '-', writes: false, perform: (_c, _a, v) => v.zoomOut() },
  zoomReset: {
    id: 'zoomReset',
    label: 'board.zoomReset',
    shortcut: '0',
    writes: false,
    perform: (_c, _a, v) => v.zoomReset(),
  },
  fit: {
    id: 'fit',
    label: 'board.fit',
    shortcut: 'F',
    writes: false,
    perform: (_c, _a, view, { options }) =>
      view.fit([...options.notes, ...options.clusters].map((r) => ({ x: r.x, y: r.y, width: r.w, height: r.h }))),
  },
};

/** Digits pick from the palette of what is selected: note colours, or theme colours. */
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
