import { lazy, Suspense, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { BoardProblem } from '../board/BoardProblem';
import { CatalogEntry, prepareCatalogPage } from '../catalog/CatalogEntry';
import { EvaluationView } from '../evaluation/EvaluationView';
import { QuestionsView } from '../questions/QuestionsView';
import { handleLinkClick } from '../routing/navigation';
import { type WorkshopTool, workshopPath } from '../routing/routes';
import { AppHeader } from '../shell/AppHeader';
import { Icon } from '../ui/Icon';
import { useWorkshopDetail } from '../workshopData/useWorkshopDetail';
import { WorkshopLoadNotice } from '../workshopData/WorkshopLoadNotice';

// The editor (Lexical) is loaded only when someone opens their reflection.
const ReflectionView = lazy(() =>
  import('../reflection/ReflectionView').then((module) => ({ default: module.ReflectionView })),
);

/** Sessions and boards change rarely here; the tools have their own live channels. */
const POLL_MS = 15_000;

const TITLE_KEYS = {
  questions: 'questions.title',
  evaluation: 'evaluation.title',
  reflection: 'reflection.title',
  catalog: 'catalog.title',
} as const;

/**
 * `/w/:workshopId/questions|evaluation|reflection`: one of the workshop's tools,
 * with the caller's role and credential from the workshop (as on its home page).
 */
export function WorkshopToolPage({ workshopId, tool }: { workshopId: string; tool: WorkshopTool }) {
  const { t } = useTranslation();
  const { state, retry } = useWorkshopDetail(workshopId, POLL_MS);
  const title = t(TITLE_KEYS[tool]);
  const workshopTitle = state.status === 'ready' ? state.detail.workshop.title : undefined;

  // The catalog's code and connection start while the workshop is asked for, not after it arrives.
  useEffect(() => {
    if (tool !== 'catalog') return;
    prepareCatalogPage(workshopId);
  }, [tool, workshopId]);

  useEffect(() => {
    document.title = [title, workshopTitle, t('app.name')].filter(Boolean).join(' · ');
    return () => {
      document.title = t('app.name');
    };
  }, [title, workshopTitle, t]);

  if (state.status === 'noAccess') {
    return <BoardProblem title={t('workshop.noAccessTitle')} text={t('workshop.noAccessText')} />;
  }
  const back = workshopPath(workshopId);
  return (
    <div className="page">
      <AppHeader />
      <main id="main" className="tool-page" data-tool={tool}>
        <a className="button button-ghost button-small tool-back" href={back} onClick={(e) => handleLinkClick(e, back)}>
          <Icon name="arrow" />
          {t('tools.back')}
        </a>
        <div className="workshop-heading">
          {workshopTitle && <p className="eyebrow">{workshopTitle}</p>}
          <h1 className="page-title">{title}</h1>
        </div>
        <WorkshopLoadNotice state={state} retry={retry} loadingText={t('tools.loading')} />
        {state.status === 'ready' && tool === 'questions' && (
          <QuestionsView detail={state.detail} credential={state.credential} />
        )}
        {state.status === 'ready' && tool === 'evaluation' && (
          <EvaluationView detail={state.detail} credential={state.credential} />
        )}
        {state.status === 'ready' && tool === 'reflection' && (
          <Suspense
            fallback={
              <p className="muted" role="status">
                {t('tools.loading')}
              </p>
            }
          >
            <ReflectionView detail={state.detail} credential={state.credential} />
          </Suspense>
        )}
        {state.status === 'ready' && tool === 'catalog' && (
          <CatalogEntry detail={state.detail} credential={state.credential} />
        )}
      </main>
    </div>
  );
}
