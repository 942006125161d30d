import {
  DndContext,
  type DragEndEvent,
  DragOverlay,
  type DragStartEvent,
  KeyboardSensor,
  PointerSensor,
  useDraggable,
  useDroppable,
  useSensor,
  useSensors,
} from '@dnd-kit/core';
import type { Group, Person, Session } from '@samle/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { handleLinkClick } from '../routing/navigation';
import { boardPath } from '../routing/routes';
import { groupOf, type TablesView } from './tables';

/** Where a card may be dropped: a table, or "not at a table" (null). */
type DropData = { groupId: string | null };
const UNSEATED = 'unseated';

/**
 * The tables as columns of member cards. Cards move by drag and drop, or —
 * the keyboard path — with each card's "move to table" select.
 */
export function TableColumns(props: {
  session: Session;
  view: TablesView;
  disabled: boolean;
  onMove: (personId: string, groupId: string | null) => void;
}) {
  const { session, view, disabled, onMove } = props;
  const { t } = useTranslation();
  const sensors = useSensors(
    // A small distance keeps clicks on the card's select from starting a drag.
    useSensor(PointerSensor, { activationConstraint: { distance: 6 } }),
    useSensor(KeyboardSensor),
  );
  const [dragging, setDragging] = useState<Person>();
  const everyone = [...view.columns.flatMap((column) => column.members), ...view.unseated];

  const onDragStart = (event: DragStartEvent) => setDragging(everyone.find((p) => p.id === event.active.id));
  const onDragEnd = (event: DragEndEvent) => {
    setDragging(undefined);
    const target = event.over?.data.current as DropData | undefined;
    if (target) onMove(String(event.active.id), target.groupId);
  };

  return (
    <DndContext
      sensors={sensors}
      onDragStart={onDragStart}
      onDragEnd={onDragEnd}
      onDragCancel={() => setDragging(undefined)}
    >
      <div className="table-columns">
        {view.columns.map(({ group, members }) => (
          <TableColumn
            key={group.id}
            id={group.id}
            group={group}
            title={group.name}
            members={members}
            session={session}
            disabled={disabled}
            onMove={onMove}
          />
        ))}
        {view.unseated.length > 0 && (
          <TableColumn
            id={UNSEATED}
            group={undefined}
            title={t('cockpit.unseated')}
            members={view.unseated}
            session={session}
            disabled={disabled}
            onMove={onMove}
          />
        )}
      </div>
      <DragOverlay>{dragging && <div className="member-card member-card-overlay">{dragging.name}</div>}</DragOverlay>
    </DndContext>
  );
}

function TableColumn(props: {
  id: string;
  group: Group | undefined;
  title: string;
  members: readonly Person[];
  session: Session;
  disabled: boolean;
  onMove: (personId: string, groupId: string | null) => void;
}) {
  const { id, group, title, members, session, disabled, onMove } = props;
  const { setNodeRef, isOver } = useDroppable({ id, data: { groupId: group?.id ?? null } satisfies DropData });
  const boardId = group?.boardId;
  return (
    <section
      ref={setNodeRef}
      className="table-column"
      data-testid={group ? 'table' : 'unseated'}
      data-group-id={group?.id}
      data-over={isOver || undefined}
      aria-label={title}
    >
      <header className="table-column-head">
        <h3 className="table-column-title">{title}</h3>
        <span className="muted">{members.length}</span>
      </header>
      {boardId && (
        <a
          className="table-board-link"
          href={boardPath(boardId)}
          onClick={(e) => handleLinkClick(e, boardPath(boardId))}
        >
          {title} →
        </a>
      )}
      <ul className="table-members">
        {members.map((person) => (
          <MemberCard key={person.id} person={person} session={session} disabled={disabled} onMove={onMove} />
        ))}
      </ul>
    </section>
  );
}

function MemberCard(props: {
  person: Person;
  session: Session;
  disabled: boolean;
  onMove: (personId: string, groupId: string | null) => void;
}) {
  const { person, session, disabled, onMove } = props;
  const { t } = useTranslation();
  const { attributes, listeners, setNodeRef, isDragging } = useDraggable({ id: person.id, disabled });
  const current = groupOf(session, person.id) ?? '';
  return (
    <li
      ref={setNodeRef}
      className="member-card"
      data-testid="table-member"
      data-person-id={person.id}
      data-dragging={isDragging || undefined}
    >
      <div className="member-handle" {...listeners} {...attributes}>
        <span className="member-name">{person.name}</span>
        {person.department && <span className="member-department">{person.department}</span>}
      </div>
      <select
        className="select select-small"
        data-testid="move-to-table"
        aria-label={t('cockpit.moveTo', { name: person.name })}
        value={current}
        disabled={disabled}
        onChange={(event) => onMove(person.id, event.target.value === '' ? null : event.target.value)}
      >
        <option value="">{t('cockpit.noTable')}</option>
        {session.groups.map((group) => (
          <option key={group.id} value={group.id}>
            {group.name}
          </option>
        ))}
      </select>
    </li>
  );
}
