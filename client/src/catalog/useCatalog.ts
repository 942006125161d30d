import type { Decision, IdeaView, SourceStatus } from '@samle/shared';
import { useCallback, useEffect, useRef, useState, useSyncExternalStore } from 'react';
import { getSourceStatuses } from '../api/catalogApi';
import type { Credential } from '../api/http';
import type { ConnectionState } from '../sync/connectionState';
import { statusIndex } from './catalogModel';
import { claimCatalogSync } from './catalogPreopen';
import type { CatalogSync } from './catalogSync';

const NO_IDEAS = { subscribe: () => () => {}, getSnapshot: (): IdeaView[] | null => null };
const NO_DECISIONS: ReadonlyMap<string, Decision> = new Map();
const NO_DECISION_STORE = { subscribe: () => () => {}, getSnapshot: () => NO_DECISIONS };
const CONNECTING: ConnectionState = { kind: 'connecting' };
const NO_STATE = { subscribe: () => () => {}, getSnapshot: () => CONNECTING };

/** The catalog and assessment docs for as long as the page is open, and what they hold. */
export function useCatalog(workshopId: string, token: string | undefined) {
  const [sync, setSync] = useState<CatalogSync>();
  useEffect(() => {
    // The connection main.tsx opened ahead for this page, if it matches (catalogPreopen.ts).
    const opened = claimCatalogSync(workshopId, token);
    setSync(opened);
    return () => opened.destroy();
  }, [workshopId, token]);
  const ideaStore = sync?.ideas ?? NO_IDEAS;
  const ideas = useSyncExternalStore(ideaStore.subscribe, ideaStore.getSnapshot);
  const decisionStore = sync?.decisions ?? NO_DECISION_STORE;
  const decisions = useSyncExternalStore(decisionStore.subscribe, decisionStore.getSnapshot);
  const stateStore = sync?.catalog.state ?? NO_STATE;
  const state = useSyncExternalStore(stateStore.subscribe, stateStore.getSnapshot);
  return { sync, ideas, decisions, state };
}

/** How often the page asks again whether the source notes still exist (people keep editing the boards). */
const STATUS_REFRESH_MS = 30_000;

/**
 * The server's word on every source (`GET …/catalog/sources`): unchanged,
 * changed (with the text now) or deleted. Asked once the catalog has arrived
 * (`ready`: the server reads every source's board for it, which should not hold
 * up the catalog's own sync on open), every half minute while the tab is
 * visible, and on `refresh()` after a merge or split.
 */
export function useSourceStatuses(workshopId: string, credential: Credential, ready: boolean) {
  const [index, setIndex] = useState<ReadonlyMap<string, SourceStatus>>();
  const [failed, setFailed] = useState(false);
  const [round, setRound] = useState(0);
  const refresh = useCallback(() => setRound((n) => n + 1), []);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `round` is the refresh trigger.
  useEffect(() => {
    if (!ready) return;
    const abort = new AbortController();
    getSourceStatuses(workshopId, credential, abort.signal).then(
      ({ sources }) => {
        setIndex(statusIndex(sources));
        setFailed(false);
      },
      (error: unknown) => {
        if (abort.signal.aborted) return;
        console.warn('Source statuses could not be read', error);
        setFailed(true);
      },
    );
    return () => abort.abort();
  }, [workshopId, credential, round, ready]);
  useEffect(() => {
    const timer = window.setInterval(() => {
      if (document.visibilityState === 'visible') refresh();
    }, STATUS_REFRESH_MS);
    return () => window.clearInterval(timer);
  }, [refresh]);
  return { index, failed, refresh };
}

/**
 * Asks for the sources' statuses again when the ideas' sources grow or shrink (a gather, merge or split, here or by
 * someone else) — but not when the catalog first arrives: `useSourceStatuses` asks then already.
 */
export function useRefreshOnNewSources(ideas: readonly IdeaView[] | null, refresh: () => void): void {
  const sourceCount = ideas?.reduce((sum, idea) => sum + idea.provenance.length, 0) ?? null;
  const known = useRef<number | null>(null);
  useEffect(() => {
    if (sourceCount === null) return;
    if (known.current !== null && known.current !== sourceCount) refresh();
    known.current = sourceCount;
  }, [sourceCount, refresh]);
}
