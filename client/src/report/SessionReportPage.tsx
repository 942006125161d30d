import { REPORT_WORDS, type SessionReport } from '@samle/shared';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { apiErrorMessage } from '../api/errorMessage';
import { type Credential, request } from '../api/http';
import { BoardProblem } from '../board/BoardProblem';
import { downloadFile } from '../followup/followUpApi';
import { handleLinkClick } from '../routing/navigation';
import { workshopPath } from '../routing/routes';
import { AppHeader } from '../shell/AppHeader';
import { Icon } from '../ui/Icon';
import { useWorkshopDetail } from '../workshopData/useWorkshopDetail';
import { WorkshopLoadNotice } from '../workshopData/WorkshopLoadNotice';
import { ReportBody } from './ReportBody';
import './report.css';

const enc = encodeURIComponent;

/** `/w/:id/report/:sessionId`: the session report as a page that prints as the PDF, with the DOCX one click away. */
export function SessionReportPage({ workshopId, sessionId }: { workshopId: string; sessionId: string }) {
  const { t, i18n } = useTranslation();
  const { state, retry } = useWorkshopDetail(workshopId, 60_000);
  const credential = state.status === 'ready' ? state.credential : undefined;
  const [report, setReport] = useState<SessionReport>();
  const [error, setError] = useState<unknown>();

  useEffect(() => {
    if (!credential) return;
    let on = true;
    request<SessionReport>(`/api/sessions/${enc(sessionId)}/report`, { credential }).then(
      (value) => on && setReport(value),
      (caught: unknown) => on && setError(caught),
    );
    return () => {
      on = false;
    };
  }, [sessionId, credential]);

  useEffect(() => {
    if (report)
      document.title = `${REPORT_WORDS[i18n.language === 'da' ? 'da' : 'en'].report}: ${report.session.title} · ${t('app.name')}`;
    return () => {
      document.title = t('app.name');
    };
  }, [report, t, i18n.language]);

  if (state.status === 'noAccess') {
    return <BoardProblem title={t('workshop.noAccessTitle')} text={t('workshop.noAccessText')} />;
  }
  const back = workshopPath(workshopId);
  return (
    <div className="page">
      <AppHeader />
      <main id="main" className="tool-page report-page" data-testid="session-report">
        <div className="row report-toolbar no-print">
          <a className="button button-ghost button-small" href={back} onClick={(e) => handleLinkClick(e, back)}>
            <Icon name="arrow" />
            {t('tools.back')}
          </a>
          {report && credential && <ReportActions report={report} credential={credential} />}
        </div>
        <WorkshopLoadNotice state={state} retry={retry} loadingText={t('report.loading')} />
        {error !== undefined && (
          <p className="notice notice-error" role="alert" data-testid="report-error">
            {t('report.loadError')} {apiErrorMessage(t, error)}
          </p>
        )}
        {!report && error === undefined && state.status === 'ready' && <p className="muted">{t('report.loading')}</p>}
        {report && <ReportBody report={report} />}
      </main>
    </div>
  );
}

function ReportActions({ report, credential }: { report: SessionReport; credential: Credential }) {
  const { t } = useTranslation();
  const [failure, setFailure] = useState<string>();
  const id = enc(report.session.id);
  const save = (path: string, extension: string) =>
    downloadFile(path, `${report.session.title}.${extension}`, credential).catch((caught: unknown) =>
      setFailure(apiErrorMessage(t, caught)),
    );
  return (
    <div className="report-actions">
      <button type="button" className="button button-primary button-small" onClick={() => window.print()}>
        {t('report.print')}
      </button>
      <button
        type="button"
        className="button button-small"
        data-testid="report-docx"
        onClick={() => save(`/api/sessions/${id}/report.docx`, 'docx')}
      >
        {t('report.docx')}
      </button>
      {report.session.date && (
        <button
          type="button"
          className="button button-small"
          onClick={() => save(`/api/sessions/${id}/calendar.ics`, 'ics')}
        >
          {t('report.calendar')}
        </button>
      )}
      {failure && (
        <span className="notice notice-error" role="alert">
          {failure}
        </span>
      )}
    </div>
  );
}
