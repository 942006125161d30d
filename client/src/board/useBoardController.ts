import { useEffect, useMemo, useRef, useState } from 'react';
import { NOTHING, pruneSelection, type Selection } from '../interaction/selection';
import { screenToBoard, type Viewport } from '../interaction/viewport';
import { boardElement, type ControllerSnapshot, createBoardActions, type PendingField } from './boardController';
import type { BoardController, BoardControllerOptions } from './boardTypes';
import { useViewport } from './useViewport';

// The controller's types live in boardTypes.ts, so the actions table and runCommand can use them without importing this hook.
export type { BoardActions, BoardController, BoardControllerOptions, BoardLabels } from './boardTypes';

/**
 * The board page's local interaction state: viewport, selection, what is being
 * edited, the field waiting for focus, the last announcement. It holds state only;
 * the actions on the board are made by `createBoardActions` (boardController.ts)
 * once per doc and read the latest state through a ref, so they are stable
 * functions and memoised notes do not re-render.
 */
export function useBoardController(options: BoardControllerOptions): BoardController {
  const { doc, notes, clusters, history } = options;
  const view = useViewport(options.size);
  const [selection, setSelectionState] = useState<Selection>(NOTHING);
  const [editingId, setEditingId] = useState<string>();
  const [editingClusterId, setEditingClusterId] = useState<string>();
  const [pending, setPending] = useState<PendingField>();
  const [announcement, setAnnouncement] = useState('');

  const latest = useRef<ControllerSnapshot>({ options, view, history, selection, editingId, editingClusterId });
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

  const actions = useMemo(
    () =>
      createBoardActions(doc, {
        now: () => latest.current,
        setSelection: (next) => {
          latest.current.selection = next;
          setSelectionState(next);
        },
        setEditingId,
        setEditingClusterId,
        focusField: setPending,
        announce: setAnnouncement,
      }),
    [doc],
  );

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
