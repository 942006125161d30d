/**
 * A span of time as a person says it ("answered in 2 h 5 min"): the i18n key
 * under `tools.duration` and its values. Rounded down to whole minutes; from a
 * day on, to whole hours; under a minute is "under a minute".
 */
export type DurationText =
  | { key: 'lessThanMinute'; values: Record<string, never> }
  | { key: 'minutes'; values: { minutes: number } }
  | { key: 'hours'; values: { hours: number } }
  | { key: 'hoursMinutes'; values: { hours: number; minutes: number } }
  | { key: 'days'; values: { count: number } }
  | { key: 'daysHours'; values: { count: number; hours: number } };

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

export function durationText(ms: number): DurationText {
  const span = Math.max(0, Math.floor(ms));
  if (span < MINUTE) return { key: 'lessThanMinute', values: {} };
  if (span < HOUR) return { key: 'minutes', values: { minutes: Math.floor(span / MINUTE) } };
  if (span < DAY) {
    const hours = Math.floor(span / HOUR);
    const minutes = Math.floor((span % HOUR) / MINUTE);
    return minutes === 0 ? { key: 'hours', values: { hours } } : { key: 'hoursMinutes', values: { hours, minutes } };
  }
  const count = Math.floor(span / DAY);
  const hours = Math.floor((span % DAY) / HOUR);
  return hours === 0 ? { key: 'days', values: { count } } : { key: 'daysHours', values: { count, hours } };
}
