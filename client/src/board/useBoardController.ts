import { createNote, deleteNote, moveNote, type NoteColor, type NoteView, recolorNote } from '@samle/shared';
import { nanoid } from 'nanoid';
import { type RefObject, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type * as Y from 'yjs';
import type { BoardCommand } from '../interaction/boardKeys';
import { placeNewNote } from '../interaction/notePlacement';
import {
  boundingRect,
  fitRect,
  INITIAL_VIEWPORT,
  type Point,
  panBy,
  rectCenter,
  type Size,
  screenToBoard,
  type Viewport,
  visibleBoardRect,
  ZOOM_STEP,
  zoomAround,
  zoomBy,
} from '../interaction/viewport';
import type { Identity } from '../presence/identity';

/**
 * The board page's local interaction state (viewport, selection, which note is
 * being edited) and every action on the board. Collaborative state is never
 * held here: actions write to the Y.Doc and the notes come back through
 * `useNotes`. Focus is moved explicitly so keyboard users always know where
 * they are.
 */
export interface BoardController {
  viewport: Viewport;
  selectedId: string | undefined;
  editingId: string | undefined;
  /** Latest viewport for event handlers that must not re-subscribe on every pan. */
  viewportRef: RefObject<Viewport>;
  announcement: string;
  addNote(at?: Point): void;
  selectNote(id: string, focus?: boolean): void;
  clearSelection(): void;
  editNote(id: string): void;
  moveNoteTo(id: string, x: number, y: number): void;
  recolorSelected(color: NoteColor): void;
  deleteSelected(): void;
  panBy(dx: number, dy: number): void;
  zoomAt(anchor: Point, factor: number): void;
  onTextFocus(id: string): void;
  onTextBlur(id: string): void;
  run(command: BoardCommand): void;
}

export interface BoardControllerOptions {
  doc: Y.Doc;
  notes: readonly NoteView[];
  identity: Identity;
  canvasRef: RefObject<HTMLElement | null>;
  size: Size;
  labels: { created: string; deleted: string };
  /** Every action that would write to the doc does nothing (the UI hides them too). */
  readOnly: boolean;
}

function noteElement(canvas: HTMLElement | null, id: string): HTMLElement | null {
  return canvas?.querySelector<HTMLElement>(`[data-note-id="${CSS.escape(id)}"]`) ?? null;
}

export function useBoardController(options: BoardControllerOptions): BoardController {
  const { doc, notes, identity, canvasRef, size, labels, readOnly } = options;
  const [viewport, setViewport] = useState<Viewport>(INITIAL_VIEWPORT);
  const [selectedId, setSelectedId] = useState<string>();
  const [editingId, setEditingId] = useState<string>();
  const [pendingEdit, setPendingEdit] = useState<string>();
  const [announcement, setAnnouncement] = useState('');
  const viewportRef = useRef(viewport);
  viewportRef.current = viewport;
  const notesRef = useRef(notes);
  notesRef.current = notes;

  // A note deleted by someone else is no longer selected.
  const selectionExists = selectedId === undefined || notes.some((note) => note.id === selectedId);
  useEffect(() => {
    if (!selectionExists) setSelectedId(undefined);
  }, [selectionExists]);

  // Focus the textarea of a note that was just asked to edit, once it is rendered.
  useEffect(() => {
    if (!pendingEdit) return;
    const textarea = noteElement(canvasRef.current, pendingEdit)?.querySelector('textarea');
    if (!textarea) return;
    setPendingEdit(undefined);
    textarea.focus({ preventScroll: true });
    textarea.setSelectionRange(textarea.value.length, textarea.value.length);
  });

  const center = useCallback((): Point => ({ x: size.width / 2, y: size.height / 2 }), [size]);

  const selectNote = useCallback(
    (id: string, focus = true) => {
      setSelectedId(id);
      if (focus) noteElement(canvasRef.current, id)?.focus({ preventScroll: true });
    },
    [canvasRef],
  );

  const clearSelection = useCallback(() => {
    setSelectedId(undefined);
    canvasRef.current?.focus({ preventScroll: true });
  }, [canvasRef]);

  const editNote = useCallback(
    (id: string) => {
      setSelectedId(id);
      if (!readOnly) setPendingEdit(id);
    },
    [readOnly],
  );

  const addNote = useCallback(
    (at?: Point) => {
      if (readOnly) return;
      const target = at ?? rectCenter(visibleBoardRect(viewportRef.current, size));
      const position = placeNewNote(target, notesRef.current);
      const id = nanoid();
      createNote(doc, {
        id,
        ...position,
        authorId: identity.userId,
        ...(identity.name ? { authorName: identity.name } : {}),
        createdAt: Date.now(),
      });
      setAnnouncement(labels.created);
      editNote(id);
    },
    [doc, identity.userId, identity.name, size, editNote, labels.created, readOnly],
  );

  const moveNoteTo = useCallback(
    (id: string, x: number, y: number) => {
      if (!readOnly) moveNote(doc, id, x, y);
    },
    [doc, readOnly],
  );

  const recolorSelected = useCallback(
    (color: NoteColor) => {
      if (selectedId && !readOnly) recolorNote(doc, selectedId, color);
    },
    [doc, selectedId, readOnly],
  );

  const deleteSelected = useCallback(() => {
    if (!selectedId || readOnly) return;
    deleteNote(doc, selectedId);
    setAnnouncement(labels.deleted);
    clearSelection();
  }, [doc, selectedId, clearSelection, labels.deleted, readOnly]);

  const pan = useCallback((dx: number, dy: number) => setViewport((v) => panBy(v, dx, dy)), []);
  const zoomAt = useCallback((anchor: Point, factor: number) => setViewport((v) => zoomBy(v, anchor, factor)), []);

  const fit = useCallback(() => {
    const bounds = boundingRect(notesRef.current.map((n) => ({ x: n.x, y: n.y, width: n.w, height: n.h })));
    if (bounds && size.width > 0) setViewport(fitRect(bounds, size));
  }, [size]);

  const onTextFocus = useCallback((id: string) => {
    setSelectedId(id);
    setEditingId(id);
  }, []);
  const onTextBlur = useCallback((id: string) => setEditingId((current) => (current === id ? undefined : current)), []);

  const run = useCallback(
    (command: BoardCommand) => {
      switch (command.kind) {
        case 'addNote':
          return addNote();
        case 'deleteSelected':
          return deleteSelected();
        case 'editSelected':
          return selectedId && editNote(selectedId);
        case 'clearSelection':
          return clearSelection();
        case 'stopEditing':
          return editingId && selectNote(editingId);
        case 'recolorSelected':
          return recolorSelected(command.color);
        case 'moveSelected': {
          const note = notesRef.current.find((n) => n.id === selectedId);
          return note && moveNoteTo(note.id, note.x + command.dx, note.y + command.dy);
        }
        case 'pan':
          return pan(command.dx, command.dy);
        case 'zoomIn':
          return zoomAt(center(), ZOOM_STEP);
        case 'zoomOut':
          return zoomAt(center(), 1 / ZOOM_STEP);
        case 'zoomReset':
          return setViewport((v) => zoomAround(v, center(), 1));
        case 'fit':
          return fit();
      }
    },
    [
      addNote,
      deleteSelected,
      selectedId,
      editingId,
      editNote,
      clearSelection,
      selectNote,
      recolorSelected,
      moveNoteTo,
      pan,
      zoomAt,
      center,
      fit,
    ],
  );

  // Once the canvas has a size, start with the board origin near the top left, like a page.
  const placed = useRef(false);
  useEffect(() => {
    if (placed.current || size.width === 0) return;
    placed.current = true;
    setViewport({ panX: 48, panY: 48, zoom: 1 });
  }, [size.width]);

  return useMemo(
    () => ({
      viewport,
      selectedId,
      editingId,
      viewportRef,
      announcement,
      addNote,
      selectNote,
      clearSelection,
      editNote,
      moveNoteTo,
      recolorSelected,
      deleteSelected,
      panBy: pan,
      zoomAt,
      onTextFocus,
      onTextBlur,
      run,
    }),
    [
      viewport,
      selectedId,
      editingId,
      announcement,
      addNote,
      selectNote,
      clearSelection,
      editNote,
      moveNoteTo,
      recolorSelected,
      deleteSelected,
      pan,
      zoomAt,
      onTextFocus,
      onTextBlur,
      run,
    ],
  );
}

/** Board coordinates of a pointer event's position inside the canvas. */
export function eventToBoard(event: { clientX: number; clientY: number }, canvas: HTMLElement, viewport: Viewport) {
  const rect = canvas.getBoundingClientRect();
  const screen = { x: event.clientX - rect.left, y: event.clientY - rect.top };
  return { screen, board: screenToBoard(viewport, screen) };
}
