import type { WorkshopDetail } from '@samle/shared';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Credential } from '../api/http';
import { prepareCatalog } from './catalogPreopen';

type CatalogModule = typeof import('./CatalogView');

let loading: Promise<CatalogModule> | undefined;
let loaded: CatalogModule | undefined;

/** The catalog page's code (its chunk; its Lexical editor comes later still, with the first idea opened). */
function loadCatalogView(): Promise<CatalogModule> {
  loading ??= import('./CatalogView').then(
    (module) => {
      loaded = module;
      return module;
    },
    (error: unknown) => {
      loading = undefined;
      throw error;
    },
  );
  return loading;
}

/** Starts the catalog page's code and its live connection, while the workshop is asked for (catalogPreopen.ts). */
export function prepareCatalogPage(workshopId: string): void {
  const warn = (error: unknown) => console.warn('the catalog could not be opened ahead', error);
  loadCatalogView().catch(warn);
  prepareCatalog(workshopId).catch(warn);
}

const LazyCatalogView = lazy(() => loadCatalogView().then((module) => ({ default: module.CatalogView })));

/**
 * The catalog page in the workshop's tool page. Its code is usually here by the time the workshop is
 * (`prepareCatalogPage`); then it renders at once. Through `lazy` it would suspend for a moment all the same, and
 * React holds a Suspense boundary's content back until 300 ms after its fallback showed.
 */
export function CatalogEntry(props: { detail: WorkshopDetail; credential: Credential }) {
  const { t } = useTranslation();
  // Chosen once per mount, so the view is never swapped (and remounted) when the chunk arrives later.
  const [ready] = useState(() => loaded);
  if (ready) return <ready.CatalogView {...props} />;
  return (
    <Suspense
      fallback={
        <p className="muted" role="status">
          {t('catalog.loading')}
        </p>
      }
    >
      <LazyCatalogView {...props} />
    </Suspense>
  );
}
