import type { Person } from '@samle/shared';

const nameKey = (name: string) => name.normalize('NFKC').trim().replace(/\s+/g, ' ').toLocaleLowerCase('da');

/**
 * People who look like someone who joined earlier: active, the same role and the
 * same name (ignoring case and spacing) — typically one person on a second
 * device. Maps each later one to the earliest, whom the facilitator can merge it into.
 */
export function likelyDuplicates(people: readonly Person[]): Map<string, Person> {
  const first = new Map<string, Person>();
  const duplicates = new Map<string, Person>();
  const byJoin = [...people].filter((p) => !p.revoked).sort((a, b) => a.joinedAt.localeCompare(b.joinedAt));
  for (const person of byJoin) {
    const key = `${person.role}:${nameKey(person.name)}`;
    const earlier = first.get(key);
    if (earlier) duplicates.set(person.id, earlier);
    else first.set(key, person);
  }
  return duplicates;
}
