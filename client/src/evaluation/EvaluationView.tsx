import type { WorkshopDetail } from '@samle/shared';
import { useTranslation } from 'react-i18next';
import type { Credential } from '../api/http';
import { toolErrorMessage } from '../api/toolErrorMessage';
import { EvaluationForm } from './EvaluationForm';
import { EvaluationResultsPanel } from './EvaluationResultsPanel';
import { OpenEvaluationForm } from './OpenEvaluationForm';
import { useLatestEvaluation } from './useEvaluation';

/** How often a participant's page looks for an evaluation being opened or closed. */
const EVALUATION_POLL_MS = 10_000;

/** `/w/:id/evaluation`: the facilitator opens, follows and closes it; participants and leaders answer it. */
export function EvaluationView({ detail, credential }: { detail: WorkshopDetail; credential: Credential }) {
  const { t } = useTranslation();
  const facilitating = detail.role === 'facilitator';
  const { state, set } = useLatestEvaluation(detail.workshop.id, credential, EVALUATION_POLL_MS);

  if (state.status === 'loading') {
    return (
      <p className="muted" role="status">
        {t('tools.loading')}
      </p>
    );
  }
  if (state.status === 'error') {
    return (
      <p className="notice notice-error" role="alert">
        {toolErrorMessage(t, state.error)}
      </p>
    );
  }
  const { evaluation } = state;

  if (facilitating) {
    return (
      <div className="stack evaluation-layout">
        {evaluation?.status !== 'open' && (
          <OpenEvaluationForm
            workshopId={detail.workshop.id}
            credential={credential}
            questions={detail.prompts.evaluation}
            onOpened={set}
          />
        )}
        {evaluation && (
          <EvaluationResultsPanel key={evaluation.id} evaluation={evaluation} credential={credential} onClosed={set} />
        )}
      </div>
    );
  }
  if (detail.role === 'viewer') return <p className="notice">{t('evaluation.viewerNote')}</p>;
  if (!evaluation) return <p className="notice">{t('evaluation.none')}</p>;
  if (evaluation.status === 'closed') {
    return (
      <p className="notice" data-testid="evaluation-closed">
        {t('evaluation.closed')}
      </p>
    );
  }
  return <EvaluationForm key={evaluation.id} evaluation={evaluation} credential={credential} />;
}
