import type { SessionBoard } from '@samle/shared';
import { describe, expect, it } from 'vitest';
import { focusSession, homeBoards, shortBoardTitle } from './homeBoards';

const board = (id: string, kind: SessionBoard['kind'], groupId: string | null = null): SessionBoard => ({
  id,
  title: id,
  kind,
  groupId,
  archived: false,
  access: 'write',
});

describe('homeBoards', () => {
  const session = {
    groups: [
      { id: 'g1', name: 'Bord 1', memberIds: ['other'], boardId: 't1' },
      { id: 'g2', name: 'Bord 2', memberIds: ['me'], boardId: 't2' },
    ],
    boards: [board('t1', 'group', 'g1'), board('plenum', 'plenum'), board('t2', 'group', 'g2')],
  };

  it('puts the person’s own table first, then the plenum, then the other tables', () => {
    const boards = homeBoards(session, 'me');
    expect(boards.map((b) => [b.board.id, b.place])).toEqual([
      ['t2', 'myTable'],
      ['plenum', 'plenum'],
      ['t1', 'otherTable'],
    ]);
  });

  it('shows every table as someone else’s to a person without a table', () => {
    expect(homeBoards(session, null).filter((b) => b.place === 'myTable')).toEqual([]);
  });
});

describe('focusSession', () => {
  const sessions = [
    { id: 's1', status: 'ended' as const },
    { id: 's2', status: 'open' as const },
    { id: 's3', status: 'planned' as const },
  ];

  it('prefers the live session (the joined one if it is live), then the joined one, then the latest ended one', () => {
    // The room is where the live session is: a home opens there even for someone who joined another day.
    expect(focusSession(sessions, 's3')?.id).toBe('s2');
    expect(focusSession(sessions, 's2')?.id).toBe('s2');
    expect(
      focusSession(
        [sessions[0], sessions[2]].flatMap((s) => (s ? [s] : [])),
        's3',
      )?.id,
    ).toBe('s3');
    expect(focusSession(sessions, null)?.id).toBe('s2');
    expect(
      focusSession(
        [sessions[0], sessions[2]].flatMap((s) => (s ? [s] : [])),
        undefined,
      )?.id,
    ).toBe('s1');
    expect(focusSession([], 's1')).toBeUndefined();
  });
});

describe('shortBoardTitle', () => {
  it('drops the session name in front of a board title', () => {
    expect(shortBoardTitle('Medarbejderdag 1 — Bord 2', 'Medarbejderdag 1')).toBe('Bord 2');
    expect(shortBoardTitle('Medarbejderdag 1 - Bord 2', 'Medarbejderdag 1')).toBe('Bord 2');
  });

  it('keeps titles that do not start with the session name', () => {
    expect(shortBoardTitle('Plenum', 'Medarbejderdag 1')).toBe('Plenum');
    expect(shortBoardTitle('Ledelse — prioritering', 'Medarbejderdag 1')).toBe('Ledelse — prioritering');
  });
});
