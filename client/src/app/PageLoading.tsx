import { Component, type ErrorInfo, type ReactNode, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { AppHeader } from '../shell/AppHeader';

/**
 * While a page's chunk downloads: the header where the page will have it (so nothing above the content moves)
 * and, after a moment, a quiet "loading" line in the middle — a fast load shows only the header.
 */
export function PageLoading({ chrome }: { chrome: boolean }) {
  const { t } = useTranslation();
  return (
    <div className="page" data-testid="page-loading">
      {chrome && <AppHeader />}
      <div className="page-loading page-loading-delayed" role="status">
        <span className="spinner" aria-hidden="true" />
        {t('app.loadingPage')}
      </div>
    </div>
  );
}

function PageFailed({ chrome }: { chrome: boolean }) {
  const { t } = useTranslation();
  return (
    <div className="page">
      {chrome && <AppHeader />}
      <main id="main" className="page-loading page-failed" data-testid="page-failed">
        <h1 className="page-title">{t('app.pageFailedTitle')}</h1>
        <p className="lead">{t('app.pageFailedText')}</p>
        <button className="button button-primary" type="button" onClick={() => window.location.reload()}>
          {t('app.pageFailedRetry')}
        </button>
      </main>
    </div>
  );
}

interface BoundaryProps {
  chrome: boolean;
  children: ReactNode;
}

/**
 * A page that cannot be fetched (offline, or a release replaced its chunk) or that fails while it renders shows a
 * way to reload instead of leaving the screen blank. Keyed by the route, so the next page starts afresh.
 */
class PageErrorBoundary extends Component<BoundaryProps, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error('Samle: the page could not be shown', error, info.componentStack);
  }

  override render(): ReactNode {
    return this.state.failed ? <PageFailed chrome={this.props.chrome} /> : this.props.children;
  }
}

/** Around every page: the loading state while its chunk downloads, the reload offer if that fails. */
export function PageFrame({ chrome, children }: BoundaryProps) {
  return (
    <PageErrorBoundary chrome={chrome}>
      <Suspense fallback={<PageLoading chrome={chrome} />}>{children}</Suspense>
    </PageErrorBoundary>
  );
}
