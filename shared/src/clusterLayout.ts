/**
 * Where themes and their notes go, as pure geometry (board coordinates): a
 * theme's frame holds exactly its members in a grid, a new frame goes where it
 * covers nothing, and a note joining a theme takes a free cell. No Yjs here, so
 * every rule is unit-tested on plain boxes.
 */

export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface Point {
  x: number;
  y: number;
}

/** The layout constants of a theme's frame (the same as `clusters.ts` uses). */
export interface FrameMetrics {
  /** Space between the frame's edge and its notes, and between notes. */
  padding: number;
  /** Height of the title bar above the first row. */
  header: number;
  /** The narrowest a frame may be, so its title has room. */
  minWidth: number;
}

export function overlaps(a: Box, b: Box, gap = 0): boolean {
  return a.x < b.x + b.w + gap && b.x < a.x + a.w + gap && a.y < b.y + b.h + gap && b.y < a.y + a.h + gap;
}

/** Columns for `count` notes: a grid as close to square as it gets (1, 2, 2, 2, 3, 3 …). */
export function gridColumns(count: number): number {
  return Math.max(1, Math.ceil(Math.sqrt(count)));
}

/** The size of one grid cell: the largest note plus the padding after it. */
export function cellOf(notes: readonly { w: number; h: number }[], padding: number): { w: number; h: number } {
  return {
    w: Math.max(0, ...notes.map((n) => n.w)) + padding,
    h: Math.max(0, ...notes.map((n) => n.h)) + padding,
  };
}

/** A frame's size for `count` notes of `cell` in `columns` columns. */
export function frameSize(
  count: number,
  cell: { w: number; h: number },
  columns: number,
  metrics: FrameMetrics,
): { w: number; h: number } {
  const rows = Math.max(1, Math.ceil(count / columns));
  return {
    w: Math.max(metrics.minWidth, metrics.padding + columns * cell.w),
    h: metrics.header + rows * cell.h,
  };
}

/** The top-left of grid cell `index` in a frame at `frame`. */
export function cellPosition(
  frame: Point,
  index: number,
  columns: number,
  cell: { w: number; h: number },
  metrics: FrameMetrics,
): Point {
  return {
    x: frame.x + metrics.padding + (index % columns) * cell.w,
    y: frame.y + metrics.header + Math.floor(index / columns) * cell.h,
  };
}

/**
 * The free place for a box of `size` nearest to `near` (its wanted top-left):
 * covering none of `obstacles` (kept `gap` apart). Looks outward in rings;
 * if the neighbourhood is full, it goes right of everything.
 */
export function freeSpot(size: { w: number; h: number }, near: Point, obstacles: readonly Box[], gap = 24): Point {
  const fits = (p: Point) => !obstacles.some((o) => overlaps({ ...p, ...size }, o, gap));
  if (fits(near)) return near;
  const step = 40;
  for (let ring = 1; ring <= 60; ring++) {
    const candidates: Point[] = [];
    for (let i = -ring; i <= ring; i++) {
      candidates.push(
        { x: near.x + i * step, y: near.y - ring * step },
        { x: near.x + i * step, y: near.y + ring * step },
        { x: near.x - ring * step, y: near.y + i * step },
        { x: near.x + ring * step, y: near.y + i * step },
      );
    }
    candidates.sort((a, b) => Math.hypot(a.x - near.x, a.y - near.y) - Math.hypot(b.x - near.x, b.y - near.y));
    const found = candidates.find(fits);
    if (found) return found;
  }
  const right = Math.max(near.x, ...obstacles.map((o) => o.x + o.w));
  return { x: right + gap, y: near.y };
}

export interface GroupLayout {
  frame: Box;
  /** Where each member goes: inside the frame, one per grid cell, in the order given. */
  positions: Map<string, Point>;
}

/**
 * Grouping notes into a new theme: a frame sized for exactly these notes in a
 * near-square grid, where they already are when that covers nothing else, or
 * in the nearest free space; the notes are laid out inside it.
 */
export function groupLayout(
  members: readonly (Box & { id: string })[],
  obstacles: readonly Box[],
  metrics: FrameMetrics,
): GroupLayout | undefined {
  if (members.length === 0) return undefined;
  const cell = cellOf(members, metrics.padding);
  const columns = gridColumns(members.length);
  const size = frameSize(members.length, cell, columns, metrics);
  const wanted = {
    x: Math.min(...members.map((m) => m.x)) - metrics.padding,
    y: Math.min(...members.map((m) => m.y)) - metrics.header,
  };
  const at = freeSpot(size, wanted, obstacles);
  const positions = new Map<string, Point>();
  members.forEach((member, index) => {
    positions.set(member.id, cellPosition(at, index, columns, cell, metrics));
  });
  return { frame: { ...at, ...size }, positions };
}

/**
 * The first grid cell of `frame` that no member covers, for a note of `size`
 * joining it; the frame's height grows when the cell is below its bottom.
 */
export function freeSlot(
  frame: Box,
  members: readonly Box[],
  size: { w: number; h: number },
  metrics: FrameMetrics,
): { position: Point; frameHeight: number } {
  const cell = cellOf([...members, size], metrics.padding);
  const columns = Math.max(1, Math.floor((frame.w - metrics.padding) / cell.w));
  // A member covers at most four cells, so a free one comes within this many.
  const last = members.length * 4;
  let index = 0;
  let position = cellPosition(frame, index, columns, cell, metrics);
  while (index < last && members.some((m) => overlaps({ ...position, ...size }, m))) {
    index += 1;
    position = cellPosition(frame, index, columns, cell, metrics);
  }
  return { position, frameHeight: Math.max(frame.h, position.y + cell.h - frame.y) };
}

/** Tidying a theme: its notes in a near-square grid inside the frame, which grows to fit them. */
export function tidyLayout(
  frame: Box,
  notes: readonly (Box & { id: string })[],
  metrics: FrameMetrics,
): { size: { w: number; h: number }; positions: Map<string, Point> } {
  const cell = cellOf(notes, metrics.padding);
  const fitting = Math.max(1, Math.floor((frame.w - metrics.padding) / Math.max(1, cell.w)));
  // The frame's own width decides, except that a frame too narrow for two
  // columns widens to a near-square grid instead of a column running down the board.
  const columns = fitting >= 2 || notes.length <= 2 ? Math.min(fitting, notes.length) : gridColumns(notes.length);
  const needed = frameSize(notes.length, cell, columns, metrics);
  const positions = new Map<string, Point>();
  notes.forEach((note, index) => {
    positions.set(note.id, cellPosition(frame, index, columns, cell, metrics));
  });
  return { size: { w: Math.max(frame.w, needed.w), h: Math.max(frame.h, needed.h) }, positions };
}
