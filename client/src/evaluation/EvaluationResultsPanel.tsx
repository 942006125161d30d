import type { Evaluation } from '@samle/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { closeEvaluation, evaluationCsvPath } from '../api/evaluationApi';
import type { Credential } from '../api/http';
import { toolErrorMessage } from '../api/toolErrorMessage';
import { ConfirmButton } from '../ui/ConfirmButton';
import { ratingsToShow } from './chart';
import { RatingChart } from './RatingChart';
import { useEvaluationResults } from './useEvaluation';

const RESULTS_POLL_MS = 3000;

/** The facilitator's view of an evaluation: live results while open, the CSV, and closing it. */
export function EvaluationResultsPanel(props: {
  evaluation: Evaluation;
  credential: Credential;
  onClosed: (evaluation: Evaluation) => void;
}) {
  const { evaluation, credential, onClosed } = props;
  const { t } = useTranslation();
  const open = evaluation.status === 'open';
  const { results, error } = useEvaluationResults(evaluation.id, credential, open, RESULTS_POLL_MS);
  const [closing, setClosing] = useState(false);
  const [closeError, setCloseError] = useState<string>();

  const close = async () => {
    setClosing(true);
    setCloseError(undefined);
    try {
      onClosed(await closeEvaluation(evaluation.id, credential));
    } catch (failure) {
      setCloseError(toolErrorMessage(t, failure));
    } finally {
      setClosing(false);
    }
  };

  return (
    <section className="panel evaluation-results" data-testid="evaluation-results" aria-labelledby="results-heading">
      <div className="panel-head">
        <h2 id="results-heading" className="panel-title">
          {t('evaluation.resultsHeading')}{' '}
          <span className="status-pill" data-status={open ? 'open' : 'ended'}>
            {open ? t('evaluation.statusOpen') : t('evaluation.statusClosed')}
          </span>
        </h2>
        <p className="results-count">
          <span data-testid="evaluation-responses">{results?.responses ?? 0}</span>{' '}
          <span className="muted">{t('evaluation.responsesLabel', { count: results?.responses ?? 0 })}</span>
        </p>
      </div>
      {open && <p className="muted results-live">{t('evaluation.live')}</p>}
      {error !== undefined && (
        <p className="notice notice-warning" role="status">
          {t('evaluation.resultsError', { reason: toolErrorMessage(t, error) })}
        </p>
      )}
      <div className="rating-charts">
        {ratingsToShow(evaluation, results).map((rating) => (
          <RatingChart key={rating.id} rating={rating} />
        ))}
      </div>
      {evaluation.freeText !== null && (
        <div className="free-texts">
          <h3 className="subhead">{evaluation.freeText}</h3>
          {(results?.texts.length ?? 0) === 0 && <p className="muted">{t('evaluation.noTexts')}</p>}
          <ul className="free-text-list">
            {results?.texts.map((entry, index) => (
              // The server sends the texts without ids; their order is stable between polls.
              // biome-ignore lint/suspicious/noArrayIndexKey: see above.
              <li key={index} className="free-text">
                <p>{entry.text}</p>
                {entry.name && <p className="muted free-text-name">— {entry.name}</p>}
              </li>
            ))}
          </ul>
        </div>
      )}
      {closeError && (
        <p className="field-error" role="alert">
          {closeError}
        </p>
      )}
      <div className="panel-actions">
        <a className="button" href={evaluationCsvPath(evaluation.id)} download data-testid="evaluation-csv">
          {t('evaluation.csv')}
        </a>
        {open && (
          <ConfirmButton
            className="button button-danger"
            testId="evaluation-close"
            disabled={closing}
            question={t('evaluation.closeConfirm')}
            detail={t('evaluation.closeDetail')}
            confirmLabel={t('evaluation.closeYes')}
            cancelLabel={t('evaluation.closeCancel')}
            align="end"
            danger
            onConfirm={() => void close()}
          >
            {closing ? t('evaluation.closing') : t('evaluation.close')}
          </ConfirmButton>
        )}
      </div>
    </section>
  );
}
