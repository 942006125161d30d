import type { ClusterView, NoteView } from '@samle/shared';
import {
  type CSSProperties,
  type MouseEvent,
  type PointerEvent,
  type ReactNode,
  type RefObject,
  useCallback,
  useEffect,
  useMemo,
  useRef,
  useState,
} from 'react';
import type * as Y from 'yjs';
import { cullToRect } from '../interaction/culling';
import { WINDOW_FROM } from '../interaction/noteWindow';
import {
  activeIds,
  type GestureEffect,
  type GestureState,
  IDLE,
  type PressTarget,
  pointerCancel,
  pointerDown,
  pointerMove,
  pointerUp,
} from '../interaction/pointerGesture';
import { panToReveal } from '../interaction/readingOrder';
import { isNoteSelected, notesInRect, selectByRect, selectedNoteIds } from '../interaction/selection';
import {
  type Point,
  type Rect,
  type Size,
  screenToBoard,
  visibleBoardRect,
  wheelZoomFactor,
} from '../interaction/viewport';
import { CursorLayer } from '../presence/CursorLayer';
import type { Peer } from '../presence/peers';
import { ClusterFrame, type ClusterLabels } from './ClusterFrame';
import { performGestureEffects } from './gestureEffects';
import { NoteCard, type NoteLabels } from './NoteCard';
import { type BoardController, eventToBoard } from './useBoardController';
import { useCanvasNotes } from './useCanvasNotes';

/** Below this zoom a big board's notes show their text as plain text (at 16 px it is under 6 px on screen). */
const SKETCH_BELOW_ZOOM = 0.35;

/** Board pixels around the visible area in which notes and frames stay mounted, so panning does not pop them in. */
const CULL_MARGIN = 240;

/**
 * The zoomable, pannable surface. It turns pointer and wheel events into
 * gesture-machine input and performs the effects. Themes are behind notes.
 * Notes are in the DOM in reading order (so Tab reads the board row by row),
 * stacked by z-index in the board's own order; a note out of view is only its
 * focusable box (no text editor, no votes), and focusing a note by keyboard
 * pans the board to show it. On a big board the notes far from view are left
 * out, but for those the keyboard reaches next (useCanvasNotes, windowNotes).
 */
