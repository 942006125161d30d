import { describe, expect, it } from 'vitest';
import {
  bigScreenPath,
  boardNotePath,
  boardPath,
  boardViewFromSearch,
  catalogPath,
  codeFromSearch,
  ideaFromSearch,
  inviteUrl,
  joinScreenPath,
  joinUrl,
  noteFromSearch,
  parseRoute,
  sessionFromSearch,
  sortByVotesFromSearch,
  synthesisPath,
  workshopPath,
} from './routes';

describe('routes', () => {
  it('maps the administration page and its two link pages', () => {
    expect(parseRoute('/admin')).toEqual({ name: 'admin' });
    expect(parseRoute('/admin/join/AbC_12-x')).toEqual({ name: 'adminJoin', token: 'AbC_12-x' });
    expect(parseRoute('/reset/AbC_12-x/')).toEqual({ name: 'reset', token: 'AbC_12-x' });
  });

  it('maps / to the start page and /b/:id to a board', () => {
    expect(parseRoute('/')).toEqual({ name: 'start' });
    expect(parseRoute('/b/abc123XYZ')).toEqual({ name: 'board', boardId: 'abc123XYZ' });
    expect(parseRoute('/b/abc123XYZ/')).toEqual({ name: 'board', boardId: 'abc123XYZ' });
  });

  it('opens a board at a note with ?note=', () => {
    const path = boardNotePath('B1', 'n 1');
    expect(path).toBe('/b/B1?note=n%201');
    const [pathname = '', search = ''] = path.split('?');
    expect(parseRoute(pathname)).toEqual({ name: 'board', boardId: 'B1' });
    expect(noteFromSearch(`?${search}`)).toBe('n 1');
    expect(noteFromSearch('?view=list')).toBeUndefined();
    expect(noteFromSearch('?note=')).toBeUndefined();
  });

  it('opens the catalog with one idea open (?idea=) or none', () => {
    expect(catalogPath('w1')).toBe('/w/w1/catalog');
    expect(parseRoute(catalogPath('w1'))).toEqual({ name: 'catalog', workshopId: 'w1' });
    const [pathname = '', search = ''] = catalogPath('w1', 'i 2').split('?');
    expect(parseRoute(pathname)).toEqual({ name: 'catalog', workshopId: 'w1' });
    expect(ideaFromSearch(`?${search}`)).toBe('i 2');
    expect(ideaFromSearch('')).toBeUndefined();
  });

  it('round-trips board ids through the path', () => {
    expect(parseRoute(boardPath('a b/c'))).toEqual({ name: 'board', boardId: 'a b/c' });
  });

  it('maps workshops, the big-screen join page, joining and invites', () => {
    expect(parseRoute(workshopPath('w1'))).toEqual({ name: 'workshop', workshopId: 'w1' });
    expect(parseRoute(joinScreenPath('w1', 's 2'))).toEqual({ name: 'joinScreen', workshopId: 'w1', sessionId: 's 2' });
    expect(parseRoute('/join')).toEqual({ name: 'join' });
    expect(parseRoute('/invite/tok.en-1')).toEqual({ name: 'invite', token: 'tok.en-1' });
  });

  it('treats anything else as not found', () => {
    expect(parseRoute('/nope')).toEqual({ name: 'notFound' });
    expect(parseRoute('/b/%E0%A4%A')).toEqual({ name: 'notFound' });
    expect(parseRoute('/w/x/screen')).toEqual({ name: 'notFound' });
  });

  it('builds the join link a phone can scan, and reads its code back', () => {
    const url = joinUrl('https://samle.example', 'AB12CD');
    expect(url).toBe('https://samle.example/join?code=AB12CD');
    expect(codeFromSearch(new URL(url).search)).toBe('AB12CD');
    expect(codeFromSearch('')).toBe('');
  });

  it('prefixes invite paths with the origin', () => {
    expect(inviteUrl('https://samle.example', '/invite/t0k')).toBe('https://samle.example/invite/t0k');
    expect(inviteUrl('https://samle.example', 'invite/t0k')).toBe('https://samle.example/invite/t0k');
  });
});

describe('board view in the URL', () => {
  it('opens the list view with ?view=list and the canvas otherwise', () => {
    expect(boardPath('b1', 'list')).toBe('/b/b1?view=list');
    expect(boardPath('b1')).toBe('/b/b1');
    expect(boardViewFromSearch('?view=list')).toBe('list');
    expect(boardViewFromSearch('?view=other')).toBe('canvas');
    expect(boardViewFromSearch('')).toBe('canvas');
  });

  it('opens write mode by default on a small screen, and the canvas there only when the link asks for it', () => {
    expect(boardViewFromSearch('', true)).toBe('write');
    expect(boardViewFromSearch('?view=write')).toBe('write');
    expect(boardPath('b1', 'write')).toBe('/b/b1?view=write');
    expect(boardPath('b1', 'canvas', { explicit: true })).toBe('/b/b1?view=canvas');
    expect(boardViewFromSearch('?view=canvas', true)).toBe('canvas');
    expect(boardViewFromSearch('?view=list', true)).toBe('list');
    // A link to one note centres it on the canvas, which write mode cannot do.
    expect(boardViewFromSearch('?note=n1', true)).toBe('canvas');
  });

  it('remembers in the link when the list is sorted by votes', () => {
    expect(boardPath('b1', 'list', { byVotes: true })).toBe('/b/b1?view=list&sort=votes');
    expect(sortByVotesFromSearch('?view=list&sort=votes')).toBe(true);
    expect(sortByVotesFromSearch('?view=list')).toBe(false);
    expect(boardViewFromSearch('?view=list&sort=votes')).toBe('list');
  });

  it('still routes a list-view link to the board', () => {
    expect(parseRoute(new URL(`http://x${boardPath('b1', 'list')}`).pathname)).toEqual({
      name: 'board',
      boardId: 'b1',
    });
  });

  it("opens a board's big screen at /b/:id/screen, and links to it", () => {
    expect(parseRoute('/b/abc/screen')).toEqual({ name: 'boardScreen', boardId: 'abc' });
    expect(parseRoute(bigScreenPath('a b'))).toEqual({ name: 'boardScreen', boardId: 'a b' });
  });
});

describe('the synthesis view in the URL', () => {
  it('routes /w/:id/synthesis and its big-screen variant, and names the session in ?session=', () => {
    expect(parseRoute('/w/w1/synthesis')).toEqual({ name: 'synthesis', workshopId: 'w1', screen: false });
    expect(parseRoute('/w/w1/synthesis/screen/')).toEqual({ name: 'synthesis', workshopId: 'w1', screen: true });
    expect(synthesisPath('w1')).toBe('/w/w1/synthesis');
    expect(synthesisPath('w1', { sessionId: 's 2', screen: true })).toBe('/w/w1/synthesis/screen?session=s%202');
    expect(sessionFromSearch('?session=s%202')).toBe('s 2');
    expect(sessionFromSearch('')).toBeUndefined();
  });
});
