import { CLUSTER_COLORS, NOTE_COLORS } from '@samle/shared';
import type { BoardCommand } from '../interaction/boardKeys';
import { type Selection, selectedNoteIds } from '../interaction/selection';
import type { BoardActions, BoardControllerOptions } from './boardController';
import type { BoardHistory } from './useBoardHistory';
import type { ViewportControls } from './useViewport';

/** Performs a keyboard or toolbar command (see boardKeys.ts) with the board's actions. */
export interface CommandContext {
  options: Pick<BoardControllerOptions, 'notes' | 'clusters'>;
  history: BoardHistory;
  selection: Selection;
  editingId: string | undefined;
  editingClusterId: string | undefined;
}

export function runCommand(command: BoardCommand, a: BoardActions, view: ViewportControls, now: CommandContext): void {
  const { options, selection, editingId, editingClusterId, history } = now;
  switch (command.kind) {
    case 'addNote':
      a.addNote();
      break;
    case 'addCluster':
      a.addCluster();
      break;
    case 'deleteSelected':
      a.deleteSelected();
      break;
    case 'duplicateSelected':
      a.duplicateSelected();
      break;
    case 'tidySelected':
      a.tidySelected();
      break;
    case 'undo':
      history.undo();
      break;
    case 'redo':
      history.redo();
      break;
    case 'selectAll':
      a.selectNotes(options.notes.map((n) => n.id));
      break;
    case 'editSelected':
      editSelected(selection, a);
      break;
    case 'clearSelection':
      a.clearSelection();
      break;
    case 'stopEditing':
      if (editingClusterId) a.selectCluster(editingClusterId);
      else if (editingId) a.selectNote(editingId);
      break;
    case 'recolorSelected':
      recolorSelected(selection, command.index, a);
      break;
    case 'moveSelected':
      moveSelected(now, command.dx, command.dy, a);
      break;
    case 'pan':
      view.panBy(command.dx, command.dy);
      break;
    case 'zoomIn':
      view.zoomIn();
      break;
    case 'zoomOut':
      view.zoomOut();
      break;
    case 'zoomReset':
      view.zoomReset();
      break;
    case 'fit':
      view.fit([...options.notes, ...options.clusters].map((r) => ({ x: r.x, y: r.y, width: r.w, height: r.h })));
      break;
  }
}

function editSelected(selection: Selection, a: BoardActions): void {
  if (selection.kind === 'cluster') a.editClusterTitle(selection.id);
  else if (selection.kind === 'notes' && selection.ids.length === 1 && selection.ids[0]) a.editNote(selection.ids[0]);
}

/** Digits pick from the palette of what is selected: note colours, or theme colours. */
function recolorSelected(selection: Selection, index: number, a: BoardActions): void {
  if (selection.kind === 'cluster') {
    const color = CLUSTER_COLORS[index];
    if (color) a.setClusterColor(color);
    return;
  }
  const color = NOTE_COLORS[index];
  if (color) a.setNoteColor(color);
}

function moveSelected(now: CommandContext, dx: number, dy: number, a: BoardActions): void {
  const { selection, options } = now;
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
