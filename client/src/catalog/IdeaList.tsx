import {
  type Announcements,
  closestCenter,
  DndContext,
  type DragEndEvent,
  KeyboardSensor,
  PointerSensor,
  useSensor,
  useSensors,
} from '@dnd-kit/core';
import type { Decision, IdeaView } from '@samle/shared';
import { useCallback, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { movedIndex } from './catalogModel';
import { IdeaRow } from './IdeaRow';
import { rowTexts } from './rowTexts';

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
 *
 * Rows are memoised on plain values and the idea's view object (which keeps its
 * identity while the idea is unchanged, `catalogSync.ts`), so the list renders
 * its rows' content once on open, and afterwards only for the rows whose idea,
 * decision, marks or position changed (`IdeaRow.tsx`).
 */
export function IdeaList({ ideas, decisions, similar, deleted, selectedId, onSelect, onMove }: IdeaListProps) {
  const { t } = useTranslation();
  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 6 } }),
    useSensor(KeyboardSensor),
  );
  const ids = useMemo(() => ideas.map((idea) => idea.id), [ideas]);
  const titles = useMemo(
    () => new Map(ideas.map((idea) => [idea.id, idea.title.trim() || t('catalog.untitled')])),
    [ideas, t],
  );
  const texts = useMemo(() => rowTexts(t), [t]);
  const titleOf = (id: string | number) => titles.get(String(id)) ?? t('catalog.untitled');
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
  // The rows get one callback for all of them, so a move re-renders only the rows whose position changed.
  const latest = useRef({ ids, onMove });
  latest.current = { ids, onMove };
  const move = useCallback((id: string, delta: number) => {
    const to = movedIndex(latest.current.ids, id, delta);
    if (to !== null) latest.current.onMove(id, to);
  }, []);

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
            texts={texts}
            idea={idea}
            position={index + 1}
            count={ideas.length}
            decision={decisions.get(idea.id)}
            similar={(similar.get(idea.id) ?? []).map((id) => titleOf(id)).join(' · ')}
            similarCount={similar.get(idea.id)?.length ?? 0}
            deleted={deleted.get(idea.id) ?? 0}
            selected={idea.id === selectedId}
            onSelect={onSelect}
            onMove={move}
          />
        ))}
      </ol>
    </DndContext>
  );
}
