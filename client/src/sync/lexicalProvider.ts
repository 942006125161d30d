import type { Provider } from '@lexical/yjs';
import { useCallback, useEffect, useRef } from 'react';
import type { WebsocketProvider } from 'y-websocket';
import type * as Y from 'yjs';

/** A document as Lexical's CollaborationPlugin takes it: the doc, its provider, and who ends them. */
export interface LexicalDoc {
  readonly doc: Y.Doc;
  readonly provider: Provider;
  /** Set when the editor owns the doc (ended after unmount); unset when the page does. */
  destroy?(): void;
}

export type LexicalProviderFactory = (id: string, docMap: Map<string, Y.Doc>) => Provider;

/** y-websocket's provider is what CollaborationPlugin expects; the two types differ only in their event maps. */
export function asLexicalProvider(provider: WebsocketProvider): Provider {
  return provider as unknown as Provider;
}

/**
 * The `providerFactory` every collaborative Lexical editor hands to CollaborationPlugin:
 * `open` gives the doc for an id (opened with `openDoc(id, { connect: false })`, since
 * Lexical connects and disconnects it). Lexical only disconnects what it was given; docs
 * the editor owns are destroyed after unmount, once Lexical's own cleanup (which still
 * touches them) has run.
 */
export function useLexicalProviderFactory(open: (id: string) => LexicalDoc): LexicalProviderFactory {
  const owned = useRef<LexicalDoc[]>([]);
  useEffect(
    () => () => {
      const ending = owned.current.splice(0);
      window.setTimeout(() => {
        for (const opened of ending) opened.destroy?.();
      }, 0);
    },
    [],
  );
  return useCallback(
    (id: string, docMap: Map<string, Y.Doc>) => {
      const opened = open(id);
      docMap.set(id, opened.doc);
      if (opened.destroy) owned.current.push(opened);
      return opened.provider;
    },
    [open],
  );
}
