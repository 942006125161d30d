import { CLUSTER_TITLE_MAX, type ClusterView, clustersOf, clusterTitle } from '@samle/shared';
import { type CSSProperties, type KeyboardEvent, memo, useRef } from 'react';
import type * as Y from 'yjs';
import { CLUSTER_COLOR_STYLES } from './clusterColors';
import { useTextField } from './useTextField';

export interface ClusterLabels {
  label: (title: string, count: number) => string;
  untitled: string;
  titleLabel: string;
  placeholder: string;
  count: (count: number) => string;
  resize: string;
}

/** Board pixels one arrow press on the corner handle grows or shrinks a frame (shift: more). */
const RESIZE_STEP = 8;
const RESIZE_STEP_BIG = 40;

/**
 * One theme: a titled frame drawn behind the notes. Pointer handling is the
 * canvas's (it finds the frame by `data-cluster-id`, the header by
 * `data-cluster-header`, the corner by `.cluster-resize`); the frame renders,
 * binds its title to the Y.Text, and offers keyboard resizing on the handle.
 */
export const ClusterFrame = memo(function ClusterFrame(props: {
  cluster: ClusterView;
  doc: Y.Doc;
  memberCount: number;
  selected: boolean;
  editing: boolean;
  readOnly: boolean;
  labels: ClusterLabels;
  onFocusCluster: (id: string) => void;
  onTitleFocus: (id: string) => void;
  onTitleBlur: (id: string) => void;
  onResize: (id: string, w: number, h: number) => void;
  onResizeDone: (id: string) => void;
}) {
  const { cluster, doc, memberCount, selected, editing, readOnly, labels } = props;
  const titleRef = useRef<HTMLInputElement>(null);
  const map = clustersOf(doc).get(cluster.id);
  const onInput = useTextField(titleRef, map && clusterTitle(map));
  const colors = CLUSTER_COLOR_STYLES[cluster.color];
  const style = {
    transform: `translate(${cluster.x}px, ${cluster.y}px)`,
    width: cluster.w,
    height: cluster.h,
    '--cluster-fill': colors.fill,
    '--cluster-header': colors.header,
    '--cluster-edge': colors.edge,
    '--cluster-ink': colors.ink,
  } as CSSProperties;

  const onTitleKey = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key !== 'Enter') return;
    event.preventDefault();
    (event.currentTarget.closest('[data-cluster-id]') as HTMLElement | null)?.focus({ preventScroll: true });
  };

  const onHandleKey = (event: KeyboardEvent<HTMLButtonElement>) => {
    const step = event.shiftKey ? RESIZE_STEP_BIG : RESIZE_STEP;
    const by = { ArrowRight: [step, 0], ArrowLeft: [-step, 0], ArrowDown: [0, step], ArrowUp: [0, -step] }[event.key];
    if (!by) return;
    event.preventDefault();
    event.stopPropagation();
    props.onResize(cluster.id, cluster.w + (by[0] ?? 0), cluster.h + (by[1] ?? 0));
    props.onResizeDone(cluster.id);
  };

  return (
    // biome-ignore lint/a11y/useSemanticElements: a theme is a focusable, positioned group; <fieldset> does not fit.
    <div
      className="cluster"
      role="group"
      // biome-ignore lint/a11y/noNoninteractiveTabindex: the frame is the keyboard stop; Enter renames, arrows move it.
      tabIndex={0}
      data-testid="cluster"
      data-cluster-id={cluster.id}
      data-color={cluster.color}
      data-selected={selected || undefined}
      data-editing={editing || undefined}
      aria-label={labels.label(cluster.title.trim() || labels.untitled, memberCount)}
      style={style}
      onFocus={(event) => {
        if (event.target === event.currentTarget) props.onFocusCluster(cluster.id);
      }}
    >
      <div className="cluster-header" data-testid="cluster-header" data-cluster-header="">
        <input
          ref={titleRef}
          className="cluster-title"
          data-testid="cluster-title"
          aria-label={labels.titleLabel}
          placeholder={readOnly ? labels.untitled : labels.placeholder}
          maxLength={CLUSTER_TITLE_MAX}
          readOnly={readOnly}
          tabIndex={editing ? 0 : -1}
          spellCheck={editing}
          onInput={onInput}
          onKeyDown={onTitleKey}
          onFocus={() => props.onTitleFocus(cluster.id)}
          onBlur={() => props.onTitleBlur(cluster.id)}
        />
        <span className="cluster-count">{labels.count(memberCount)}</span>
      </div>
      {!readOnly && selected && (
        <button
          type="button"
          className="cluster-resize"
          data-testid="resize-cluster"
          aria-label={labels.resize}
          title={labels.resize}
          onKeyDown={onHandleKey}
        />
      )}
    </div>
  );
});
