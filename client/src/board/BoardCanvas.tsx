import type { NoteView } from '@samle/shared';
import {
  type CSSProperties,
  type MouseEvent,
  type PointerEvent,
  type ReactNode,
  type RefObject,
  useEffect,
  useMemo,
  useRef,
} from 'react';
import type * as Y from 'yjs';
import { cullToRect } from '../interaction/culling';
import {
  activeNoteId,
  type GestureEffect,
  type GestureState,
  IDLE,
  pointerCancel,
  pointerDown,
  pointerMove,
  pointerUp,
} from '../interaction/pointerGesture';
import { type Point, type Size, visibleBoardRect, wheelZoomFactor } from '../interaction/viewport';
import { CursorLayer } from '../presence/CursorLayer';
import type { Peer } from '../presence/peers';
import { NoteCard, type NoteLabels } from './NoteCard';
import { type BoardController, eventToBoard } from './useBoardController';

/** Board pixels around the visible area in which notes stay mounted, so panning does not pop them in. */
const CULL_MARGIN = 240;

/**
 * The zoomable, pannable surface. It turns pointer and wheel events into
 * gesture-machine input and performs the effects; it renders only the notes
 * that are in view.
 */
export function BoardCanvas(props: {
  doc: Y.Doc;
  notes: readonly NoteView[];
  peers: readonly Peer[];
  controller: BoardController;
  canvasRef: RefObject<HTMLDivElement | null>;
  size: Size;
  spaceHeld: RefObject<boolean>;
  label: string;
  noteLabels: NoteLabels;
  overlay: ReactNode;
  onCursor: (cursor: Point | null) => void;
  /** Notes cannot be dragged, edited or added: the pointer only selects and pans. */
  readOnly: boolean;
}) {
  const { doc, notes, peers, controller, canvasRef, size, spaceHeld, label, noteLabels, overlay, onCursor, readOnly } =
    props;
  const { viewport, viewportRef, selectedId, editingId } = controller;
  const gesture = useRef<GestureState>(IDLE);

  const perform = (effects: GestureEffect[]) => {
    for (const effect of effects) {
      switch (effect.kind) {
        case 'selectNote':
          controller.selectNote(effect.noteId);
          break;
        case 'clearSelection':
          controller.clearSelection();
          break;
        case 'editNote':
          controller.editNote(effect.noteId);
          break;
        case 'moveNote':
          controller.moveNoteTo(effect.noteId, effect.x, effect.y);
          break;
        case 'pan':
          controller.panBy(effect.dx, effect.dy);
          break;
      }
    }
  };

  const onPointerDown = (event: PointerEvent<HTMLDivElement>) => {
    const canvas = canvasRef.current;
    const target = event.target as HTMLElement;
    if (!canvas || target.closest('button, a, input, .no-gesture')) return;
    const noteEl = target.closest<HTMLElement>('[data-note-id]');
    const noteId = noteEl?.dataset.noteId;
    // Inside the note being edited, the pointer belongs to the text (caret, selection).
    if (noteId && noteId === editingId && target.tagName === 'TEXTAREA' && !spaceHeld.current) return;
    event.preventDefault();
    canvas.setPointerCapture(event.pointerId);
    // On a read-only board a press on a note pans like one on the canvas.
    const note = noteId && !readOnly ? notes.find((n) => n.id === noteId) : undefined;
    const { screen } = eventToBoard(event, canvas, viewportRef.current);
    const step = pointerDown(gesture.current, {
      pointerId: event.pointerId,
      button: event.button,
      screen,
      target: note
        ? { kind: 'note', noteId: note.id, origin: { x: note.x, y: note.y }, wasSelected: note.id === selectedId }
        : { kind: 'canvas' },
      spaceHeld: spaceHeld.current,
    });
    gesture.current = step.state;
    if (!note && step.state.kind === 'pressed') canvas.focus({ preventScroll: true });
    perform(step.effects);
  };

  const onPointerMove = (event: PointerEvent<HTMLDivElement>) => {
    const canvas = canvasRef.current;
    if (!canvas) return;
    const { screen, board } = eventToBoard(event, canvas, viewportRef.current);
    onCursor(board);
    if (gesture.current.kind === 'idle') return;
    const step = pointerMove(gesture.current, event.pointerId, screen, viewportRef.current.zoom);
    gesture.current = step.state;
    perform(step.effects);
  };

  const onPointerUp = (event: PointerEvent<HTMLDivElement>) => {
    const step = pointerUp(gesture.current, event.pointerId);
    gesture.current = step.state;
    perform(step.effects);
  };

  const onPointerCancel = (event: PointerEvent<HTMLDivElement>) => {
    gesture.current = pointerCancel(gesture.current, event.pointerId).state;
  };

  const onDoubleClick = (event: MouseEvent<HTMLDivElement>) => {
    const canvas = canvasRef.current;
    const target = event.target as HTMLElement;
    if (!canvas || readOnly || target.closest('button, a, input, .no-gesture')) return;
    const noteId = target.closest<HTMLElement>('[data-note-id]')?.dataset.noteId;
    if (noteId) {
      controller.editNote(noteId);
      return;
    }
    controller.addNote(eventToBoard(event, canvas, viewportRef.current).board);
  };

  // Wheel needs a non-passive listener to stop the browser's own page zoom on ctrl+wheel.
  const { zoomAt, panBy } = controller;
  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas) return;
    const onWheel = (event: WheelEvent) => {
      const target = event.target as HTMLElement;
      const scrollableText = target.tagName === 'TEXTAREA' && target.scrollHeight > target.clientHeight;
      if (!event.ctrlKey && !event.metaKey && scrollableText) return;
      event.preventDefault();
      const rect = canvas.getBoundingClientRect();
      if (event.ctrlKey || event.metaKey) {
        zoomAt({ x: event.clientX - rect.left, y: event.clientY - rect.top }, wheelZoomFactor(event.deltaY));
      } else {
        panBy(-event.deltaX, -event.deltaY);
      }
    };
    canvas.addEventListener('wheel', onWheel, { passive: false });
    return () => canvas.removeEventListener('wheel', onWheel);
  }, [canvasRef, zoomAt, panBy]);

  const dragging = activeNoteId(gesture.current);
  const visible = useMemo(() => {
    const keep = new Set([selectedId, editingId, dragging].filter((id): id is string => id !== undefined));
    return cullToRect(notes, visibleBoardRect(viewport, size), CULL_MARGIN, keep);
  }, [notes, viewport, size, selectedId, editingId, dragging]);

  const grid = 24 * viewport.zoom;
  const canvasStyle = {
    '--grid-size': `${grid}px`,
    '--grid-x': `${viewport.panX}px`,
    '--grid-y': `${viewport.panY}px`,
  } as CSSProperties;

  return (
    <div
      ref={canvasRef}
      className="board-canvas"
      data-testid="board-canvas"
      data-zoom={viewport.zoom.toFixed(2)}
      role="application"
      aria-label={label}
      tabIndex={-1}
      style={canvasStyle}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={onPointerUp}
      onPointerCancel={onPointerCancel}
      onPointerLeave={() => onCursor(null)}
      onDoubleClick={onDoubleClick}
    >
      <div
        className="board-layer"
        style={{ transform: `translate(${viewport.panX}px, ${viewport.panY}px) scale(${viewport.zoom})` }}
      >
        {visible.map((note) => (
          <NoteCard
            key={note.id}
            note={note}
            doc={doc}
            selected={note.id === selectedId}
            editing={note.id === editingId}
            readOnly={readOnly}
            labels={noteLabels}
            onFocusNote={controller.selectNote}
            onTextFocus={controller.onTextFocus}
            onTextBlur={controller.onTextBlur}
          />
        ))}
      </div>
      <CursorLayer peers={peers} viewport={viewport} />
      {overlay}
    </div>
  );
}
