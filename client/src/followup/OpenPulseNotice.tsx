import { publishedDocId, pulseIsOpen, readPulses, workshopToday } from '@samle/shared';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { syncToken } from '../api/credentials';
import type { Credential } from '../api/http';
import { handleLinkClick } from '../routing/navigation';
import { publishedCatalogPath } from '../routing/routes';
import { useLiveDoc } from '../sync/useLiveDoc';
import { answeredPulses } from './followUpApi';

/** On a participant's or leader's home while an impact pulse is open and unanswered: one line and a link to it. */
export function OpenPulseNotice({ workshopId, credential }: { workshopId: string; credential: Credential }) {
  const { t } = useTranslation();
  const pulses = useLiveDoc(publishedDocId(workshopId), syncToken(credential), readPulses);
  const [answered, setAnswered] = useState<ReadonlySet<string>>();
  useEffect(() => {
    let on = true;
    answeredPulses(workshopId, credential).then(
      ({ answered: ids }) => on && setAnswered(new Set(ids)),
      (error: unknown) => console.warn('Could not load which pulses you answered', error),
    );
    return () => {
      on = false;
    };
  }, [workshopId, credential]);
  if (pulses.status !== 'ready' || !answered) return null;
  const today = workshopToday(Date.now());
  const open = pulses.value.some((p) => pulseIsOpen(p, today) && !answered.has(p.id));
  if (!open) return null;
  const path = `${publishedCatalogPath(workshopId)}#pulse`;
  return (
    <section className="notice pulse-notice" data-testid="open-pulse" aria-labelledby="open-pulse-title">
      <h2 id="open-pulse-title" className="panel-title">
        {t('pulse.homeTitle')}
      </h2>
      <p>{t('pulse.homeText')}</p>
      <a className="button button-primary button-small" href={path} onClick={(e) => handleLinkClick(e, path)}>
        {t('pulse.homeLink')}
      </a>
    </section>
  );
}
