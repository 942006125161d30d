import type { Group, Person, Session } from '@samle/shared';

/** The tables of a session as columns of people, plus those not at any table (for the cockpit's board of tables). */
export interface TableColumn {
  group: Group;
  members: Person[];
}

export interface TablesView {
  columns: TableColumn[];
  unseated: Person[];
}

/** Participants who are still in (revoked people leave the tables' view). */
export function seatablePeople(people: readonly Person[]): Person[] {
  return people.filter((person) => person.role === 'participant' && !person.revoked);
}

export function tablesView(session: Pick<Session, 'groups'>, people: readonly Person[]): TablesView {
  const byId = new Map(seatablePeople(people).map((person) => [person.id, person]));
  const seated = new Set<string>();
  const columns = session.groups.map((group) => {
    const members = group.memberIds.flatMap((id) => {
      const person = byId.get(id);
      if (!person) return [];
      seated.add(id);
      return [person];
    });
    return { group, members };
  });
  const unseated = [...byId.values()].filter((person) => !seated.has(person.id));
  return { columns, unseated };
}

/** The group a person sits at, or null. */
export function groupOf(session: Pick<Session, 'groups'>, personId: string): string | null {
  return session.groups.find((group) => group.memberIds.includes(personId))?.id ?? null;
}

/**
 * The move a drop or a "move to table…" choice asks for, or undefined when it
 * changes nothing. `''` in a select means "no table".
 */
export function moveRequest(
  session: Pick<Session, 'groups'>,
  personId: string,
  target: string | null,
): { personId: string; groupId: string | null } | undefined {
  const groupId = target === '' ? null : target;
  if (groupId !== null && !session.groups.some((group) => group.id === groupId)) return undefined;
  if (groupOf(session, personId) === groupId) return undefined;
  return { personId, groupId };
}

/** A sensible default for "split into N tables": about five people a table. */
export function suggestedTableCount(participants: number): number {
  return Math.min(20, Math.max(1, Math.round(participants / 5)));
}
