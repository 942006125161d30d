import type { ClusterView, NoteView } from '@samle/shared';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import { ScreenBoard } from '../../bigscreen/ScreenBoard';
import { boundingRect, fitRect } from '../../interaction/viewport';
import { useElementSize } from '../../ui/useElementSize';

const rectOf = (item: { x: number; y: number; w: number; h: number }) => ({
  x: item.x,
  y: item.y,
  width: item.w,
  height: item.h,
});

/**
 * The whole board, read-only, fitted into the width of a phone: an overview of
 * where the notes are. Reading and changing them happens in the lists around
 * it, or on the full canvas.
 */
export function BoardPreview(props: {
  doc: Y.Doc;
  notes: readonly NoteView[];
  clusters: readonly ClusterView[];
  hideAuthors: boolean;
}) {
  const { doc, notes, clusters, hideAuthors } = props;
  const { t } = useTranslation();
  const frame = useRef<HTMLDivElement>(null);
  const size = useElementSize(frame);
  const content = boundingRect([...notes, ...clusters].map(rectOf));
  const viewport = content && size.width > 0 ? fitRect(content, size, 12) : undefined;
  return (
    <div
      className="board-preview"
      ref={frame}
      role="img"
      aria-label={t('write.previewLabel', { count: notes.length })}
      data-testid="board-preview"
    >
      {viewport ? (
        <div className="board-preview-layer" aria-hidden="true" inert>
          <ScreenBoard
            doc={doc}
            notes={notes}
            clusters={clusters}
            allNotes={notes}
            viewport={viewport}
            hideAuthors={hideAuthors}
          />
        </div>
      ) : (
        <p className="muted board-preview-empty">{t('board.emptyTitle')}</p>
      )}
    </div>
  );
}
