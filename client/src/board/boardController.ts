import {
  createNote,
  deleteCluster,
  duplicateNotes,
  moveCluster,
  recolorCluster,
  resizeCluster,
  tidyCluster,
} from '@samle/shared';
import { nanoid } from 'nanoid';
import type * as Y from 'yjs';
import { placeNewNote } from '../interaction/notePlacement';
import {
  isNoteSelected,
  NOTHING,
  notesSelection,
  type Selection,
  selectedNoteIds,
  toggleNote,
} from '../interaction/selection';
import { rectCenter } from '../interaction/viewport';
import { noteAuthor } from '../ops/authorship';
import { createClusterAt, dropIntoThemes, groupIntoCluster, nextClusterColor, settleFrame } from '../ops/grouping';
import { deleteNotes, moveNotes, recolorNotes, resizeNotes } from '../ops/noteBatch';
import { forEachDoc, type NoteDocs } from '../ops/noteRouting';
import type { BoardActions, BoardControllerOptions } from './boardTypes';
import { runCommand } from './runCommand';
import type { BoardHistory } from './useBoardHistory';
import type { ViewportControls } from './useViewport';

/** What the actions read when they run: the board page as it was last rendered. */
export interface ControllerSnapshot {
  options: BoardControllerOptions;
  view: ViewportControls;
  history: BoardHistory;
  selection: Selection;
  editingId: string | undefined;
  editingClusterId: string | undefined;
}

/** A text field to focus once it is rendered: a note's text or a theme's title. */
export type PendingField = { kind: 'note' | 'title'; id: string };

/** The local state the actions change; `useBoardController` holds it. */
export interface ControllerState {
  now(): ControllerSnapshot;
  setSelection(next: Selection): void;
  setEditingId(update: (current: string | undefined) => string | undefined): void;
  setEditingClusterId(update: (current: string | undefined) => string | undefined): void;
  /** Focus this field as soon as it is on screen. */
  focusField(field: PendingField): void;
  announce(text: string): void;
}

export function boardElement(canvas: HTMLElement | null, attribute: string, id: string): HTMLElement | null {
  return canvas?.querySelector<HTMLElement>(`[${attribute}="${CSS.escape(id)}"]`) ?? null;
}

/**
 * Every action on the board. Collaborative state is never held here: actions
 * write to the Y.Doc through `@samle/shared` and `ops/`, and notes and themes come
 * back through their stores. Focus is moved explicitly so keyboard users always
 * know where they are. The actions read the latest state through `state.now()`,
 * so they can be made once per doc and memoised notes do not re-render.
 */
