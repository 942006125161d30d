import type { EvaluationResults } from '@samle/shared';
import { useTranslation } from 'react-i18next';
import { chartBars, formatAverage } from './chart';

type RatingResult = EvaluationResults['ratings'][number];

/**
 * One rating's answers as horizontal bars, 1 to 5, with the average. A plain
 * list with the counts as text, so a screen reader reads what the bars show.
 */
export function RatingChart({ rating }: { rating: RatingResult }) {
  const { t, i18n } = useTranslation();
  const average = formatAverage(rating.average, i18n.language);
  return (
    <figure className="rating-chart" data-rating-id={rating.id}>
      <figcaption className="stack rating-chart-head">
        <span className="rating-chart-label">{rating.label}</span>
        <span className="rating-average" data-testid="evaluation-average" data-rating-id={rating.id}>
          {average === null ? t('evaluation.noAverage') : t('evaluation.average', { value: average })}
        </span>
      </figcaption>
      <ol className="rating-bars" aria-label={t('evaluation.chartLabel', { label: rating.label })}>
        {chartBars(rating.distribution).map((bar) => (
          <li key={bar.value} className="rating-bar-row" data-value={bar.value} data-count={bar.count}>
            <span className="rating-bar-value" aria-hidden="true">
              {bar.value}
            </span>
            <span className="rating-bar-track" aria-hidden="true">
              <span className="rating-bar-fill" style={{ inlineSize: `${Math.round(bar.length * 100)}%` }} />
            </span>
            <span className="rating-bar-count">
              <span aria-hidden="true">{bar.count}</span>
              <span className="sr-only">{t('evaluation.barLabel', { value: bar.value, count: bar.count })}</span>
            </span>
          </li>
        ))}
      </ol>
    </figure>
  );
}
