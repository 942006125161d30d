import {
  type Announcements,
  closestCenter,
  DndContext,
  type DragEndEvent,
  KeyboardSensor,
  PointerSensor,
  useDraggable,
  useDroppable,
  useSensor,
  useSensors,
} from '@dnd-kit/core';
import type { Decision, IdeaView } from '@samle/shared';
import { type KeyboardEvent, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Icon } from '../ui/Icon';
import { movedIndex, proposersOf } from './catalogModel';

export interface IdeaListProps {
  ideas: readonly IdeaView[];
  decisions: ReadonlyMap<string, Decision>;
  /** Per idea, the other ideas in its suggested group (reads alike). */
  similar: ReadonlyMap<string, string[]>;
  /** Per idea, how many of its source notes were deleted from their boards since. */
  deleted: ReadonlyMap<string, number>;
  selectedId: string | undefined;
  onSelect: (ideaId: string) => void;
  /** Moves an idea to an index of the list as shown. */
  onMove: (ideaId: string, to: number) => void;
}

/**
 * The ideas in catalog order, from stored data only — no editor per idea.
 * Reorder by dragging the handle (pointer or keyboard, @dnd-kit), with the
 * up/down buttons, or with Alt+↑/↓ on an idea.
 */
export function IdeaList({ ideas, decisions, similar, deleted, selectedId, onSelect, onMove }: IdeaListProps) {
  const { t } = useTranslation();
  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 6 } }),
    useSensor(KeyboardSensor),
  );
  const ids = useMemo(() => ideas.map((idea) => idea.id), [ideas]);
  const titleOf = (id: string | number) => ideas.find((idea) => idea.id === id)?.title || t('catalog.untitled');
  const positionOf = (id: string | number) => ids.indexOf(String(id)) + 1;
  const announcements: Announcements = {
    onDragStart: ({ active }) => t('catalog.dragStart', { title: titleOf(active.id) }),
    onDragOver: ({ active, over }) =>
      over ? t('catalog.dragOver', { title: titleOf(active.id), position: positionOf(over.id) }) : undefined,
    onDragEnd: ({ active, over }) =>
      t('catalog.dragEnd', { title: titleOf(active.id), position: positionOf(over?.id ?? active.id) }),
    onDragCancel: ({ active }) => t('catalog.dragCancel', { title: titleOf(active.id) }),
  };
  const onDragEnd = ({ active, over }: DragEndEvent) => {
    if (!over || over.id === active.id) return;
    const to = ids.indexOf(String(over.id));
    if (to >= 0) onMove(String(active.id), to);
  };
  const move = (id: string, delta: number) => {
    const to = movedIndex(ids, id, delta);
    if (to !== null) onMove(id, to);
  };

  return (
    <DndContext
      sensors={sensors}
      collisionDetection={closestCenter}
      onDragEnd={onDragEnd}
      accessibility={{ announcements }}
    >
      <ol className="stack idea-list" data-testid="idea-list" aria-label={t('catalog.listLabel')}>
        {ideas.map((idea, index) => (
          <IdeaRow
            key={idea.id}
            idea={idea}
            position={index + 1}
            count={ideas.length}
            decision={decisions.get(idea.id)}
            similar={(similar.get(idea.id) ?? []).map((id) => titleOf(id))}
            deleted={deleted.get(idea.id) ?? 0}
            selected={idea.id === selectedId}
            onSelect={() => onSelect(idea.id)}
            onMove={(delta) => move(idea.id, delta)}
          />
        ))}
      </ol>
    </DndContext>
  );
}

function IdeaRow(props: {
  idea: IdeaView;
  position: number;
  count: number;
  decision: Decision | undefined;
  similar: string[];
  deleted: number;
  selected: boolean;
  onSelect: () => void;
  onMove: (delta: number) => void;
}) {
  const { idea, position, count, decision, similar, deleted, selected, onSelect, onMove } = props;
  const { t } = useTranslation();
  const drag = useDraggable({ id: idea.id });
  const drop = useDroppable({ id: idea.id });
  const title = idea.title.trim() || t('catalog.untitled');
  const proposers = proposersOf(idea);
  const transform = drag.transform ? `translate3d(0, ${Math.round(drag.transform.y)}px, 0)` : undefined;
  const onKeyDown = (event: KeyboardEvent<HTMLButtonElement>) => {
    if (!event.altKey || (event.key !== 'ArrowUp' && event.key !== 'ArrowDown')) return;
    event.preventDefault();
    onMove(event.key === 'ArrowUp' ? -1 : 1);
  };

  return (
    <li
      ref={(node) => {
        drag.setNodeRef(node);
        drop.setNodeRef(node);
      }}
      className="idea-row"
      data-testid="idea-row"
      data-idea-id={idea.id}
      data-selected={selected || undefined}
      data-dragging={drag.isDragging || undefined}
      data-over={(drop.isOver && !drag.isDragging) || undefined}
      style={transform ? { transform } : undefined}
    >
      <button
        type="button"
        className="idea-handle"
        data-testid="idea-drag"
        aria-label={t('catalog.dragHandle', { title })}
        title={t('catalog.reorderHint')}
        {...drag.attributes}
        {...drag.listeners}
      >
        <Icon name="grip" />
      </button>
      <span className="idea-number" aria-hidden="true">
        {position}
      </span>
      <button
        type="button"
        className="stack idea-row-main"
        data-testid="idea-open"
        aria-current={selected || undefined}
        aria-keyshortcuts="Alt+ArrowUp Alt+ArrowDown"
        onClick={onSelect}
        onKeyDown={onKeyDown}
      >
        <span className="idea-row-title" data-testid="idea-title">
          {title}
        </span>
        <span className="row idea-row-meta">
          {idea.category && (
            <span className="chip" data-testid="idea-category">
              {idea.category}
            </span>
          )}
          <span data-testid="idea-source-count">{t('catalog.sourceCount', { count: idea.provenance.length })}</span>
          <span className="idea-row-proposers">
            {proposers.length > 0 ? t('catalog.proposers', { names: proposers.join(', ') }) : t('catalog.noProposers')}
          </span>
        </span>
        {(decision || similar.length > 0 || deleted > 0) && (
          <span className="row idea-row-flags">
            {decision && (
              <span className="decision-badge" data-decision={decision} data-testid="idea-decision">
                {t(`catalog.decisions.${decision}`)}
              </span>
            )}
            {deleted > 0 && (
              <span className="source-flag source-flag-deleted" data-testid="idea-deleted-sources">
                {t('catalog.deletedSources', { count: deleted })}
              </span>
            )}
            {similar.length > 0 && (
              <span
                className="similar-hint"
                data-testid="idea-similar"
                title={t('catalog.similarHint', { titles: similar.join(' · ') })}
              >
                {t('catalog.similar', { count: similar.length })}
              </span>
            )}
          </span>
        )}
      </button>
      <span className="idea-move">
        <button
          type="button"
          className="icon-button"
          data-testid="idea-move-up"
          aria-label={t('catalog.moveUp', { title })}
          disabled={position === 1}
          onClick={() => onMove(-1)}
        >
          <Icon name="up" />
        </button>
        <button
          type="button"
          className="icon-button"
          data-testid="idea-move-down"
          aria-label={t('catalog.moveDown', { title })}
          disabled={position === count}
          onClick={() => onMove(1)}
        >
          <Icon name="down" />
        </button>
      </span>
    </li>
  );
}
