import { ideasOf, readMergedFrom, type WorkshopDetail } from '@samle/shared';
import { useCallback, useDeferredValue, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import { meStore } from '../account/meStore';
import { syncToken } from '../api/credentials';
import type { Credential } from '../api/http';
import { connectionReason } from '../board/connectionMessage';
import { handleLinkClick, navigate, useSearch } from '../routing/navigation';
import { catalogPath, ideaFromSearch, synthesisPath } from '../routing/routes';
import { Icon } from '../ui/Icon';
import { CatalogPrint } from './CatalogPrint';
import { moveIdea } from './catalogEdits';
import { deletedCounts, similarGroups, similarityKey, similarToIdea } from './catalogModel';
import { discardPreopened } from './catalogPreopen';
import { IdeaDetail } from './IdeaDetail';
import { IdeaList } from './IdeaList';
import { useCatalog, useRefreshOnNewSources, useSourceStatuses } from './useCatalog';
import { useServerDescriptions } from './useServerDescriptions';

/** `/w/:id/catalog`: the working idea catalog, for leaders and the facilitator. */
export function CatalogView({ detail, credential }: { detail: WorkshopDetail; credential: Credential }) {
  if (detail.role !== 'facilitator' && detail.role !== 'leader') return <NoAccess />;
  return <Catalog detail={detail} credential={credential} />;
}

function NoAccess() {
  const { t } = useTranslation();
  // The server refuses this person the catalog's connection; one opened ahead of the page goes now.
  useEffect(discardPreopened, []);
  return (
    <div className="notice" data-testid="catalog-no-access">
      <strong>{t('catalog.noAccessTitle')}</strong>
      <p>{t('catalog.noAccessText')}</p>
    </div>
  );
}

function Catalog({ detail, credential }: { detail: WorkshopDetail; credential: Credential }) {
  const { t } = useTranslation();
  const workshopId = detail.workshop.id;
  const token = syncToken(credential);
  const { sync, ideas, decisions, state } = useCatalog(workshopId, token);
  const statuses = useSourceStatuses(workshopId, credential, ideas !== null);
  const selectedId = ideaFromSearch(useSearch());
  const [announcement, setAnnouncement] = useState('');
  const [descriptions, setDescriptions] = useState<ReadonlyMap<string, string[]>>(new Map());
  // Which ideas there are, not their order: a reorder asks the server for nothing.
  const ideaKey = useMemo(() => (ideas ? ideas.map((idea) => idea.id).sort() : []).join(','), [ideas]);
  const stored = useServerDescriptions(workshopId, credential, ideaKey);
  // The server's descriptions for every idea; one open here is newer as its editor shows it.
  const printed = useMemo(
    () => new Map([...stored.descriptions, ...descriptions]),
    [stored.descriptions, descriptions],
  );
  // Similarity is recomputed only when a title or source changes, and off the typing path (deferred). The first
  // render has none (`null`): the ideas are often here by then (catalogPreopen.ts), and the list shows first.
  const deferredIdeas = useDeferredValue(ideas, null);
  const textKey = deferredIdeas ? similarityKey(deferredIdeas) : '';
  // biome-ignore lint/correctness/useExhaustiveDependencies: `textKey` says when the texts changed.
  const similar = useMemo(
    () => (deferredIdeas ? similarGroups(deferredIdeas) : new Map<string, string[]>()),
    [textKey],
  );
  const deleted = useMemo(() => deletedCounts(statuses.index?.values() ?? []), [statuses.index]);
  const selected = ideas?.find((idea) => idea.id === selectedId);
  const selectedKey = selected && deferredIdeas ? `${selected.id}:${textKey}` : '';
  // biome-ignore lint/correctness/useExhaustiveDependencies: `selectedKey` says when the open idea or any text changed.
  const suggestions = useMemo(
    () => (selected && deferredIdeas ? similarToIdea(selected, deferredIdeas) : []),
    [selectedKey],
  );
  const name = useMyName(detail);

  // New sources (gathered or split meanwhile): ask about them too.
  useRefreshOnNewSources(ideas, statuses.refresh);

  const select = useCallback((ideaId: string | undefined) => navigate(catalogPath(workshopId, ideaId)), [workshopId]);
  const onParagraphs = useCallback((ideaId: string, paragraphs: string[]) => {
    setDescriptions((now) => new Map(now).set(ideaId, paragraphs));
  }, []);
  const onMove = useCallback(
    (ideaId: string, to: number) => {
      if (!sync || !ideas) return;
      moveIdea(
        sync.catalog.doc,
        ideas.map((idea) => idea.id),
        ideaId,
        to,
      );
      const title = ideas.find((idea) => idea.id === ideaId)?.title || t('catalog.untitled');
      setAnnouncement(t('catalog.moved', { title, position: to + 1, count: ideas.length }));
    },
    [sync, ideas, t],
  );

  return (
    <div className="stack catalog" data-testid="catalog">
      <div className="catalog-bar">
        <p className="lead tool-intro">{t('catalog.intro')}</p>
        <div className="catalog-bar-actions">
          {ideas && ideas.length > 0 && (
            <span className="catalog-count" data-testid="catalog-count">
              {t('catalog.count', { count: ideas.length })}
            </span>
          )}
          <span className="catalog-link" data-testid="catalog-sync" data-state={state.kind}>
            <span className="catalog-link-dot" aria-hidden="true" />
            {state.kind === 'connected'
              ? t('catalog.live')
              : state.kind === 'reconnecting'
                ? t('catalog.offline')
                : state.kind === 'connecting'
                  ? t('catalog.connecting')
                  : ''}
          </span>
          {ideas && ideas.length > 0 && (
            <button
              type="button"
              className="button button-ghost button-small"
              data-testid="catalog-print"
              onClick={() => {
                stored.refresh().then(
                  () => window.print(),
                  () => window.print(),
                );
              }}
            >
              {t('catalog.print')}
            </button>
          )}
        </div>
      </div>

      {state.kind === 'error' && (
        <div className="notice notice-error" role="alert" data-testid="catalog-connection-error">
          <p>{t('catalog.connectionError', { reason: connectionReason(t, state) })}</p>
          <button type="button" className="button" onClick={() => sync?.catalog.retry()}>
            <Icon name="refresh" />
            {t('catalog.retry')}
          </button>
        </div>
      )}

      {ideas === null ? (
        state.kind !== 'error' && (
          <div className="list-placeholder" role="status" data-testid="catalog-loading">
            <span className="sr-only">{t('catalog.loading')}</span>
            <span className="skeleton" aria-hidden="true" />
            <span className="skeleton" aria-hidden="true" />
            <span className="skeleton" aria-hidden="true" />
          </div>
        )
      ) : ideas.length === 0 ? (
        <EmptyCatalog workshopId={workshopId} canGather={detail.role === 'facilitator' || detail.role === 'leader'} />
      ) : (
        <div className="catalog-layout" data-open={selected ? true : undefined}>
          <section className="catalog-list-pane" aria-label={t('catalog.listLabel')}>
            <p className="muted small catalog-hint">{t('catalog.reorderHint')}</p>
            <IdeaList
              ideas={ideas}
              decisions={decisions}
              similar={similar}
              deleted={deleted}
              selectedId={selected?.id}
              onSelect={select}
              onMove={onMove}
            />
          </section>
          <section className="catalog-detail-pane">
            {selected && sync ? (
              <IdeaDetail
                key={selected.id}
                workshopId={workshopId}
                credential={credential}
                token={token}
                name={name}
                doc={sync.catalog.doc}
                idea={selected}
                ideas={ideas}
                decision={decisions.get(selected.id)}
                similar={suggestions}
                statuses={statuses.index}
                statusError={statuses.failed}
                announce={setAnnouncement}
                onSelect={select}
                onSourcesChanged={statuses.refresh}
                onParagraphs={onParagraphs}
              />
            ) : selectedId && sync ? (
              <IdeaGone doc={sync.catalog.doc} ideaId={selectedId} onSelect={select} />
            ) : (
              <div className="stack catalog-pick">
                <Icon name="list" />
                <p className="muted">{t('catalog.pickIdea')}</p>
              </div>
            )}
          </section>
        </div>
      )}
      {/* Deferred: the hidden print view (as many elements again as the list) renders after the list is shown. */}
      {deferredIdeas && deferredIdeas.length > 0 && (
        <CatalogPrint
          title={detail.workshop.title}
          ideas={deferredIdeas}
          decisions={decisions}
          descriptions={printed}
          statuses={statuses.index}
        />
      )}
      <div className="sr-only" aria-live="polite" data-testid="catalog-announcement">
        {announcement}
      </div>
    </div>
  );
}

function EmptyCatalog({ workshopId, canGather }: { workshopId: string; canGather: boolean }) {
  const { t } = useTranslation();
  const path = synthesisPath(workshopId);
  return (
    <div className="stack card catalog-empty" data-testid="catalog-empty">
      <div className="empty-art" aria-hidden="true">
        <span />
        <span />
        <span />
      </div>
      <h2 className="empty-title">{t('catalog.emptyTitle')}</h2>
      <p className="muted">{t('catalog.emptyText')}</p>
      {canGather && (
        <a className="button button-primary" href={path} onClick={(event) => handleLinkClick(event, path)}>
          {t('catalog.emptyAction')}
        </a>
      )}
    </div>
  );
}

/** The name others see beside this person's caret in a description. */
function useMyName(detail: WorkshopDetail): string {
  return useMemo(() => {
    if (detail.personId) return detail.people.find((p) => p.id === detail.personId)?.name ?? '';
    const me = meStore.getSnapshot();
    return me.status === 'ready' ? (me.me.facilitator?.name ?? '') : '';
  }, [detail]);
}

/** The idea that `ideaId` was merged into (its own trail or a survivor's that carried it), if it still exists. */
function mergedInto(doc: Y.Doc, ideaId: string): { id: string; title: string } | undefined {
  for (const [id, idea] of ideasOf(doc).entries()) {
    if (readMergedFrom(idea).some((m) => m.ideaId === ideaId)) {
      const title = idea.get('title');
      return { id, title: title?.toString() ?? '' };
    }
  }
  return undefined;
}

/**
 * The open idea left the catalog — merged into another or deleted, here or by
 * someone else: say so where it was, and lead on to the idea it became part of.
 */
function IdeaGone(props: { doc: Y.Doc; ideaId: string; onSelect: (ideaId: string | undefined) => void }) {
  const { doc, ideaId, onSelect } = props;
  const { t } = useTranslation();
  const into = mergedInto(doc, ideaId);
  return (
    <div className="stack catalog-pick catalog-gone" role="status" data-testid="idea-gone">
      <Icon name="list" />
      <p>{into ? t('catalog.gone.merged', { title: into.title }) : t('catalog.gone.deleted')}</p>
      <div className="catalog-gone-actions">
        {into && (
          <button type="button" className="button" data-testid="idea-gone-open" onClick={() => onSelect(into.id)}>
            {t('catalog.gone.open', { title: into.title })}
          </button>
        )}
        <button type="button" className="button button-ghost" onClick={() => onSelect(undefined)}>
          {t('catalog.gone.close')}
        </button>
      </div>
    </div>
  );
}
