import { planWarnings, type Session } from '@samle/shared';
import { describe, expect, it } from 'vitest';
import { agendaTotal, clockSpans, evaluationLines, localToday, minutesProblem, moved, timeProblem } from './planModel';

const item = (id: string, minutes: number) => ({ id, kind: 'talk' as const, title: id, text: '', minutes });

describe('the plan editor model', () => {
  it('computes clock times from the start time and the durations, and follows a reorder', () => {
    const session = { startTime: '08:30', agenda: [item('a', 15), item('b', 45), item('c', 30)] };
    expect([...clockSpans(session)]).toEqual([
      ['a', { start: '08:30', end: '08:45' }],
      ['b', { start: '08:45', end: '09:30' }],
      ['c', { start: '09:30', end: '10:00' }],
    ]);
    const reordered = { ...session, agenda: moved(session.agenda, 2, 0) };
    expect(clockSpans(reordered).get('c')).toEqual({ start: '08:30', end: '09:00' });
    expect(agendaTotal(reordered)).toEqual({ minutes: 90, end: '10:00' });
    expect(clockSpans({ startTime: null, agenda: session.agenda }).size).toBe(0);
  });

  it('says what is wrong with minutes, times and evaluation questions before sending', () => {
    expect(minutesProblem('0')).toBe('minutes');
    expect(minutesProblem('12.5')).toBe('minutes');
    expect(minutesProblem('45')).toBeUndefined();
    expect(timeProblem('9.30')).toBe('time');
    expect(timeProblem('09:30')).toBeUndefined();
    expect(evaluationLines('\n  \n').problem).toBe('noQuestions');
    expect(evaluationLines('Godt\n\n Nyttigt ').questions).toEqual(['Godt', 'Nyttigt']);
    expect(evaluationLines(Array.from({ length: 11 }, (_, i) => `Q${i}`).join('\n')).problem).toBe('tooManyQuestions');
  });

  it('warns about an empty agenda, a planned day in the past and two sessions overlapping on one day', () => {
    const session = (id: string, date: string | null, startTime: string | null, agenda = [item(`${id}1`, 120)]) =>
      ({ id, date, startTime, status: 'planned', agenda }) as Pick<
        Session,
        'id' | 'date' | 'startTime' | 'status' | 'agenda'
      >;
    const warnings = planWarnings(
      [
        session('past', '2026-01-05', '09:00'),
        session('a', '2027-03-01', '09:00'),
        session('b', '2027-03-01', '10:00'),
        session('empty', '2027-04-01', null, []),
      ],
      '2026-12-06',
    );
    expect(warnings).toEqual([
      { code: 'IN_THE_PAST', sessionId: 'past' },
      { code: 'OVERLAPS', sessionId: 'b', otherSessionId: 'a' },
      { code: 'EMPTY_AGENDA', sessionId: 'empty' },
    ]);
    expect(localToday(new Date(2026, 11, 6, 23, 30))).toBe('2026-12-06');
  });
});
