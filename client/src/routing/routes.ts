/**
 * The app's URL routes:
 * `/` start page · `/b/:boardId` a board · `/w/:workshopId` a workshop (cockpit or home, by role) ·
 * `/w/:workshopId/screen/:sessionId` the big-screen join page · `/join` join by code ·
 * `/invite/:token` accept an invite · `/w/:workshopId/questions|evaluation|reflection|catalog` the workshop's tools ·
 * `/w/:workshopId/synthesis[/screen]?session=` the synthesis view (on the big screen).
 */
export type Route =
  | { name: 'start' }
  | { name: 'board'; boardId: string }
  | { name: 'boardScreen'; boardId: string }
  | { name: 'workshop'; workshopId: string }
  | { name: 'joinScreen'; workshopId: string; sessionId: string }
  | { name: WorkshopTool; workshopId: string }
  | { name: 'synthesis'; workshopId: string; screen: boolean }
  | { name: 'leaders' | 'leadersScreen' | 'published'; workshopId: string }
  | { name: 'join' }
  | { name: 'invite'; token: string }
  | { name: 'notFound' };

const PATTERNS: [RegExp, (parts: string[]) => Route][] = [
  [/^\/b\/([^/]+)\/?$/, ([boardId = '']) => ({ name: 'board', boardId })],
  [/^\/b\/([^/]+)\/screen\/?$/, ([boardId = '']) => ({ name: 'boardScreen', boardId })],
  [/^\/w\/([^/]+)\/?$/, ([workshopId = '']) => ({ name: 'workshop', workshopId })],
  [
    /^\/w\/([^/]+)\/screen\/([^/]+)\/?$/,
    ([workshopId = '', sessionId = '']) => ({ name: 'joinScreen', workshopId, sessionId }),
  ],
  [/^\/w\/([^/]+)\/synthesis\/?$/, ([workshopId = '']) => ({ name: 'synthesis', workshopId, screen: false })],
  [/^\/w\/([^/]+)\/synthesis\/screen\/?$/, ([workshopId = '']) => ({ name: 'synthesis', workshopId, screen: true })],
  [/^\/invite\/([^/]+)\/?$/, ([token = '']) => ({ name: 'invite', token })],
  [/^\/w\/([^/]+)\/leaders\/?$/, ([workshopId = '']) => ({ name: 'leaders', workshopId })],
  [/^\/w\/([^/]+)\/leaders\/screen\/?$/, ([workshopId = '']) => ({ name: 'leadersScreen', workshopId })],
  [/^\/w\/([^/]+)\/published\/?$/, ([workshopId = '']) => ({ name: 'published', workshopId })],
  [
    /^\/w\/([^/]+)\/(questions|evaluation|reflection|catalog)\/?$/,
    ([workshopId = '', tool = '']) => ({ name: tool as WorkshopTool, workshopId }),
  ],
];

export function parseRoute(pathname: string): Route {
  if (pathname === '/' || pathname === '') return { name: 'start' };
  if (pathname === '/join' || pathname === '/join/') return { name: 'join' };
  for (const [pattern, build] of PATTERNS) {
    const match = pattern.exec(pathname);
    if (!match) continue;
    try {
      return build(match.slice(1).map((part) => decodeURIComponent(part)));
    } catch {
      // A malformed percent-escape is not an id.
      return { name: 'notFound' };
    }
  }
  return { name: 'notFound' };
}

/** A board is shown as the canvas, or as a list for screen readers and keyboards (`?view=list`). */
export type BoardViewMode = 'canvas' | 'list';

export function boardPath(
  boardId: string,
  view: BoardViewMode = 'canvas',
  options: { byVotes?: boolean } = {},
): string {
  const path = `/b/${encodeURIComponent(boardId)}`;
  if (view !== 'list') return path;
  return options.byVotes ? `${path}?view=list&sort=votes` : `${path}?view=list`;
}

/** The list view sorts notes by the closed vote's totals (`&sort=votes`), highest first. */
export function sortByVotesFromSearch(search: string): boolean {
  return new URLSearchParams(search).get('sort') === 'votes';
}

