import type { AssessmentView } from '@samle/shared';
import { useTranslation } from 'react-i18next';
import { sumEstimates } from './estimates';

/** A decision's estimates summed, under its heading in the panel ("One-off DKK 250,000 · yearly … · 120 hours"). */
export function EstimateSumLine({
  ideaIds,
  assessments,
}: {
  ideaIds: readonly string[];
  assessments: ReadonlyMap<string, AssessmentView>;
}) {
  const { t, i18n } = useTranslation();
  const sums = sumEstimates(ideaIds, assessments);
  if (!sums.any) return null;
  const dkk = (amount: number) => t('evidence.dkk', { amount: amount.toLocaleString(i18n.language) });
  return (
    <p className="leader-group-sums" data-testid="estimate-sums">
      {t('evidence.sumLine', {
        oneOff: dkk(sums.oneOffDkk),
        yearly: dkk(sums.yearlyDkk),
        hours: sums.staffHours.toLocaleString(i18n.language),
      })}
    </p>
  );
}
