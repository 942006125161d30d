import { type MouseEvent, useSyncExternalStore } from 'react';
import { parseRoute, type Route } from './routes';

/** A tiny history-API router: pushState + popstate, read through useSyncExternalStore. */
const NAVIGATE_EVENT = 'samle:navigate';

export function navigate(path: string): void {
  if (path === window.location.pathname + window.location.search) return;
  window.history.pushState(null, '', path);
  window.dispatchEvent(new Event(NAVIGATE_EVENT));
  window.scrollTo(0, 0);
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener('popstate', onChange);
  window.addEventListener(NAVIGATE_EVENT, onChange);
  return () => {
    window.removeEventListener('popstate', onChange);
    window.removeEventListener(NAVIGATE_EVENT, onChange);
  };
}

const getPath = () => window.location.pathname;
const getSearch = () => window.location.search;

export function useRoute(): Route {
  const path = useSyncExternalStore(subscribe, getPath);
  return parseRoute(path);
}

/** The query string of the current URL (e.g. `?view=list`), re-read on every navigation. */
export function useSearch(): string {
  return useSyncExternalStore(subscribe, getSearch);
}

/** For <a> clicks: plain left clicks navigate in-app; modified clicks keep the browser's behaviour (new tab…). */
export function handleLinkClick(event: MouseEvent<HTMLAnchorElement>, path: string): void {
  if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
  event.preventDefault();
  navigate(path);
}