export function BoardCanvas(props: {
  doc: Y.Doc;
  /** The board's notes, then this person's drafts (private writing). */
  notes: readonly NoteView[];
  /** The drafts doc and which notes are drafts, while private writing is on. */
  drafts: { doc: Y.Doc; ids: ReadonlySet<string> } | undefined;
  clusters: readonly ClusterView[];
  peers: readonly Peer[];
  controller: BoardController;
  canvasRef: RefObject<HTMLDivElement | null>;
  size: Size;
  spaceHeld: RefObject<boolean>;
  label: string;
  noteLabels: NoteLabels;
  clusterLabels: ClusterLabels;
  hideAuthors: boolean;
  /** A note opened by a link: ringed for a moment (and kept mounted). */
  highlightedNote?: string | undefined;
  overlay: ReactNode;
  onCursor: (cursor: Point | null) => void;
  /** Nothing can be dragged, edited or added: the pointer only selects and pans. */
  readOnly: boolean;
}) {
  const { doc, notes, drafts, clusters, peers, controller, canvasRef, size, spaceHeld, label, overlay, onCursor } =
    props;
  const { readOnly } = props;
  const { viewport, viewportRef, selection, editingId, editingClusterId } = controller;
  const gesture = useRef<GestureState>(IDLE);
  const [marquee, setMarquee] = useState<Rect>();

  const finishMarquee = (screenRect: Rect, additive: boolean) => {
    setMarquee(undefined);
    const v = viewportRef.current;
    const topLeft = screenToBoard(v, screenRect);
    const boardRect = { ...topLeft, width: screenRect.width / v.zoom, height: screenRect.height / v.zoom };
    const hit = notesInRect(notes, boardRect);
    const next = selectByRect(controller.selection, hit, additive);
    controller.selectNotes(selectedNoteIds(next));
  };

  const perform = (effects: GestureEffect[]) =>
    performGestureEffects(effects, {
      ...controller,
      marquee: (rect, additive, done) => (done ? finishMarquee(rect, additive) : setMarquee(rect)),
    });

  /** What a press at `target` grabs, or undefined when the element handles the pointer itself. */
  const pressTarget = (target: HTMLElement): PressTarget | undefined => {
    const resize = target.closest<HTMLElement>('.cluster-resize');
    const clusterEl = target.closest<HTMLElement>('[data-cluster-id]');
    const cluster = clusterEl && clusters.find((c) => c.id === clusterEl.dataset.clusterId);
    if (resize && cluster && !readOnly)
      return { kind: 'clusterResize', clusterId: cluster.id, size: { w: cluster.w, h: cluster.h } };
    if (target.closest('button, a, select, .no-gesture')) return undefined;
    const noteId = target.closest<HTMLElement>('[data-note-id]')?.dataset.noteId;
    // Inside the field being edited, the pointer belongs to the text (caret, selection).
    if (noteId && noteId === editingId && target.tagName === 'TEXTAREA' && !spaceHeld.current) return undefined;
    const note = noteId && !readOnly ? notes.find((n) => n.id === noteId) : undefined;
    if (note) {
      const ids = selectedNoteIds(selection);
      const wasSelected = ids.includes(note.id);
      const moving = new Set(wasSelected ? ids : [note.id]);
      return {
        kind: 'note',
        noteId: note.id,
        group: notes.filter((n) => moving.has(n.id)).map((n) => ({ id: n.id, origin: { x: n.x, y: n.y } })),
        wasSelected,
        wasOnlySelected: wasSelected && ids.length === 1,
      };
    }
    if (!noteId && cluster && !readOnly && target.closest('[data-cluster-header]')) {
      const onTitle = target.tagName === 'INPUT';
      if (onTitle && cluster.id === editingClusterId && !spaceHeld.current) return undefined;
      return { kind: 'clusterHeader', clusterId: cluster.id, origin: { x: cluster.x, y: cluster.y }, onTitle };
    }
    if (target.closest('input, textarea') && !noteId) return undefined;
    return { kind: 'canvas' };
  };

  const onPointerDown = (event: PointerEvent<HTMLDivElement>) => {
    const canvas = canvasRef.current;
    if (!canvas) return;
    const target = pressTarget(event.target as HTMLElement);
    if (!target) return;
    event.preventDefault();
    canvas.setPointerCapture(event.pointerId);
    const { screen } = eventToBoard(event, canvas, viewportRef.current);
    const step = pointerDown(gesture.current, {
      pointerId: event.pointerId,
      button: event.button,
      screen,
      target,
      spaceHeld: spaceHeld.current,
      additive: event.shiftKey || event.ctrlKey || event.metaKey,
      panByDrag: event.pointerType === 'touch' || readOnly,
    });
    gesture.current = step.state;
    // The press keeps the browser from moving the focus, so move it here: the board's keys (arrows pan, N adds)
    // apply after a click on the canvas even when a toolbar button or a note's text had the focus — without a
    // focus ring on the canvas.
    if (target.kind === 'canvas' && step.state.kind === 'pressed') focusQuietly(canvas);
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
    const step = pointerCancel(gesture.current, event.pointerId);
    gesture.current = step.state;
    perform(step.effects);
  };

  const onDoubleClick = (event: MouseEvent<HTMLDivElement>) => {
    const canvas = canvasRef.current;
    // The canvas captures the pointer on press, so the browser aims the double-click at the canvas itself:
    // what was double-clicked is what lies under the pointer.
    const under = document.elementFromPoint(event.clientX, event.clientY);
    const target = under instanceof HTMLElement && canvas?.contains(under) ? under : (event.target as HTMLElement);
    if (!canvas || readOnly || target.closest('button, a, input, select, .no-gesture, [data-cluster-header]')) return;
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

  const active = activeIds(gesture.current);
  const clusterIds = useMemo(() => new Set(clusters.map((c) => c.id)), [clusters]);
  const memberCounts = useMemo(() => {
    const counts = new Map<string, number>();
    for (const note of notes) if (note.clusterId) counts.set(note.clusterId, (counts.get(note.clusterId) ?? 0) + 1);
    return counts;
  }, [notes]);
  const visibleRect = useMemo(() => visibleBoardRect(viewport, size), [viewport, size]);
  const [focusedNote, setFocusedNote] = useState<string>();
  // The dragged notes, by value: the gesture's state is a new object on every move.
  const draggedKey = active.notes.join('\n');
  const keepNotes = useMemo(() => {
    const keep = new Set([...selectedNoteIds(selection), ...(draggedKey ? draggedKey.split('\n') : [])]);
    if (editingId) keep.add(editingId);
    if (props.highlightedNote) keep.add(props.highlightedNote);
    return keep;
  }, [selection, editingId, draggedKey, props.highlightedNote]);
  const { mounted, full, stackOf } = useCanvasNotes(notes, {
    dragging: draggedKey !== '',
    visible: visibleRect,
    margin: CULL_MARGIN,
    keep: keepNotes,
    focused: [focusedNote, editingId],
  });
  // A big board zoomed far out draws its notes without editors; the kept ones (edited, selected) stay whole.
  const sketch = notes.length >= WINDOW_FROM && viewport.zoom < SKETCH_BELOW_ZOOM;
  const { onNoteFocus } = controller;
  const onFocusNote = useCallback(
    (id: string, byKeyboard: boolean) => {
      setFocusedNote(id);
      onNoteFocus(id);
      const note = byKeyboard ? notes.find((n) => n.id === id) : undefined;
      if (!note) return;
      const { dx, dy } = panToReveal(note, viewportRef.current, size);
      if (dx !== 0 || dy !== 0) panBy(dx, dy);
    },
    [onNoteFocus, notes, viewportRef, size, panBy],
  );
  const visibleClusters = useMemo(() => {
    const keep = new Set<string>();
    for (const id of [selection.kind === 'cluster' ? selection.id : undefined, active.cluster, editingClusterId]) {
      if (id) keep.add(id);
    }
    return cullToRect(clusters, visibleRect, CULL_MARGIN, keep);
  }, [clusters, visibleRect, selection, editingClusterId, active.cluster]);

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
      // Focusing a note out of view makes the browser scroll the canvas; the board pans instead.
      onScroll={(event) => event.currentTarget.scrollTo(0, 0)}
    >
      <div
        className="board-layer"
        style={
          {
            transform: `translate(${viewport.panX}px, ${viewport.panY}px) scale(${viewport.zoom})`,
            '--note-count': notes.length,
          } as CSSProperties
        }
      >
        {visibleClusters.map((cluster) => (
          <ClusterFrame
            key={cluster.id}
            cluster={cluster}
            doc={doc}
            memberCount={memberCounts.get(cluster.id) ?? 0}
            selected={selection.kind === 'cluster' && selection.id === cluster.id}
            editing={cluster.id === editingClusterId}
            readOnly={readOnly}
            labels={props.clusterLabels}
            onFocusCluster={controller.onClusterFocus}
            onTitleFocus={controller.onTitleFocus}
            onTitleBlur={controller.onTitleBlur}
            onResize={controller.resizeClusterTo}
            onResizeDone={controller.settleCluster}
          />
        ))}
        {mounted.map((note) => {
          const draft = drafts?.ids.has(note.id) === true;
          return (
            <NoteCard
              key={note.id}
              note={note}
              stack={stackOf.get(note.id) ?? 0}
              outOfView={!full.has(note.id)}
              sketch={sketch && !keepNotes.has(note.id)}
              doc={draft && drafts ? drafts.doc : doc}
              draft={draft}
              selected={isNoteSelected(selection, note.id)}
              editing={note.id === editingId}
              highlighted={note.id === props.highlightedNote}
              readOnly={readOnly}
              clusterId={note.clusterId && clusterIds.has(note.clusterId) ? note.clusterId : undefined}
              hideAuthor={props.hideAuthors}
              labels={props.noteLabels}
              onFocusNote={onFocusNote}
              onTextFocus={controller.onTextFocus}
              onTextBlur={controller.onTextBlur}
            />
          );
        })}
      </div>
      {marquee && (
        <div
          className="marquee"
          data-testid="marquee"
          aria-hidden="true"
          style={{ left: marquee.x, top: marquee.y, width: marquee.width, height: marquee.height }}
        />
      )}
      <CursorLayer peers={peers} viewport={viewport} />
      {overlay}
    </div>
  );
}

function focusQuietly(canvas: HTMLElement): void {
  if (document.activeElement !== canvas) canvas.focus({ preventScroll: true, focusVisible: false } as FocusOptions);
}
