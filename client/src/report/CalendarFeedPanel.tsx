import type { CalendarFeed, CalendarFeedBody } from '@samle/shared';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { apiErrorMessage } from '../api/errorMessage';
import { type Credential, request } from '../api/http';
import { downloadFile } from '../followup/followUpApi';
import './report.css';

const feedPath = (workshopId: string) => `/api/workshops/${encodeURIComponent(workshopId)}/calendar-feed`;

/**
 * The workshop's calendar: the file with every dated session, and the subscription link a
 * calendar app keeps polling (docs/after-the-session.md). The facilitator makes the link,
 * makes a new one (the old stops working) or turns it off; everyone else sees it once made.
 */
export function CalendarFeedPanel({
  workshopId,
  credential,
  facilitator,
}: {
  workshopId: string;
  credential: Credential;
  /** The facilitator makes, renews and turns off the feed. */
  facilitator: boolean;
}) {
  const { t } = useTranslation();
  const [feed, setFeed] = useState<CalendarFeed>();
  const [failure, setFailure] = useState<string>();
  const [copied, setCopied] = useState(false);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let on = true;
    request<CalendarFeed>(feedPath(workshopId), { credential }).then(
      (value) => on && setFeed(value),
      (caught: unknown) => on && setFailure(t('calendar.feedError', { reason: apiErrorMessage(t, caught) })),
    );
    return () => {
      on = false;
    };
  }, [workshopId, credential, t]);

  const change = async (action: CalendarFeedBody['action']) => {
    setBusy(true);
    setFailure(undefined);
    try {
      const body: CalendarFeedBody = { action };
      setFeed(await request<CalendarFeed>(feedPath(workshopId), { method: 'POST', body, credential }));
      setCopied(false);
    } catch (caught) {
      setFailure(t('calendar.feedError', { reason: apiErrorMessage(t, caught) }));
    } finally {
      setBusy(false);
    }
  };
  const url = feed?.path ? `${window.location.origin}${feed.path}` : null;
  const copy = async () => {
    if (!url) return;
    try {
      await navigator.clipboard.writeText(url);
      setCopied(true);
    } catch (error) {
      // No clipboard (insecure origin, permissions): the link is there to select by hand.
      console.warn('Could not copy the calendar link', error);
    }
  };

  return (
    <div className="calendar-feed" data-testid="calendar-feed">
      <button
        type="button"
        className="button button-small button-ghost"
        data-testid="workshop-calendar"
        onClick={() =>
          downloadFile(`/api/workshops/${encodeURIComponent(workshopId)}/calendar.ics`, 'samle.ics', credential).catch(
            (caught: unknown) => setFailure(t('calendar.error', { reason: apiErrorMessage(t, caught) })),
          )
        }
      >
        {t('calendar.workshop')}
      </button>
      {url && (
        <div className="calendar-feed-link">
          <label htmlFor={`calendar-feed-${workshopId}`}>{t('calendar.feedTitle')}</label>
          <p className="muted">{t('calendar.feedHint')}</p>
          <div className="calendar-feed-row">
            <input
              id={`calendar-feed-${workshopId}`}
              className="text-input"
              readOnly
              value={url}
              data-testid="calendar-feed-url"
              onFocus={(e) => e.target.select()}
            />
            <button type="button" className="button button-small" onClick={copy} data-testid="calendar-feed-copy">
              {copied ? t('calendar.copied') : t('calendar.copy')}
            </button>
          </div>
          <a className="calendar-feed-open" href={url.replace(/^https?:/, 'webcal:')}>
            {t('calendar.feedOpen')}
          </a>
        </div>
      )}
      {facilitator && feed && (
        <div className="row calendar-feed-actions">
          {!url && <p className="muted">{t('calendar.feedNone')}</p>}
          <button
            type="button"
            className="button button-small"
            disabled={busy}
            onClick={() => void change('renew')}
            data-testid="calendar-feed-renew"
          >
            {url ? t('calendar.feedRenew') : t('calendar.feedMake')}
          </button>
          {url && (
            <button
              type="button"
              className="button button-small button-ghost"
              disabled={busy}
              onClick={() => void change('off')}
              data-testid="calendar-feed-off"
            >
              {t('calendar.feedOff')}
            </button>
          )}
          {url && <p className="muted calendar-feed-note">{t('calendar.feedPrivate')}</p>}
        </div>
      )}
      {failure && (
        <p className="notice notice-error" role="alert">
          {failure}
        </p>
      )}
    </div>
  );
}
