import { describe, expect, it } from 'vitest';
import { boardPath, parseRoute } from './routes';

describe('routes', () => {
  it('maps / to the start page and /b/:id to a board', () => {
    expect(parseRoute('/')).toEqual({ name: 'start' });
    expect(parseRoute('/b/abc123XYZ')).toEqual({ name: 'board', boardId: 'abc123XYZ' });
    expect(parseRoute('/b/abc123XYZ/')).toEqual({ name: 'board', boardId: 'abc123XYZ' });
  });

  it('round-trips board ids through the path', () => {
    expect(parseRoute(boardPath('a b/c'))).toEqual({ name: 'board', boardId: 'a b/c' });
  });

  it('treats anything else as not found', () => {
    expect(parseRoute('/nope')).toEqual({ name: 'notFound' });
    expect(parseRoute('/b/%E0%A4%A')).toEqual({ name: 'notFound' });
  });
});
