import type { WorkshopDetail } from '@samle/shared';
import type { KeyValueStorage } from '../api/grants';
import type { Credential } from '../api/http';

/**
 * The last workshop record the server gave this browser, per workshop, so a
 * reload while offline (the app shell comes from the service worker) can still
 * open the workshop's pages — the home reflection above all, whose doc is in
 * IndexedDB. Only used when the server could not be reached, never when it refused.
 */
export const DETAIL_PREFIX = 'samle.workshopDetail.';

export interface CachedDetail {
  detail: WorkshopDetail;
  credential: Credential;
}

export function rememberDetail(storage: KeyValueStorage | undefined, kept: CachedDetail): void {
  try {
    storage?.setItem(DETAIL_PREFIX + kept.detail.workshop.id, JSON.stringify(kept));
  } catch (error) {
    console.warn('Could not keep the workshop for offline use', error);
  }
}

export function recallDetail(storage: KeyValueStorage | undefined, workshopId: string): CachedDetail | undefined {
  let raw: string | null | undefined;
  try {
    raw = storage?.getItem(DETAIL_PREFIX + workshopId);
  } catch (error) {
    console.warn('Could not read the workshop kept for offline use', error);
    return undefined;
  }
  if (!raw) return undefined;
  try {
    const value = JSON.parse(raw) as Partial<CachedDetail>;
    const valid =
      value.detail?.workshop?.id === workshopId &&
      Array.isArray(value.detail.sessions) &&
      (value.credential?.kind === 'session' || value.credential?.kind === 'grant');
    return valid ? (value as CachedDetail) : undefined;
  } catch (error) {
    // Damaged or not ours: as if nothing was kept; the next successful load overwrites it.
    console.warn('Ignoring a damaged workshop kept for offline use', error);
    return undefined;
  }
}

export function forgetDetail(storage: KeyValueStorage | undefined, workshopId: string): void {
  try {
    storage?.removeItem(DETAIL_PREFIX + workshopId);
  } catch (error) {
    console.warn('Could not forget the workshop kept for offline use', error);
  }
}
