import type { Decision, IdeaView, SourceStatus } from '@samle/shared';
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { proposersOf, sourcePlace, statusOf } from './catalogModel';

/**
 * The catalog as a printed document (hidden on screen, `@media print` shows
 * it): every idea in order with its category, decision, proposers, its
 * description (from the server, or from its editor when it is open here) and its
 * sources.
 * Built from stored data, so printing needs no editor per idea. Memoised: it
 * renders again when what it prints changes, not with every change on the page.
 */
export const CatalogPrint = memo(function CatalogPrint(props: {
  title: string;
  ideas: readonly IdeaView[];
  decisions: ReadonlyMap<string, Decision>;
  descriptions: ReadonlyMap<string, string[]>;
  statuses: ReadonlyMap<string, SourceStatus> | undefined;
}) {
  const { title, ideas, decisions, descriptions, statuses } = props;
  const { t } = useTranslation();
  return (
    <div className="catalog-print" aria-hidden="true">
      <p className="catalog-print-eyebrow">{title}</p>
      <h1>{t('catalog.title')}</h1>
      <ol>
        {ideas.map((idea) => {
          const decision = decisions.get(idea.id);
          const proposers = proposersOf(idea);
          return (
            <li key={idea.id} className="catalog-print-idea">
              <h2>{idea.title.trim() || t('catalog.untitled')}</h2>
              <p className="catalog-print-facts">
                {[
                  idea.category,
                  decision ? t(`catalog.decisions.${decision}`) : '',
                  proposers.length > 0 ? t('catalog.proposers', { names: proposers.join(', ') }) : '',
                ]
                  .filter(Boolean)
                  .join(' · ')}
              </p>
              {(descriptions.get(idea.id) ?? []).map((paragraph, index) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: paragraphs have no identity of their own here.
                <p key={index}>{paragraph}</p>
              ))}
              <h3>{t('catalog.sources.heading')}</h3>
              <ul>
                {idea.provenance.map((source) => {
                  const { place, session, theme } = sourcePlace(source);
                  const status = statusOf(statuses, idea.id, source);
                  return (
                    <li key={`${source.boardId}/${source.noteId}`}>
                      “{source.text}” —{' '}
                      {[place, session, source.authorName ?? t('catalog.sources.anonymous'), theme]
                        .filter(Boolean)
                        .join(', ')}
                      {status?.state === 'deleted' && ` (${t('catalog.sources.deleted')})`}
                    </li>
                  );
                })}
              </ul>
            </li>
          );
        })}
      </ol>
    </div>
  );
});
