import { describe, expect, it } from 'vitest';
import { durationText } from './duration';

const MIN = 60_000;

describe('durationText', () => {
  it('says "under a minute" for a near-instant answer', () => {
    expect(durationText(0)).toEqual({ key: 'lessThanMinute', values: {} });
    expect(durationText(59_999)).toEqual({ key: 'lessThanMinute', values: {} });
  });

  it('counts whole minutes under an hour', () => {
    expect(durationText(1 * MIN)).toEqual({ key: 'minutes', values: { minutes: 1 } });
    expect(durationText(59 * MIN + 59_000)).toEqual({ key: 'minutes', values: { minutes: 59 } });
  });

  it('says hours and minutes under a day, and leaves out "0 min"', () => {
    expect(durationText(125 * MIN)).toEqual({ key: 'hoursMinutes', values: { hours: 2, minutes: 5 } });
    expect(durationText(180 * MIN)).toEqual({ key: 'hours', values: { hours: 3 } });
  });

  it('says days and hours from a day on', () => {
    expect(durationText(26 * 60 * MIN + 30 * MIN)).toEqual({ key: 'daysHours', values: { count: 1, hours: 2 } });
    expect(durationText(3 * 24 * 60 * MIN)).toEqual({ key: 'days', values: { count: 3 } });
  });

  it('treats a clock skew (negative span) as an instant answer', () => {
    expect(durationText(-5000)).toEqual({ key: 'lessThanMinute', values: {} });
  });
});
