import { type DecisionChange, markdownPlainText } from '@samle/shared';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Credential } from '../api/http';
import { ideaHistory } from './leadersApi';
import { formatMonth, isMonth } from './months';
import { useLocale } from './useLocale';

type HistoryState = { status: 'loading' } | { status: 'error' } | { status: 'ready'; changes: DecisionChange[] };

const SHORT = 90;

/** Every recorded change to an idea's assessment, newest first: who, when, from → to. */
export function DecisionHistory({
  workshopId,
  ideaId,
  credential,
  version,
  titles,
}: {
  workshopId: string;
  ideaId: string;
  credential: Credential;
  /** Changes when the assessment changed, so the history is asked again. */
  version: string;
  titles: ReadonlyMap<string, string>;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [state, setState] = useState<HistoryState>({ status: 'loading' });

  // biome-ignore lint/correctness/useExhaustiveDependencies: `version` is the reload trigger.
  useEffect(() => {
    let live = true;
    ideaHistory(workshopId, ideaId, credential).then(
      ({ changes }) => live && setState({ status: 'ready', changes }),
      () => live && setState({ status: 'error' }),
    );
    return () => {
      live = false;
    };
  }, [workshopId, ideaId, credential, version]);

  const when = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
  const value = (change: DecisionChange, raw: string | null): string => {
    if (raw === null) return t('leaders.nothing');
    switch (change.field) {
      case 'decision':
        return t(`leaders.decisions.${raw as 'start_now' | 'council' | 'on_hold'}`);
      case 'startMonth':
      case 'endMonth':
        return isMonth(raw) ? formatMonth(raw, locale) : raw;
      case 'related':
        return raw
          .split(',')
          .map((id) => titles.get(id) ?? '…')
          .join(', ');
      case 'rationale': {
        const text = markdownPlainText(raw).replace(/\s+/g, ' ');
        return text.length > SHORT ? `${text.slice(0, SHORT)}…` : text;
      }
      default:
        return raw;
    }
  };

  return (
    <section className="assessment-block decision-history" aria-labelledby={`history-${ideaId}`}>
      <h3 className="field-label" id={`history-${ideaId}`}>
        {t('leaders.history')}
      </h3>
      {state.status === 'loading' && (
        <p className="muted" role="status">
          {t('leaders.historyLoading')}
        </p>
      )}
      {state.status === 'error' && (
        <p className="notice notice-error" role="alert">
          {t('leaders.historyError')}
        </p>
      )}
      {state.status === 'ready' && state.changes.length === 0 && <p className="muted">{t('leaders.historyEmpty')}</p>}
      {state.status === 'ready' && state.changes.length > 0 && (
        <ol className="history-list" data-testid="decision-history">
          {[...state.changes].reverse().map((change, index) => (
            <li
              // biome-ignore lint/suspicious/noArrayIndexKey: history entries have no id; the list only grows.
              key={index}
              className="history-entry"
              data-field={change.field}
            >
              <span className="history-who">
                <strong>{change.by || t('leaders.nothing')}</strong> · <time>{when.format(change.at)}</time>
              </span>
              <span className="history-what">
                {t('leaders.historyChange', {
                  field: t(`leaders.fields.${change.field}`),
                  from: value(change, change.from),
                  to: value(change, change.to),
                })}
              </span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
