import type { PublishStatus, Role } from '@samle/shared';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Credential } from '../api/http';
import { handleLinkClick } from '../routing/navigation';
import { leaderScreenPath } from '../routing/routes';
import { ConfirmButton } from '../ui/ConfirmButton';
import { Icon } from '../ui/Icon';
import { downloadExport, type ExportFormat, publishCatalog, publishStatus } from './leadersApi';
import type { PanelIdea } from './panelModel';
import { useLeaderErrorText } from './useLeaderErrorText';
import { useLocale } from './useLocale';

/** Catalog edits come in bursts (typing a title): the status is asked once they settle. */
const STATUS_SETTLE_MS = 600;
const FORMATS: Array<
  [ExportFormat, 'leaders.exportDocx' | 'evidence.exportXlsx' | 'leaders.exportMd' | 'leaders.exportCsv']
> = [
  ['docx', 'leaders.exportDocx'],
  ['xlsx', 'evidence.exportXlsx'],
  ['csv', 'leaders.exportCsv'],
  ['md', 'leaders.exportMd'],
];

/**
 * The leader panel's bar: whether employees see the latest decisions, the
 * facilitator's Publish button, exports, print, and the presentation.
 * The status is asked when something it depends on changes, never on a timer:
 * `changeCount` grows with every change saved here, `ideas` is the live catalog
 * with its assessments (anyone's change), and coming back to the tab asks again
 * (descriptions are edited elsewhere). Each ask reads every idea's description on
 * the server, so polling would keep all of them loaded.
 */
export function PublishBar({
  workshopId,
  credential,
  role,
  changeCount,
  ideas,
}: {
  workshopId: string;
  credential: Credential;
  role: Role;
  changeCount: number;
  ideas: readonly PanelIdea[];
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const errorText = useLeaderErrorText();
  const [status, setStatus] = useState<PublishStatus>();
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string }>();

  const refresh = useCallback(() => {
    publishStatus(workshopId, credential).then(setStatus, (error: unknown) =>
      setMessage({ kind: 'error', text: errorText(error) }),
    );
  }, [workshopId, credential, errorText]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: `changeCount` is the refresh trigger.
  useEffect(() => {
    refresh();
  }, [refresh, changeCount]);

  const askedFor = useRef(ideas);
  useEffect(() => {
    if (askedFor.current === ideas) return;
    askedFor.current = ideas;
    const timer = setTimeout(refresh, STATUS_SETTLE_MS);
    return () => clearTimeout(timer);
  }, [refresh, ideas]);

  useEffect(() => {
    const onVisible = () => {
      if (document.visibilityState === 'visible') refresh();
    };
    document.addEventListener('visibilitychange', onVisible);
    return () => document.removeEventListener('visibilitychange', onVisible);
  }, [refresh]);

  async function publish() {
    setBusy(true);
    setMessage(undefined);
    try {
      const { ideas } = await publishCatalog(workshopId, credential);
      setMessage({ kind: 'ok', text: t('leaders.publishedOk', { count: ideas }) });
      refresh();
    } catch (error) {
      setMessage({ kind: 'error', text: errorText(error) });
    } finally {
      setBusy(false);
    }
  }

  async function download(format: ExportFormat, internal = false) {
    try {
      await downloadExport(workshopId, format, credential, internal);
    } catch (error) {
      console.warn('export failed', error);
      setMessage({ kind: 'error', text: t('leaders.exportFailed') });
    }
  }

  const when = status?.publishedAt
    ? new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(status.publishedAt)
    : '';
  const screen = leaderScreenPath(workshopId);
  return (
    <div className="row publish-bar no-print" data-testid="publish-bar">
      <div className="row publish-state">
        {status?.unpublishedChanges && (
          <span className="badge badge-attention" data-testid="unpublished-changes">
            {t('leaders.unpublishedChanges')}
          </span>
        )}
        {status && !status.unpublishedChanges && status.publishedAt !== null && (
          <span className="badge badge-ok" data-testid="published-up-to-date">
            {t('leaders.upToDate')}
          </span>
        )}
        <span className="publish-when">
          {status?.publishedAt
            ? t('leaders.publishedBy', { when, by: status.publishedBy })
            : status
              ? t('leaders.neverPublished')
              : ''}
        </span>
      </div>
      <div className="row publish-actions">
        {role === 'facilitator' ? (
          <ConfirmButton
            className="button button-primary"
            testId="publish-catalog"
            disabled={busy}
            question={t('leaders.publishConfirm')}
            detail={t('leaders.publishDetail')}
            confirmLabel={t('leaders.publishYes')}
            cancelLabel={t('leaders.publishCancel')}
            onConfirm={() => void publish()}
          >
            {busy ? t('leaders.publishing') : t('leaders.publish')}
          </ConfirmButton>
        ) : (
          <span className="muted publish-note">{t('leaders.facilitatorPublishes')}</span>
        )}
        <fieldset className="export-group" aria-label={t('leaders.exports')}>
          <span className="export-label" aria-hidden="true">
            {t('leaders.exports')}
          </span>
          {FORMATS.map(([format, label]) => (
            <button
              key={format}
              type="button"
              className="button button-small"
              data-testid={`export-${format}`}
              onClick={() => void download(format)}
            >
              {t(label)}
            </button>
          ))}
          <button
            type="button"
            className="button button-small"
            data-testid="print-catalog"
            onClick={() => window.print()}
          >
            {t('leaders.print')}
          </button>
          <button
            type="button"
            className="button button-small export-internal"
            data-testid="export-internal"
            title={t('evidence.exportInternalHint')}
            onClick={() => void download('docx', true)}
          >
            {t('evidence.exportInternal')}
          </button>
        </fieldset>
        <a
          className="button"
          href={screen}
          data-testid="present-link"
          title={t('leaders.presentHint')}
          onClick={(event) => handleLinkClick(event, screen)}
        >
          <Icon name="screen" />
          {t('leaders.present')}
        </a>
      </div>
      {message && (
        <p
          className={message.kind === 'ok' ? 'notice-ok publish-message' : 'notice notice-error publish-message'}
          role={message.kind === 'ok' ? 'status' : 'alert'}
          data-testid="publish-message"
        >
          {message.text}
        </p>
      )}
    </div>
  );
}