/**
 * A board opened at one note (`?note=<noteId>`): the canvas centres on it and
 * highlights it; the catalog's provenance links open boards this way.
 */
export function boardNotePath(boardId: string, noteId: string): string {
  return `${boardPath(boardId)}?note=${encodeURIComponent(noteId)}`;
}

/** The note a board link points at (`?note=`), if any. */
export function noteFromSearch(search: string): string | undefined {
  const note = new URLSearchParams(search).get('note');
  return note ? note : undefined;
}

export function boardViewFromSearch(search: string): BoardViewMode {
  return new URLSearchParams(search).get('view') === 'list' ? 'list' : 'canvas';
}

export function workshopPath(workshopId: string): string {
  return `/w/${encodeURIComponent(workshopId)}`;
}

/**
 * A workshop's pages beside the boards: questions to management (`/w/:id/questions`), the
 * evaluation (`/w/:id/evaluation`), the person's home reflection (`/w/:id/reflection`) and the
 * idea catalog (`/w/:id/catalog`, leaders and facilitators).
 */
export const WORKSHOP_TOOLS = ['questions', 'evaluation', 'reflection', 'catalog'] as const;
export type WorkshopTool = (typeof WORKSHOP_TOOLS)[number];

export function workshopToolPath(workshopId: string, tool: WorkshopTool): string {
  return `${workshopPath(workshopId)}/${tool}`;
}

/** The idea catalog, with one idea open (`?idea=`) or none. */
export function catalogPath(workshopId: string, ideaId?: string): string {
  const path = workshopToolPath(workshopId, 'catalog');
  return ideaId ? `${path}?idea=${encodeURIComponent(ideaId)}` : path;
}

/** The idea open on the catalog page (`?idea=`), if any. */
export function ideaFromSearch(search: string): string | undefined {
  return new URLSearchParams(search).get('idea') || undefined;
}

/** The leader panel (`/w/:id/leaders`), its big-screen presentation (`/leaders/screen`), the published catalog. */
export function leaderPanelPath(workshopId: string): string {
  return `${workshopPath(workshopId)}/leaders`;
}

export function leaderScreenPath(workshopId: string, view: 'decisions' | 'timeline' = 'decisions'): string {
  const path = `${workshopPath(workshopId)}/leaders/screen`;
  return view === 'timeline' ? `${path}?view=timeline` : path;
}

export function publishedCatalogPath(workshopId: string): string {
  return `${workshopPath(workshopId)}/published`;
}

export function joinScreenPath(workshopId: string, sessionId: string): string {
  return `${workshopPath(workshopId)}/screen/${encodeURIComponent(sessionId)}`;
}

/** The link participants type or scan: the join page with the code filled in. */
export function joinUrl(origin: string, code: string): string {
  return `${origin}/join?code=${encodeURIComponent(code)}`;
}

/** An invite's full link: the server gives the path, we prefix the origin. */
export function inviteUrl(origin: string, path: string): string {
  return `${origin}${path.startsWith('/') ? path : `/${path}`}`;
}

/** The board for the room's big screen: read-only, no chrome, following the facilitator. */
export function bigScreenPath(boardId: string): string {
  return `/b/${encodeURIComponent(boardId)}/screen`;
}

/** The `code` query parameter of a join link, if any. */
export function codeFromSearch(search: string): string {
  return new URLSearchParams(search).get('code') ?? '';
}

/**
 * The synthesis view ("gather the threads") of a workshop: every board of one
 * session side by side (`?session=<id>`; without it, the current or latest
 * session), or the same on the room's big screen (`/screen`).
 */
export function synthesisPath(workshopId: string, options: { sessionId?: string; screen?: boolean } = {}): string {
  const path = `${workshopPath(workshopId)}/synthesis${options.screen ? '/screen' : ''}`;
  return options.sessionId ? `${path}?session=${encodeURIComponent(options.sessionId)}` : path;
}

/** The session a synthesis link names (`?session=`), if any. */
export function sessionFromSearch(search: string): string | undefined {
  return new URLSearchParams(search).get('session') || undefined;
}
