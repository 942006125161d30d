import type { ClusterView, NoteView } from '@samle/shared';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import { ClusterFrame, type ClusterLabels } from '../board/ClusterFrame';
import { NoteCard, type NoteLabels } from '../board/NoteCard';
import type { Viewport } from '../interaction/viewport';

const noop = () => undefined;

/** The board's themes and notes, read-only, as the big screen shows them. */
export function ScreenBoard(props: {
  doc: Y.Doc;
  notes: readonly NoteView[];
  clusters: readonly ClusterView[];
  /** Every note on the board, for the themes' counts. */
  allNotes: readonly NoteView[];
  viewport: Viewport;
  hideAuthors: boolean;
}) {
  const { doc, notes, clusters, allNotes, viewport, hideAuthors } = props;
  const { t } = useTranslation();
  const noteLabels = useMemo<NoteLabels>(
    () => ({
      label: (text) => t('note.label', { text }),
      empty: t('note.labelEmpty'),
      textLabel: t('note.textLabel'),
      placeholder: '',
      by: (name) => t('note.by', { name }),
      draftLabel: (text) => t('note.label', { text }),
      draftEmpty: t('note.labelEmpty'),
      onlyYou: '',
    }),
    [t],
  );
  const clusterLabels = useMemo<ClusterLabels>(
    () => ({
      label: (title, count) => t('cluster.label', { title, count }),
      untitled: t('cluster.untitled'),
      titleLabel: t('cluster.titleLabel'),
      placeholder: '',
      count: (count) => t('cluster.count', { count }),
      resize: t('cluster.resize'),
    }),
    [t],
  );
  const counts = useMemo(() => {
    const byCluster = new Map<string, number>();
    for (const note of allNotes) {
      if (note.clusterId) byCluster.set(note.clusterId, (byCluster.get(note.clusterId) ?? 0) + 1);
    }
    return byCluster;
  }, [allNotes]);
  const clusterIds = new Set(clusters.map((c) => c.id));

  return (
    <div
      className="board-layer"
      style={{ transform: `translate(${viewport.panX}px, ${viewport.panY}px) scale(${viewport.zoom})` }}
    >
      {clusters.map((cluster) => (
        <ClusterFrame
          key={cluster.id}
          cluster={cluster}
          doc={doc}
          memberCount={counts.get(cluster.id) ?? 0}
          selected={false}
          editing={false}
          readOnly
          labels={clusterLabels}
          onFocusCluster={noop}
          onTitleFocus={noop}
          onTitleBlur={noop}
          onResize={noop}
          onResizeDone={noop}
        />
      ))}
      {notes.map((note, stack) => (
        <NoteCard
          key={note.id}
          note={note}
          doc={doc}
          stack={stack}
          selected={false}
          editing={false}
          readOnly
          clusterId={note.clusterId && clusterIds.has(note.clusterId) ? note.clusterId : undefined}
          hideAuthor={hideAuthors}
          labels={noteLabels}
          onFocusNote={noop}
          onTextFocus={noop}
          onTextBlur={noop}
        />
      ))}
    </div>
  );
}
