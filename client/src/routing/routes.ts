/** The app's URL routes: `/` lists boards, `/b/:boardId` opens one. */
export type Route = { name: 'start' } | { name: 'board'; boardId: string } | { name: 'notFound' };

export function parseRoute(pathname: string): Route {
  if (pathname === '/' || pathname === '') return { name: 'start' };
  const board = /^\/b\/([^/]+)\/?$/.exec(pathname);
  if (board?.[1]) {
    try {
      return { name: 'board', boardId: decodeURIComponent(board[1]) };
    } catch {
      // A malformed percent-escape is not a board id.
      return { name: 'notFound' };
    }
  }
  return { name: 'notFound' };
}

export function boardPath(boardId: string): string {
  return `/b/${encodeURIComponent(boardId)}`;
}
