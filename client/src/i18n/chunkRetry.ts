/**
 * Chromium, as the HTML standard asks, remembers a failed `import()` of a URL for the page's life: importing the same
 * chunk again fails at once, without asking the server. A retry therefore asks for the chunk under a URL of its own
 * (a query the server ignores). The chunk's URL is in the failure's message in Chromium and Firefox ("Failed to fetch
 * dynamically imported module: https://…/assets/en-x.js"); where it is not (Safari), there is no retry on the page.
 */

/** The module URL named in a failed `import()`'s message, if it names one. */
export function chunkUrlOf(error: unknown): string | undefined {
  const message = error instanceof Error ? error.message : String(error);
  return /\bhttps?:\/\/[^\s'"]+\.m?js\b/.exec(message)?.[0];
}

/** The chunk's URL for the `attempt`-th retry: the same file, another module for the browser. */
export function retryUrl(chunkUrl: string, attempt: number): string {
  const url = new URL(chunkUrl);
  url.searchParams.set('retry', String(attempt));
  return url.href;
}
