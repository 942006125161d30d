/**
 * After a new release the hashed chunks of the old one are gone from the server, so a tab opened before it fails
 * to fetch the next page it moves to. One reload fetches the new index and its chunks; a second failure soon after
 * (offline, or the server really lacks the file) is left to the page's "could not be shown" state, so a tab
 * never reloads in a loop.
 */
const RELOADED_AT = 'samle:stale-chunk-reload';
/** A failure within this long after a reload is not a stale release any more. */
export const STALE_CHUNK_RELOAD_WINDOW_MS = 60_000;

/** Whether a page chunk that failed to load should be fetched again by reloading the tab. */
export function shouldReloadForChunk(now: number, lastReloadAt: number | undefined, online: boolean): boolean {
  if (!online) return false;
  return lastReloadAt === undefined || now - lastReloadAt >= STALE_CHUNK_RELOAD_WINDOW_MS;
}

/**
 * Reloads the tab when a page chunk failed and no reload for that reason happened in the last minute; true when it
 * did (the caller keeps showing "loading" until the new page arrives). Without session storage it does nothing.
 */
export function reloadForStaleChunk(): boolean {
  try {
    const stored = window.sessionStorage.getItem(RELOADED_AT);
    const last = stored === null ? undefined : Number(stored);
    const now = Date.now();
    if (!shouldReloadForChunk(now, Number.isFinite(last) ? last : undefined, window.navigator.onLine)) return false;
    window.sessionStorage.setItem(RELOADED_AT, String(now));
  } catch {
    return false;
  }
  window.location.reload();
  return true;
}
