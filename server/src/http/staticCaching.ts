/**
 * Cache-Control for a file of the built client. Vite puts a content hash in every
 * name under `assets/`, so those never change and may be kept for a year; every
 * other file (index.html, the service worker and its registration, the icon) keeps
 * its name across releases and must be revalidated, or browsers would keep running
 * an old release against a new server.
 */
export function cacheControlFor(relativePath: string): string {
  const normalized = relativePath.split('\\').join('/').replace(/^\/+/, '');
  if (normalized.startsWith('assets/')) return 'public, max-age=31536000, immutable';
  return 'no-cache';
}
