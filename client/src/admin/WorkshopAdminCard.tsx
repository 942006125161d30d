import type { AdminLink, AdminWorkshop } from '@samle/shared';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { handleLinkClick } from '../routing/navigation';
import { workshopPath } from '../routing/routes';
import { useDateFormat, useDayFormat } from '../ui/useDateFormat';
import { cofacilitatorLink, deleteWorkshop, setArchived, setRetention, workshopExportUrl } from './adminApi';
import { adminErrorMessage } from './adminErrors';
import { LinkBox } from './LinkBox';

/** One workshop in the administration list: its state and what its facilitator can do with it. */
export function WorkshopAdminCard({
  workshop,
  onChanged,
}: {
  workshop: AdminWorkshop;
  onChanged: (notice?: string) => void;
}) {
  const { t } = useTranslation();
  const formatDate = useDateFormat();
  const formatDay = useDayFormat();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const [invite, setInvite] = useState<AdminLink | null>(null);
  const [retention, setRetentionDay] = useState(workshop.retainUntil ?? '');
  const [saved, setSaved] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const [confirmTitle, setConfirmTitle] = useState('');
  const titleId = `admin-workshop-${workshop.id}`;

  const run = async (work: () => Promise<void>) => {
    setBusy(true);
    setError(undefined);
    setSaved(false);
    try {
      await work();
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };

  const saveRetention = (event: FormEvent, day: string | null) => {
    event.preventDefault();
    void run(async () => {
      const state = await setRetention(workshop.id, day);
      setRetentionDay(state.retainUntil ?? '');
      setSaved(true);
      onChanged();
    });
  };

  const onDelete = (event: FormEvent) => {
    event.preventDefault();
    void run(async () => {
      await deleteWorkshop(workshop.id, confirmTitle);
      onChanged(t('admin.deleted', { title: workshop.title }));
    });
  };

  const { planned, open, ended } = workshop.sessions;
  return (
    <li className="card admin-workshop" aria-labelledby={titleId} data-testid="admin-workshop">
      <div className="admin-workshop-head">
        <div>
          <h3 id={titleId} className="admin-workshop-title">
            <a href={workshopPath(workshop.id)} onClick={(e) => handleLinkClick(e, workshopPath(workshop.id))}>
              {workshop.title}
            </a>
          </h3>
          <p className="muted admin-meta">
            {[workshop.organisation, t('admin.created', { date: formatDate(workshop.createdAt) })]
              .filter(Boolean)
              .join(' · ')}
          </p>
        </div>
        <p className="admin-pills">
          <span className="status-pill">{t('admin.sessions', { planned, open, ended })}</span>
          {workshop.archivedAt && (
            <span className="status-pill admin-pill-archived">
              {t('admin.archivedOn', { date: formatDate(workshop.archivedAt) })}
            </span>
          )}
        </p>
      </div>
      <p className="admin-meta">{t('admin.facilitators', { names: workshop.facilitators.join(', ') })}</p>
      {workshop.purgeSoon && workshop.retainUntil && (
        <p className="notice notice-warning" role="note">
          {t('admin.purgeSoon', { date: formatDay(workshop.retainUntil) })}
        </p>
      )}

      <form className="admin-retention" onSubmit={(e) => saveRetention(e, retention || null)}>
        <label className="field-label" htmlFor={`${titleId}-retain`}>
          {t('admin.retentionLabel')}
        </label>
        <div className="admin-row">
          <input
            id={`${titleId}-retain`}
            className="text-input admin-date"
            type="date"
            value={retention}
            aria-describedby={`${titleId}-retain-hint`}
            onChange={(e) => setRetentionDay(e.target.value)}
          />
          <button type="submit" className="button" disabled={busy || !retention}>
            {t('admin.retentionSave')}
          </button>
          {workshop.retainUntil && (
            <button
              type="button"
              className="button button-ghost"
              disabled={busy}
              onClick={(e) => saveRetention(e, null)}
            >
              {t('admin.retentionClear')}
            </button>
          )}
          {saved && <span role="status">{t('admin.retentionSaved')}</span>}
        </div>
        <p id={`${titleId}-retain-hint`} className="field-hint">
          {workshop.retainUntil ? t('admin.retentionHint') : `${t('admin.retentionNone')} ${t('admin.retentionHint')}`}
        </p>
      </form>

      <div className="admin-actions">
        <a className="button" href={workshopExportUrl(workshop.id)} download>
          {t('admin.exportZip')}
        </a>
        <button
          type="button"
          className="button"
          disabled={busy}
          onClick={() => void run(async () => setInvite(await cofacilitatorLink(workshop.id)))}
        >
          {t('admin.invite')}
        </button>
        <button
          type="button"
          className="button"
          disabled={busy}
          onClick={() =>
            void run(async () => {
              await setArchived(workshop.id, workshop.archivedAt === null);
              onChanged();
            })
          }
        >
          {workshop.archivedAt ? t('admin.unarchive') : t('admin.archive')}
        </button>
        <button
          type="button"
          className="button button-quiet-danger"
          aria-expanded={deleting}
          onClick={() => setDeleting(!deleting)}
        >
          {t('admin.delete')}
        </button>
      </div>
      {invite && (
        <LinkBox
          path={invite.path}
          text={t('admin.inviteMade', { date: formatDate(invite.expiresAt) })}
          testId="cofacilitator-link"
        />
      )}
      {deleting && (
        <form
          className="admin-delete"
          onSubmit={onDelete}
          aria-label={t('admin.deleteTitle', { title: workshop.title })}
        >
          <h4>{t('admin.deleteTitle', { title: workshop.title })}</h4>
          <p>{t('admin.deleteText')}</p>
          <p>
            <a className="button" href={workshopExportUrl(workshop.id)} download>
              {t('admin.deleteExportFirst')}
            </a>
          </p>
          <label className="field-label" htmlFor={`${titleId}-confirm`}>
            {t('admin.deleteConfirmLabel')}
          </label>
          <div className="admin-row">
            <input
              id={`${titleId}-confirm`}
              className="text-input"
              value={confirmTitle}
              autoComplete="off"
              onChange={(e) => setConfirmTitle(e.target.value)}
            />
            <button
              type="submit"
              className="button button-danger"
              disabled={busy || confirmTitle.trim() !== workshop.title.trim()}
            >
              {t('admin.deleteConfirm')}
            </button>
            <button type="button" className="button button-ghost" onClick={() => setDeleting(false)}>
              {t('admin.cancel')}
            </button>
          </div>
        </form>
      )}
      {error !== undefined && (
        <p className="field-error" role="alert">
          {adminErrorMessage(t, error)}
        </p>
      )}
    </li>
  );
}
