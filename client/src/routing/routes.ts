/**
 * The app's URL routes:
 * `/` start page · `/b/:boardId` a board · `/w/:workshopId` a workshop (cockpit or home, by role) ·
 * `/w/:workshopId/screen/:sessionId` the big-screen join page · `/join` join by code ·
 * `/invite/:token` accept an invite · `/w/:workshopId/questions|evaluation|reflection|catalog` the workshop's tools ·
 * `/w/:workshopId/synthesis[/screen]?session=` the synthesis view (on the big screen) ·
 * `/tilgaengelighed` the accessibility statement.
 */
export type Route =
  | { name: 'start' }
  | { name: 'board'; boardId: string }
  | { name: 'boardScreen'; boardId: string }
  | { name: 'workshop'; workshopId: string }
  | { name: 'plan'; workshopId: string }
  | { name: 'joinScreen'; workshopId: string; sessionId: string }
  | { name: 'sessionReport'; workshopId: string; sessionId: string }
  | { name: WorkshopTool; workshopId: string }
  | { name: 'synthesis'; workshopId: string; screen: boolean }
  | { name: 'leaders' | 'leadersScreen' | 'published'; workshopId: string }
  | { name: 'join' }
  | { name: 'accessibility' }
  | { name: 'invite'; token: string }
  | { name: 'admin' }
  | { name: 'adminJoin'; token: string }
  | { name: 'reset'; token: string }
  | { name: 'notFound' };

/** The accessibility statement (tilgængelighedserklæring), linked from the foot of the start and join pages. */
export const ACCESSIBILITY_PATH = '/tilgaengelighed';

const PATTERNS: [RegExp, (parts: string[]) => Route][] = [
  [/^\/b\/([^/]+)\/?$/, ([boardId = '']) => ({ name: 'board', boardId })],
  [/^\/b\/([^/]+)\/screen\/?$/, ([boardId = '']) => ({ name: 'boardScreen', boardId })],
  [/^\/w\/([^/]+)\/?$/, ([workshopId = '']) => ({ name: 'workshop', workshopId })],
  [/^\/w\/([^/]+)\/plan\/?$/, ([workshopId = '']) => ({ name: 'plan', workshopId })],
  [
    /^\/w\/([^/]+)\/screen\/([^/]+)\/?$/,
    ([workshopId = '', sessionId = '']) => ({ name: 'joinScreen', workshopId, sessionId }),
  ],
  [
    /^\/w\/([^/]+)\/report\/([^/]+)\/?$/,
    ([workshopId = '', sessionId = '']) => ({ name: 'sessionReport', workshopId, sessionId }),
  ],
  [/^\/w\/([^/]+)\/synthesis\/?$/, ([workshopId = '']) => ({ name: 'synthesis', workshopId, screen: false })],
  [/^\/w\/([^/]+)\/synthesis\/screen\/?$/, ([workshopId = '']) => ({ name: 'synthesis', workshopId, screen: true })],
  [/^\/invite\/([^/]+)\/?$/, ([token = '']) => ({ name: 'invite', token })],
  [/^\/admin\/?$/, () => ({ name: 'admin' })],
  [/^\/admin\/join\/([^/]+)\/?$/, ([token = '']) => ({ name: 'adminJoin', token })],
  [/^\/reset\/([^/]+)\/?$/, ([token = '']) => ({ name: 'reset', token })],
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
  if (pathname === ACCESSIBILITY_PATH || pathname === `${ACCESSIBILITY_PATH}/`) return { name: 'accessibility' };
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

/**
 * A board is shown as the canvas, as a list for screen readers and keyboards
 * (`?view=list`), or in write mode for phones (`?view=write`): a composer, the
 * person's own notes and the board read-only, fitted to the screen.
 */
export type BoardViewMode = 'canvas' | 'list' | 'write';

export function boardPath(
  boardId: string,
  view: BoardViewMode = 'canvas',
  options: { byVotes?: boolean; explicit?: boolean } = {},
): string {
  const path = `/b/${encodeURIComponent(boardId)}`;
  if (view === 'write') return `${path}?view=write`;
  // A phone opens write mode by default: choosing the canvas there has to say so in the address.
  if (view === 'canvas') return options.explicit ? `${path}?view=canvas` : path;
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

/**
 * The view the address asks for. Without one, a small screen gets write mode
 * (the canvas is hard to use on a phone) — unless the link points at one note,
 * which only the canvas can show in place.
 */
export function boardViewFromSearch(search: string, smallScreen = false): BoardViewMode {
  const params = new URLSearchParams(search);
  const view = params.get('view');
  if (view === 'list' || view === 'write' || view === 'canvas') return view;
  return smallScreen && !params.has('note') ? 'write' : 'canvas';
}

/** The facilitator's process plan editor. */
export function planPath(workshopId: string): string {
  return `${workshopPath(workshopId)}/plan`;
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

/** A session's report (*referat*): the print view, with the DOCX a click away. */
export function sessionReportPath(workshopId: string, sessionId: string): string {
  return `${workshopPath(workshopId)}/report/${encodeURIComponent(sessionId)}`;
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
