import type { RoomDirection } from './roomDirection';

/**
 * What a participant's page remembers of the room, per workshop and per tab
 * (sessionStorage): the last agenda item it followed, and where joining landed
 * it. Joining already lands on the live item's page, so that landing counts as
 * followed: a participant who opens another page right after joining is not
 * pulled back by the follower's first answer.
 */

const KEY_PREFIX = 'samle.room.';
const LANDING_PREFIX = 'samle.room-landing.';

function read(key: string): string | null {
  try {
    return sessionStorage.getItem(key);
  } catch {
    // Without sessionStorage the page still follows; it may just follow the same item again after a reload.
    return null;
  }
}

function write(key: string, value: string | null): void {
  try {
    if (value === null) sessionStorage.removeItem(key);
    else sessionStorage.setItem(key, value);
  } catch (error) {
    console.warn('Could not remember where the room went', error);
  }
}

export function lastFollowed(workshopId: string): string | null {
  return read(`${KEY_PREFIX}${workshopId}`);
}

export function rememberFollowed(workshopId: string, key: string): void {
  write(`${KEY_PREFIX}${workshopId}`, key);
}

/** The join page says where it lands the participant, just before it goes there. */
export function rememberLanding(workshopId: string, path: string): void {
  write(`${LANDING_PREFIX}${workshopId}`, path);
}

/** Where joining landed this tab, until the first answer about the room has used it (a reload before that keeps it). */
export function landing(workshopId: string): string | null {
  return read(`${LANDING_PREFIX}${workshopId}`);
}

export function forgetLanding(workshopId: string): void {
  write(`${LANDING_PREFIX}${workshopId}`, null);
}

/**
 * What the follower does with the room's direction: move the page (a new item),
 * only note it as followed (joining landed there already), or nothing (followed before).
 */
export function followStep(
  direction: RoomDirection | null,
  last: string | null,
  landing: string | null,
): 'move' | 'remember' | 'stay' {
  if (!direction || direction.key === last) return 'stay';
  if (landing !== null && last === null && landing === direction.path) return 'remember';
  return 'move';
}