export function createBoardActions(doc: Y.Doc, state: ControllerState): BoardActions {
  const { now, setSelection, announce } = state;
  const canvas = () => now().options.canvasRef.current;
  const writable = () => !now().options.readOnly;
  /** A discrete change: one undo step of its own. */
  const step = (change: () => void) => {
    now().history.checkpoint();
    change();
    now().history.checkpoint();
  };
  const author = () => noteAuthor(now().options.identity, now().options.anonymous);
  const docs = (): NoteDocs => {
    const drafts = now().options.drafts;
    return { board: doc, drafts: drafts?.doc, isDraft: (id) => drafts?.ids.has(id) === true };
  };
  const onBoard = (ids: readonly string[]) => ids.filter((id) => !docs().isDraft(id));
  const selectedNotes = () => selectedNoteIds(now().selection);
  const selectedCluster = () => {
    const current = now().selection;
    return current.kind === 'cluster' ? current.id : undefined;
  };

  const a: BoardActions = {
    addNote(at) {
      if (!writable() || now().options.holdNewNotes) return;
      const target = at ?? rectCenter(now().view.visibleRect());
      const id = nanoid();
      // During private writing a new note is a draft: it goes to this person's own doc, never to the board.
      const into = now().options.drafts?.doc ?? doc;
      step(() =>
        createNote(into, { id, ...placeNewNote(target, now().options.notes), ...author(), createdAt: Date.now() }),
      );
      announce(now().options.labels.created);
      a.editNote(id);
    },
    selectNote(id, focus = true) {
      setSelection(notesSelection([id]));
      if (focus) boardElement(canvas(), 'data-note-id', id)?.focus({ preventScroll: true });
    },
    onNoteFocus(id) {
      if (!isNoteSelected(now().selection, id)) setSelection(notesSelection([id]));
    },
    onClusterFocus(id) {
      setSelection({ kind: 'cluster', id });
    },
    toggleNote(id) {
      setSelection(toggleNote(now().selection, id));
    },
    selectNotes(ids) {
      setSelection(notesSelection(ids));
    },
    selectCluster(id, focus = true) {
      setSelection({ kind: 'cluster', id });
      if (focus) boardElement(canvas(), 'data-cluster-id', id)?.focus({ preventScroll: true });
    },
    clearSelection(focusCanvas = true) {
      setSelection(NOTHING);
      if (focusCanvas) canvas()?.focus({ preventScroll: true });
    },
    editNote(id) {
      setSelection(notesSelection([id]));
      if (writable()) state.focusField({ kind: 'note', id });
    },
    editClusterTitle(id) {
      setSelection({ kind: 'cluster', id });
      if (writable()) state.focusField({ kind: 'title', id });
    },
    moveNotes(moves) {
      if (!writable()) return;
      forEachDoc(
        docs(),
        moves.map((m) => m.id),
        (target, ids) => {
          const own = new Set(ids);
          moveNotes(
            target,
            moves.filter((m) => own.has(m.id)),
          );
        },
      );
    },
    dropNotes(ids) {
      // Drafts have no themes until they are revealed.
      if (writable()) dropIntoThemes(doc, onBoard(ids));
    },
    moveClusterTo(id, x, y) {
      if (writable()) moveCluster(doc, id, x, y);
    },
    resizeClusterTo(id, w, h) {
      if (writable()) resizeCluster(doc, id, w, h);
    },
    settleCluster(id) {
      if (writable()) settleFrame(doc, id);
    },
    beginChange: () => now().history.checkpoint(),
    endChange: () => now().history.checkpoint(),
    setNoteColor(color) {
      if (writable())
        step(() => forEachDoc(docs(), selectedNotes(), (target, ids) => recolorNotes(target, ids, color)));
    },
    setClusterColor(color) {
      const id = selectedCluster();
      if (id && writable()) step(() => recolorCluster(doc, id, color));
    },
    resizeSelected(size) {
      if (writable()) step(() => forEachDoc(docs(), selectedNotes(), (target, ids) => resizeNotes(target, ids, size)));
    },
    deleteSelected() {
      if (!writable()) return;
      const ids = selectedNotes();
      const clusterId = selectedCluster();
      const { labels } = now().options;
      if (clusterId) {
        step(() => deleteCluster(doc, clusterId));
        announce(labels.clusterDeleted);
      } else if (ids.length > 0) {
        step(() => forEachDoc(docs(), ids, deleteNotes));
        announce(labels.deleted(ids.length));
      } else return;
      a.clearSelection();
    },
    duplicateSelected() {
      const ids = selectedNotes();
      if (!writable() || ids.length === 0) return;
      const copies: string[] = [];
      step(() => {
        forEachDoc(docs(), ids, (target, own) => {
          copies.push(...duplicateNotes(target, own, { newId: nanoid, now: Date.now(), ...author() }));
        });
      });
      setSelection(notesSelection(copies));
      announce(now().options.labels.duplicated(copies.length));
    },
    addCluster() {
      if (!writable()) return;
      const id = nanoid();
      // A theme gathers notes on the board; drafts join themes once revealed.
      const ids = onBoard(selectedNotes());
      const { labels, clusters } = now().options;
      const color = nextClusterColor(clusters);
      if (ids.length > 0) {
        step(() => groupIntoCluster(doc, ids, { id, color, createdAt: Date.now() }));
        announce(labels.grouped(ids.length));
      } else {
        step(() => createClusterAt(doc, rectCenter(now().view.visibleRect()), { id, color, createdAt: Date.now() }));
        announce(labels.clusterCreated);
      }
      a.editClusterTitle(id);
    },
    tidySelected() {
      const id = selectedCluster();
      if (!id || !writable()) return;
      step(() => tidyCluster(doc, id));
      announce(now().options.labels.tidied);
    },
    onTextFocus(id) {
      now().history.checkpoint();
      if (!isNoteSelected(now().selection, id) || selectedNotes().length > 1) setSelection(notesSelection([id]));
      state.setEditingId(() => id);
    },
    onTextBlur(id) {
      now().history.checkpoint();
      state.setEditingId((current) => (current === id ? undefined : current));
    },
    onTitleFocus(id) {
      now().history.checkpoint();
      setSelection({ kind: 'cluster', id });
      state.setEditingClusterId(() => id);
    },
    onTitleBlur(id) {
      now().history.checkpoint();
      state.setEditingClusterId((current) => (current === id ? undefined : current));
    },
    panBy: (dx, dy) => now().view.panBy(dx, dy),
    zoomAt: (anchor, factor) => now().view.zoomAt(anchor, factor),
    showViewport: (view) => now().view.show(view),
    run: (command) => runCommand(command, a, now().view, now()),
  };
  return a;
}
