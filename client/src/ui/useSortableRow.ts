import { useDraggable, useDroppable } from '@dnd-kit/core';

/**
 * A list row that is both a drag source and a drop target (@dnd-kit), moved only up and down:
 * the ref to put on the row, its transform while dragged, and whether it is dragged or dragged over.
 * `drag` keeps @dnd-kit's handle attributes and listeners for the row's drag handle.
 */
export interface SortableRow {
  drag: ReturnType<typeof useDraggable>;
  setNodeRef(node: HTMLElement | null): void;
  isDragging: boolean;
  /** Another row is dragged over this one. */
  isOver: boolean;
  style: { transform: string } | undefined;
}

export function useSortableRow(id: string, disabled?: boolean): SortableRow {
  const drag = useDraggable({ id, disabled });
  const drop = useDroppable({ id });
  const transform = drag.transform ? `translate3d(0, ${Math.round(drag.transform.y)}px, 0)` : undefined;
  return {
    drag,
    setNodeRef: (node: HTMLElement | null) => {
      drag.setNodeRef(node);
      drop.setNodeRef(node);
    },
    isDragging: drag.isDragging,
    isOver: drop.isOver && !drag.isDragging,
    style: transform ? { transform } : undefined,
  };
}
