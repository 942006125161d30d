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
import { AGENDA_KINDS, type AgendaItemInput, type AgendaKind, type Session } from '@samle/shared';
import { type KeyboardEvent, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Icon } from '../ui/Icon';
import { useSortableRow } from '../ui/useSortableRow';
import { CommitField } from './CommitField';
import { agendaInput, agendaTotal, clockSpans, minutesProblem, moved, titleProblem } from './planModel';
import { useDurationText } from './useDurationText';

/**
 * One session's agenda, edited in place: every change sends the whole agenda
 * (`PUT /api/sessions/:id/agenda`), items keeping their ids. Reorder by the
 * drag handle (pointer or keyboard, @dnd-kit), the arrow buttons, or Alt+↑/↓.
 */
export function AgendaEditor(props: { session: Session; save: (items: AgendaItemInput[]) => void; busy: boolean }) {
  const { session, save, busy } = props;
  const { t } = useTranslation();
  const duration = useDurationText();
  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 6 } }),
    useSensor(KeyboardSensor),
  );
  // Two quick edits (a title, then its minutes) must not undo each other: until the server's answer
  // comes back, the next change builds on what was last sent, not on the agenda still shown.
  const sent = useRef<{ base: string; items: AgendaItemInput[] } | null>(null);
  const fromServer = agendaInput(session);
  const base = JSON.stringify(fromServer);
  const items = sent.current?.base === base ? sent.current.items : fromServer;
  const send = (next: AgendaItemInput[]) => {
    sent.current = { base, items: next };
    save(next);
  };
  const ids = session.agenda.map((item) => item.id);
  const spans = clockSpans(session);
  const total = agendaTotal(session);
  const ended = session.status === 'ended';
  const titleOf = (id: string | number) => session.agenda.find((item) => item.id === id)?.title ?? '';
  const positionOf = (id: string | number) => ids.indexOf(String(id)) + 1;
  const announcements: Announcements = {
    onDragStart: ({ active }) => t('catalog.dragStart', { title: titleOf(active.id) }),
    onDragOver: ({ active, over }) =>
      over ? t('catalog.dragOver', { title: titleOf(active.id), position: positionOf(over.id) }) : undefined,
    onDragEnd: ({ active, over }) =>
      t('catalog.dragEnd', { title: titleOf(active.id), position: positionOf(over?.id ?? active.id) }),
    onDragCancel: ({ active }) => t('catalog.dragCancel', { title: titleOf(active.id) }),
  };
  const move = (from: number, to: number) => {
    if (to < 0 || to >= items.length || to === from) return;
    send(moved(items, from, to));
  };
  const onDragEnd = ({ active, over }: DragEndEvent) => {
    if (!over || over.id === active.id) return;
    move(ids.indexOf(String(active.id)), ids.indexOf(String(over.id)));
  };
  const change = (index: number, patch: Partial<AgendaItemInput>) =>
    send(items.map((item, i) => (i === index ? { ...item, ...patch } : item)));
  const add = () => save([...items, { kind: 'group_work', title: t('plan.newItemTitle'), text: '', minutes: 30 }]);

  return (
    <section className="panel plan-agenda" aria-labelledby={`plan-agenda-${session.id}`} data-testid="plan-agenda">
      <div className="panel-head">
        <h2 id={`plan-agenda-${session.id}`} className="panel-title">
          {t('plan.agendaHeading', { title: session.title })}
        </h2>
        <output className="plan-total" data-testid="plan-total">
          {total.end
            ? t('plan.total', { duration: duration(total.minutes), end: total.end })
            : t('plan.totalNoClock', { duration: duration(total.minutes) })}
        </output>
      </div>
      {ended ? (
        <p className="notice">{t('plan.endedReadOnly')}</p>
      ) : (
        <p className="muted plan-hint">
          {t('plan.agendaHint')} {session.startTime === null && t('plan.noStartTime')}
        </p>
      )}
      <DndContext
        sensors={sensors}
        collisionDetection={closestCenter}
        onDragEnd={onDragEnd}
        accessibility={{ announcements }}
      >
        <ol className="plan-items">
          {session.agenda.map((item, index) => (
            <AgendaRow
              key={item.id}
              item={item}
              index={index}
              count={items.length}
              span={spans.get(item.id)}
              current={item.id === session.currentItemId}
              disabled={ended}
              onMove={(to) => move(index, to)}
              onChange={(patch) => change(index, patch)}
              onRemove={() => send(items.filter((_, i) => i !== index))}
            />
          ))}
        </ol>
      </DndContext>
      {!ended && (
        <div className="panel-actions">
          <button type="button" className="button" data-testid="plan-add-item" disabled={busy} onClick={add}>
            <Icon name="plus" />
            {t('plan.addItem')}
          </button>
        </div>
      )}
    </section>
  );
}

