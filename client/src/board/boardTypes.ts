import type { ClusterColor, ClusterView, NoteColor, NoteSize, NoteView } from '@samle/shared';
import type { RefObject } from 'react';
import type * as Y from 'yjs';
import type { Selection } from '../interaction/selection';
import type { Point, Size, Viewport } from '../interaction/viewport';
import type { Identity } from '../presence/identity';
import type { BoardCommand } from './boardCommand';
import type { BoardHistory } from './useBoardHistory';

/**
 * What the board page's controller offers and needs: every action on the board
 * (made by `boardController.ts`), the local interaction state (held by
 * `useBoardController`), the labels it announces with and its options. Types only,
 * so the actions table, the command runner and the toolbars can name them without
 * importing the controller.
 */

export interface BoardActions {
  addNote(at?: Point): void;
  selectNote(id: string, focus?: boolean): void;
  /** A note got keyboard focus: it becomes the selection unless it already is part of it. */
  onNoteFocus(id: string): void;
  /** A frame got keyboard focus: it becomes the selection. */
  onClusterFocus(id: string): void;
  toggleNote(id: string): void;
  selectNotes(ids: readonly string[]): void;
  selectCluster(id: string, focus?: boolean): void;
  /** `focusCanvas`: move keyboard focus to the canvas (for Escape); a click leaves focus alone. */
  clearSelection(focusCanvas?: boolean): void;
  editNote(id: string): void;
  editClusterTitle(id: string): void;
  moveNotes(moves: readonly { id: string; x: number; y: number }[]): void;
  dropNotes(ids: readonly string[]): void;
  moveClusterTo(id: string, x: number, y: number): void;
  resizeClusterTo(id: string, w: number, h: number): void;
  settleCluster(id: string): void;
  beginChange(): void;
  endChange(): void;
  setNoteColor(color: NoteColor): void;
  setClusterColor(color: ClusterColor): void;
  resizeSelected(size: NoteSize): void;
  deleteSelected(): void;
  duplicateSelected(): void;
  /** With notes selected: a theme around them; otherwise an empty theme in view. */
  addCluster(): void;
  tidySelected(): void;
  onTextFocus(id: string): void;
  onTextBlur(id: string): void;
  onTitleFocus(id: string): void;
  onTitleBlur(id: string): void;
  panBy(dx: number, dy: number): void;
  zoomAt(anchor: Point, factor: number): void;
  /** Shows exactly this view (follow mode). */
  showViewport(view: Viewport): void;
  run(command: BoardCommand): void;
}

export interface BoardController extends BoardActions {
  viewport: Viewport;
  viewportRef: RefObject<Viewport>;
  selection: Selection;
  editingId: string | undefined;
  editingClusterId: string | undefined;
  announcement: string;
  history: BoardHistory;
}

export interface BoardLabels {
  created: string;
  deleted: (count: number) => string;
  duplicated: (count: number) => string;
  grouped: (count: number) => string;
  clusterCreated: string;
  clusterDeleted: string;
  tidied: string;
}

export interface BoardControllerOptions {
  doc: Y.Doc;
  /** The board's notes, and this person's drafts while private writing is on. */
  notes: readonly NoteView[];
  /**
   * While private writing is on: this person's drafts doc and which of `notes`
   * live there. New notes go into it; actions on a draft change it there.
   */
  drafts?: { doc: Y.Doc; ids: ReadonlySet<string> };
  /** Private writing is on but the drafts doc is not open yet: a new note waits rather than land on the board. */
  holdNewNotes?: boolean;
  clusters: readonly ClusterView[];
  identity: Identity;
  /** Notes on this board carry no author: none is written. */
  anonymous: boolean;
  canvasRef: RefObject<HTMLElement | null>;
  size: Size;
  labels: BoardLabels;
  /** Every action that would write to the doc does nothing (the UI hides them too). */
  readOnly: boolean;
  /** This person's undo history; it outlives the canvas, so switching to the list view keeps it. */
  history: BoardHistory;
  /** The facilitator's spotlight (the one theme the big screen shows); absent for anyone else. */
  spotlight?: Spotlight | undefined;
}

/** The facilitator's spotlight: which theme the big screen shows alone, and how to change it. */
export interface Spotlight {
  clusterId: string | null;
  show(clusterId: string | null): void;
}
