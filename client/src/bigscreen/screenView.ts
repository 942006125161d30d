import type { ClusterView, FollowView, NoteView } from '@samle/shared';
import { fromSharedViewport, spotlightViewport } from '../facilitation/followViewport';
import { boundingRect, fitRect, type Size, type Viewport } from '../interaction/viewport';

/** What the big screen shows: which notes and themes, and from where. */
export interface ScreenView {
  viewport: Viewport;
  /** The spotlighted theme, when one is set and still exists: only it and its notes are shown. */
  spotlight: ClusterView | undefined;
  notes: readonly NoteView[];
  clusters: readonly ClusterView[];
}

const rectOf = (item: { x: number; y: number; w: number; h: number }) => ({
  x: item.x,
  y: item.y,
  width: item.w,
  height: item.h,
});

/**
 * The big screen follows the facilitator: a spotlighted theme fills the
 * screen alone; otherwise it shows the board rectangle the facilitator last
 * looked at, fitted to this screen; before
 * they ever shared one, the whole board.
 */
export function screenView(input: {
  follow: FollowView;
  notes: readonly NoteView[];
  clusters: readonly ClusterView[];
  size: Size;
}): ScreenView {
  const { follow, notes, clusters, size } = input;
  const spotlight = clusters.find((c) => c.id === follow.spotlightClusterId);
  if (spotlight) {
    return {
      viewport: spotlightViewport(rectOf(spotlight), size),
      spotlight,
      notes: notes.filter((n) => n.clusterId === spotlight.id),
      clusters: [spotlight],
    };
  }
  if (follow.viewport) return { viewport: fromSharedViewport(follow.viewport, size), spotlight, notes, clusters };
  const content = boundingRect([...notes, ...clusters].map(rectOf));
  const viewport = content && size.width > 0 ? fitRect(content, size, 64) : { panX: 64, panY: 64, zoom: 1 };
  return { viewport, spotlight, notes, clusters };
}