function AgendaRow(props: {
  item: Session['agenda'][number];
  index: number;
  count: number;
  span: { start: string; end: string } | undefined;
  current: boolean;
  disabled: boolean;
  onMove: (to: number) => void;
  onChange: (patch: Partial<AgendaItemInput>) => void;
  onRemove: () => void;
}) {
  const { item, index, count, span, current, disabled, onMove, onChange, onRemove } = props;
  const { t } = useTranslation();
  const row = useSortableRow(item.id, disabled);
  const { drag } = row;
  const onKeyDown = (event: KeyboardEvent<HTMLLIElement>) => {
    if (disabled || !event.altKey || (event.key !== 'ArrowUp' && event.key !== 'ArrowDown')) return;
    event.preventDefault();
    onMove(index + (event.key === 'ArrowUp' ? -1 : 1));
  };
  const problemText = (problem: string | undefined) =>
    problem ? t(`plan.problems.${problem}` as 'plan.problems.minutes') : undefined;

  return (
    <li
      ref={row.setNodeRef}
      className="plan-item"
      data-testid="plan-item"
      data-item-id={item.id}
      data-current={current || undefined}
      data-dragging={row.isDragging || undefined}
      data-over={row.isOver || undefined}
      style={row.style}
      aria-keyshortcuts="Alt+ArrowUp Alt+ArrowDown"
      onKeyDown={onKeyDown}
    >
      <div className="plan-item-side">
        <button
          type="button"
          className="idea-handle"
          data-testid="plan-item-drag"
          disabled={disabled}
          aria-label={t('plan.dragHandle', { title: item.title })}
          {...drag.attributes}
          {...drag.listeners}
        >
          <Icon name="grip" />
        </button>
        <span className="plan-clock" data-testid="plan-item-clock">
          {span ? t('plan.clock', span) : `${index + 1}.`}
        </span>
      </div>
      <div className="plan-item-fields">
        <CommitField
          className="plan-item-title"
          label={t('plan.itemTitle')}
          value={item.title}
          disabled={disabled}
          problem={(value) => problemText(titleProblem(value))}
          onCommit={(title) => onChange({ title })}
          testId="plan-item-title"
        />
        <div className="field plan-item-kind">
          <label className="field-label" htmlFor={`kind-${item.id}`}>
            {t('plan.itemKind')}
          </label>
          <select
            id={`kind-${item.id}`}
            className="select"
            value={item.kind}
            disabled={disabled}
            data-testid="plan-item-kind"
            onChange={(event) => onChange({ kind: event.target.value as AgendaKind })}
          >
            {AGENDA_KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {t(`agendaKinds.${kind}`)}
              </option>
            ))}
          </select>
        </div>
        <CommitField
          className="plan-item-minutes"
          label={t('plan.itemMinutes')}
          type="number"
          value={String(item.minutes)}
          disabled={disabled}
          problem={(value) => problemText(minutesProblem(value))}
          onCommit={(minutes) => onChange({ minutes: Number(minutes) })}
          testId="plan-item-minutes"
        />
        <CommitField
          className="plan-item-text"
          label={t('plan.itemText')}
          value={item.text}
          multiline
          disabled={disabled}
          onCommit={(text) => onChange({ text })}
          testId="plan-item-text"
        />
      </div>
      <div className="plan-item-actions">
        <button
          type="button"
          className="icon-button"
          data-testid="plan-item-up"
          aria-label={t('plan.moveUp', { title: item.title })}
          disabled={disabled || index === 0}
          onClick={() => onMove(index - 1)}
        >
          <Icon name="up" />
        </button>
        <button
          type="button"
          className="icon-button"
          data-testid="plan-item-down"
          aria-label={t('plan.moveDown', { title: item.title })}
          disabled={disabled || index === count - 1}
          onClick={() => onMove(index + 1)}
        >
          <Icon name="down" />
        </button>
        <button
          type="button"
          className="icon-button icon-button-danger"
          data-testid="plan-item-remove"
          aria-label={t('plan.removeItem', { title: item.title })}
          disabled={disabled || current}
          onClick={onRemove}
        >
          <Icon name="trash" />
        </button>
      </div>
    </li>
  );
}
