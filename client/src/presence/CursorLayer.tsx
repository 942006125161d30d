import { memo } from 'react';
import { boardToScreen, type Viewport } from '../interaction/viewport';
import type { Peer } from './peers';

/** Collaborators' live cursors with name labels, in screen space so labels stay readable at any zoom. */
export const CursorLayer = memo(function CursorLayer({
  peers,
  viewport,
}: {
  peers: readonly Peer[];
  viewport: Viewport;
}) {
  return (
    <div className="cursor-layer" aria-hidden="true">
      {peers.map((peer) => {
        if (!peer.cursor) return null;
        const at = boardToScreen(viewport, peer.cursor);
        return (
          <div
            key={peer.clientId}
            className="cursor"
            data-testid="remote-cursor"
            style={{ transform: `translate(${at.x}px, ${at.y}px)`, color: peer.user.color }}
          >
            <svg width="18" height="20" viewBox="0 0 18 20" aria-hidden="true">
              <path
                d="M1 1l15 7-6.5 2L7 17z"
                fill="currentColor"
                stroke="#fff"
                strokeWidth="1.5"
                strokeLinejoin="round"
              />
            </svg>
            <span className="cursor-label" style={{ background: peer.user.color }}>
              {peer.user.name}
            </span>
          </div>
        );
      })}
    </div>
  );
});
