import { describe, expect, it } from 'vitest';
import { formatClock, msUntilNextSecond, parseMinutes, reachedZero, timerFace } from './timerClock';

const running = (endsAt: number) => ({ durationMs: 300_000, endsAt, remainingMs: null });
const paused = (remainingMs: number) => ({ durationMs: 300_000, endsAt: null, remainingMs });

describe('timerFace', () => {
  it('shows a freshly started five-minute timer as 05:00 and counts down', () => {
    expect(timerFace(running(1_000_000 + 300_000), 1_000_000)).toEqual({
      phase: 'running',
      seconds: 300,
      text: '05:00',
    });
    expect(timerFace(running(1_300_000), 1_000_001).text).toBe('05:00');
    expect(timerFace(running(1_300_000), 1_001_000).text).toBe('04:59');
  });

  it('keeps showing the paused time however much later it is read', () => {
    const face = timerFace(paused(61_500), 9_999_999_999);
    expect(face).toEqual({ phase: 'paused', seconds: 62, text: '01:02' });
  });

  it('is done at zero and never shows negative time', () => {
    expect(timerFace(running(1000), 5000)).toEqual({ phase: 'done', seconds: 0, text: '00:00' });
    expect(timerFace(paused(0), 0).phase).toBe('done');
  });
});

describe('formatClock', () => {
  it('shows hours only for timers of an hour or more', () => {
    expect(formatClock(59)).toBe('00:59');
    expect(formatClock(600)).toBe('10:00');
    expect(formatClock(3600 + 5 * 60 + 7)).toBe('1:05:07');
  });
});

describe('msUntilNextSecond', () => {
  it('wakes just after the shown second changes while running', () => {
    expect(msUntilNextSecond(running(10_000), 7_700)).toBe(305);
    expect(msUntilNextSecond(running(10_000), 7_000)).toBe(1005);
  });

  it('does not tick while paused or after zero', () => {
    expect(msUntilNextSecond(paused(5000), 0)).toBeNull();
    expect(msUntilNextSecond(running(10_000), 10_000)).toBeNull();
  });
});

describe('reachedZero', () => {
  const face = (phase: 'running' | 'paused' | 'done') => ({ phase, seconds: 0, text: '' });

  it('chimes when a running timer is watched reaching zero', () => {
    expect(reachedZero(face('running'), face('done'))).toBe(true);
  });

  it('stays quiet when opening a page on a finished timer, or when the timer is cleared', () => {
    expect(reachedZero(null, face('done'))).toBe(false);
    expect(reachedZero(face('done'), face('done'))).toBe(false);
    expect(reachedZero(face('running'), null)).toBe(false);
    expect(reachedZero(face('paused'), face('done'))).toBe(false);
  });
});

describe('parseMinutes', () => {
  it('accepts what the server accepts, with a Danish decimal comma', () => {
    expect(parseMinutes('7')).toBe(7);
    expect(parseMinutes('2,5')).toBe(2.5);
    expect(parseMinutes(' 240 ')).toBe(240);
  });

  it('refuses empty, zero, negative and too long timers', () => {
    for (const input of ['', '0', '-3', '241', 'abc']) expect(parseMinutes(input), input).toBeNull();
  });
});
