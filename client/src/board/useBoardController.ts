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
import { useEffect, useMemo, useRef, useState } from 'react';
import { placeNewNote } from '../interaction/notePlacement';
import {
  isNoteSelected,
  NOTHING,
  notesSelection,
  pruneSelection,
  type Selection,
  selectedNoteIds,
  toggleNote,
} from '../interaction/selection';
import { rectCenter, screenToBoard, type Viewport } from '../interaction/viewport';
import { noteAuthor } from '../ops/authorship';
import { createClusterAt, dropIntoThemes, groupIntoCluster, nextClusterColor, settleFrame } from '../ops/grouping';
import { deleteNotes, moveNotes, recolorNotes, resizeNotes } from '../ops/noteBatch';
import { forEachDoc, type NoteDocs } from '../ops/noteRouting';
import type { BoardActions, BoardController, BoardControllerOptions } from './boardController';
import { runCommand } from './runCommand';
import { useViewport } from './useViewport';

// The controller's types live in boardController.ts, so runCommand can use them without importing this hook.
export type { BoardActions, BoardController, BoardControllerOptions, BoardLabels } from './boardController';

function boardElement(canvas: HTMLElement | null, attribute: string, id: string): HTMLElement | null {
  return canvas?.querySelector<HTMLElement>(`[${attribute}="${CSS.escape(id)}"]`) ?? null;
}

/**
 * The board page's local interaction state (viewport, selection, what is being
 * edited) and every action on the board. Collaborative state is never held
 * here: actions write to the Y.Doc through `@samle/shared` and `ops/`, and
 * notes and themes come back through their stores. Focus is moved explicitly
 * so keyboard users always know where they are. Actions are stable functions
 * that read the latest state, so memoised notes do not re-render.
 */
export function useBoardController(options: BoardControllerOptions): BoardController {
  const { doc, notes, clusters, history } = options;
  const view = useViewport(options.size);
  const [selection, setSelectionState] = useState<Selection>(NOTHING);
  const [editingId, setEditingId] = useState<string>();
  const [editingClusterId, setEditingClusterId] = useState<string>();
  const [pending, setPending] = useState<{ kind: 'note' | 'title'; id: string }>();
  const [announcement, setAnnouncement] = useState('');

  const latest = useRef({ options, view, history, selection, editingId, editingClusterId });
  latest.current = { options, view, history, selection, editingId, editingClusterId };

  // What someone else deleted (or an undo removed) is no longer selected.
  const pruned = pruneSelection(
    selection,
    (id) => notes.some((n) => n.id === id),
    (id) => clusters.some((c) => c.id === id),
  );
  useEffect(() => {
    if (pruned !== selection) setSelectionState(pruned);
  }, [pruned, selection]);

  // Focus the text field that was just asked to edit, once it is rendered.
  useEffect(() => {
    if (!pending) return;
    const canvas = latest.current.options.canvasRef.current;
    const field =
      pending.kind === 'note'
        ? boardElement(canvas, 'data-note-id', pending.id)?.querySelector('textarea')
        : boardElement(canvas, 'data-cluster-id', pending.id)?.querySelector('input');
    if (!field) return;
    setPending(undefined);
    field.focus({ preventScroll: true });
    field.setSelectionRange(field.value.length, field.value.length);
  });

  const actions = useMemo<BoardActions>(() => {
    const now = () => latest.current;
    const canvas = () => now().options.canvasRef.current;
    const writable = () => !now().options.readOnly;
    /** A discrete change: one undo step of its own. */
    const step = (change: () => void) => {
      now().history.checkpoint();
      change();
      now().history.checkpoint();
    };
    const setSelection = (next: Selection) => {
      latest.current.selection = next;
      setSelectionState(next);
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
        setAnnouncement(now().options.labels.created);
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
        if (writable()) setPending({ kind: 'note', id });
      },
      editClusterTitle(id) {
        setSelection({ kind: 'cluster', id });
        if (writable()) setPending({ kind: 'title', id });
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
        if (writable())
          step(() => forEachDoc(docs(), selectedNotes(), (target, ids) => resizeNotes(target, ids, size)));
      },
      deleteSelected() {
        if (!writable()) return;
        const ids = selectedNotes();
        const clusterId = selectedCluster();
        const { labels } = now().options;
        if (clusterId) {
          step(() => deleteCluster(doc, clusterId));
          setAnnouncement(labels.clusterDeleted);
        } else if (ids.length > 0) {
          step(() => forEachDoc(docs(), ids, deleteNotes));
          setAnnouncement(labels.deleted(ids.length));
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
        setAnnouncement(now().options.labels.duplicated(copies.length));
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
          setAnnouncement(labels.grouped(ids.length));
        } else {
          step(() => createClusterAt(doc, rectCenter(now().view.visibleRect()), { id, color, createdAt: Date.now() }));
          setAnnouncement(labels.clusterCreated);
        }
        a.editClusterTitle(id);
      },
      tidySelected() {
        const id = selectedCluster();
        if (!id || !writable()) return;
        step(() => tidyCluster(doc, id));
        setAnnouncement(now().options.labels.tidied);
      },
      onTextFocus(id) {
        now().history.checkpoint();
        if (!isNoteSelected(now().selection, id) || selectedNotes().length > 1) setSelection(notesSelection([id]));
        setEditingId(id);
      },
      onTextBlur(id) {
        now().history.checkpoint();
        setEditingId((current) => (current === id ? undefined : current));
      },
      onTitleFocus(id) {
        now().history.checkpoint();
        setSelection({ kind: 'cluster', id });
        setEditingClusterId(id);
      },
      onTitleBlur(id) {
        now().history.checkpoint();
        setEditingClusterId((current) => (current === id ? undefined : current));
      },
      panBy: (dx, dy) => now().view.panBy(dx, dy),
      zoomAt: (anchor, factor) => now().view.zoomAt(anchor, factor),
      showViewport: (view) => now().view.show(view),
      run: (command) => runCommand(command, a, now().view, now()),
    };
    return a;
  }, [doc]);

  return useMemo(
    () => ({
      ...actions,
      viewport: view.viewport,
      viewportRef: view.viewportRef,
      selection,
      editingId,
      editingClusterId,
      announcement,
      history,
    }),
    [actions, view.viewport, view.viewportRef, selection, editingId, editingClusterId, announcement, history],
  );
}

/** Board coordinates of a pointer event's position inside the canvas. */
export function eventToBoard(event: { clientX: number; clientY: number }, canvas: HTMLElement, viewport: Viewport) {
  const rect = canvas.getBoundingClientRect();
  const screen = { x: event.clientX - rect.left, y: event.clientY - rect.top };
  return { screen, board: screenToBoard(viewport, screen) };
}
