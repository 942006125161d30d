import {
  closestCenter,
  DndContext,
  type DragEndEvent,
  KeyboardSensor,
  PointerSensor,
  useSensor,
  useSensors,
} from '@dnd-kit/core';
import type { PlanWarning, Session } from '@samle/shared';
import type { KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Icon } from '../ui/Icon';
import { useDayFormat } from '../ui/useDateFormat';
import { useSortableRow } from '../ui/useSortableRow';
import { moved } from './planModel';

/** The process's sessions in order: pick one to edit, reorder by drag, arrows or Alt+↑/↓, add one. */
export function SessionPlanList(props: {
  sessions: Session[];
  selectedId: string | undefined;
  warnings: PlanWarning[];
  busy: boolean;
  onSelect: (sessionId: string) => void;
  onOrder: (sessionIds: string[]) => void;
  onAdd: () => void;
}) {
  const { sessions, selectedId, warnings, busy, onSelect, onOrder, onAdd } = props;
  const { t } = useTranslation();
  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 6 } }),
    useSensor(KeyboardSensor),
  );
  const ids = sessions.map((session) => session.id);
  const move = (from: number, to: number) => {
    if (to < 0 || to >= ids.length || from === to) return;
    onOrder(moved(ids, from, to));
  };
  const onDragEnd = ({ active, over }: DragEndEvent) => {
    if (over && over.id !== active.id) move(ids.indexOf(String(active.id)), ids.indexOf(String(over.id)));
  };

  return (
    <section className="panel plan-sessions" aria-labelledby="plan-sessions-title">
      <div className="panel-head">
        <h2 id="plan-sessions-title" className="panel-title">
          {t('plan.sessionsHeading')}
        </h2>
      </div>
      <p className="muted plan-hint">{t('plan.sessionsHint')}</p>
      <DndContext sensors={sensors} collisionDetection={closestCenter} onDragEnd={onDragEnd}>
        <ol className="plan-session-list">
          {sessions.map((session, index) => (
            <SessionRow
              key={session.id}
              session={session}
              index={index}
              count={sessions.length}
              selected={session.id === selectedId}
              warned={warnings.some((w) => w.sessionId === session.id)}
              onSelect={() => onSelect(session.id)}
              onMove={(to) => move(index, to)}
            />
          ))}
        </ol>
      </DndContext>
      <div className="panel-actions">
        <button type="button" className="button" data-testid="plan-add-session" disabled={busy} onClick={onAdd}>
          <Icon name="plus" />
          {t('plan.addSession')}
        </button>
      </div>
    </section>
  );
}

function SessionRow(props: {
  session: Session;
  index: number;
  count: number;
  selected: boolean;
  warned: boolean;
  onSelect: () => void;
  onMove: (to: number) => void;
}) {
  const { session, index, count, selected, warned, onSelect, onMove } = props;
  const { t } = useTranslation();
  const formatDay = useDayFormat();
  const row = useSortableRow(session.id);
  const { drag } = row;
  const onKeyDown = (event: KeyboardEvent<HTMLButtonElement>) => {
    if (!event.altKey || (event.key !== 'ArrowUp' && event.key !== 'ArrowDown')) return;
    event.preventDefault();
    onMove(index + (event.key === 'ArrowUp' ? -1 : 1));
  };
  return (
    <li
      ref={row.setNodeRef}
      className="plan-session"
      data-testid="plan-session"
      data-session-id={session.id}
      data-selected={selected || undefined}
      data-over={row.isOver || undefined}
      style={row.style}
    >
      <button
        type="button"
        className="idea-handle"
        aria-label={t('plan.dragHandle', { title: session.title })}
        {...drag.attributes}
        {...drag.listeners}
      >
        <Icon name="grip" />
      </button>
      <button
        type="button"
        className="plan-session-main"
        aria-current={selected || undefined}
        aria-keyshortcuts="Alt+ArrowUp Alt+ArrowDown"
        data-testid="plan-session-open"
        onClick={onSelect}
        onKeyDown={onKeyDown}
      >
        <span className="plan-session-title">{session.title}</span>
        <span className="row plan-session-meta">
          <span className="badge">{t(`sessionKinds.${session.kind}`)}</span>
          <span>{session.date ? formatDay(session.date) : t('workshop.noDate')}</span>
          {session.startTime && <span>{session.startTime}</span>}
          <span className="badge" data-status={session.status}>
            {t(`sessionStatus.${session.status}`)}
          </span>
          {warned && (
            <span className="plan-warned" aria-hidden="true">
              !
            </span>
          )}
        </span>
      </button>
      <span className="idea-move">
        <button
          type="button"
          className="icon-button"
          aria-label={t('plan.moveUp', { title: session.title })}
          disabled={index === 0}
          onClick={() => onMove(index - 1)}
        >
          <Icon name="up" />
        </button>
        <button
          type="button"
          className="icon-button"
          aria-label={t('plan.moveDown', { title: session.title })}
          disabled={index === count - 1}
          onClick={() => onMove(index + 1)}
        >
          <Icon name="down" />
        </button>
      </span>
    </li>
  );
}
