import {
  FOLLOW_UP_STATUSES,
  type FollowUpStatus,
  type FollowUpView,
  MILESTONES_MAX,
  type Milestone,
} from '@samle/shared';
import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { apiErrorMessage } from '../api/errorMessage';
import type { Credential } from '../api/http';
import { updateFollowUp } from './followUpApi';

type Draft = Omit<Milestone, 'id'> & { key: number };

/** Leaders and the facilitator update a decision's follow-up: one form, one command, one line in the log. */
export function FollowUpEditor({
  workshopId,
  ideaId,
  title,
  current,
  credential,
  onDone,
}: {
  workshopId: string;
  ideaId: string;
  title: string;
  current: FollowUpView | undefined;
  credential: Credential;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [status, setStatus] = useState<FollowUpStatus>(current?.status ?? 'in_progress');
  const [percent, setPercent] = useState(String(current?.percent ?? 0));
  const [owner, setOwner] = useState(current?.owner ?? '');
  const [milestones, setMilestones] = useState<Draft[]>(
    (current?.milestones ?? []).map((m, key) => ({ key, title: m.title, date: m.date, done: m.done })),
  );
  const [text, setText] = useState('');
  const [error, setError] = useState<string>();
  const [saving, setSaving] = useState(false);

  const change = (key: number, patch: Partial<Draft>) =>
    setMilestones((list) => list.map((m) => (m.key === key ? { ...m, ...patch } : m)));

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!text.trim()) {
      setError(t('followUp.textRequired'));
      return;
    }
    setSaving(true);
    setError(undefined);
    try {
      await updateFollowUp(
        workshopId,
        ideaId,
        {
          text: text.trim(),
          status,
          percent: Math.max(0, Math.min(100, Math.round(Number(percent) || 0))),
          owner: owner.trim(),
          milestones: milestones
            .filter((m) => m.title.trim() && m.date)
            .map((m) => ({ title: m.title.trim(), date: m.date, done: m.done })),
        },
        credential,
      );
      onDone();
    } catch (caught) {
      setError(t('followUp.saveError', { reason: apiErrorMessage(t, caught) }));
      setSaving(false);
    }
  }

  return (
    <form className="follow-up-editor" onSubmit={submit} aria-labelledby={`${id}-title`} data-testid="follow-up-editor">
      <h4 id={`${id}-title`} className="follow-up-subhead">
        {t('followUp.editTitle', { title })}
      </h4>
      <div className="follow-up-fields">
        <label className="field">
          <span className="field-label">{t('followUp.statusLabel')}</span>
          <select
            className="text-input"
            value={status}
            onChange={(e) => setStatus(e.target.value as FollowUpStatus)}
            data-testid="follow-up-status-input"
          >
            {FOLLOW_UP_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`followUp.status.${s}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span className="field-label">{t('followUp.percentLabel')}</span>
          <input
            className="text-input"
            type="number"
            min={0}
            max={100}
            step={5}
            value={percent}
            onChange={(e) => setPercent(e.target.value)}
            data-testid="follow-up-percent-input"
          />
        </label>
        <label className="field">
          <span className="field-label">{t('followUp.ownerLabel')}</span>
          <input className="text-input" value={owner} maxLength={200} onChange={(e) => setOwner(e.target.value)} />
        </label>
      </div>
      <fieldset className="milestone-editor">
        <legend className="field-label">{t('followUp.milestones')}</legend>
        {milestones.map((m) => (
          <div key={m.key} className="milestone-row" data-testid="milestone-row">
            <input
              className="text-input"
              aria-label={t('followUp.milestoneTitle')}
              value={m.title}
              maxLength={200}
              onChange={(e) => change(m.key, { title: e.target.value })}
              data-testid="milestone-title"
            />
            <input
              className="text-input"
              type="date"
              aria-label={t('followUp.milestoneDate')}
              value={m.date}
              onChange={(e) => change(m.key, { date: e.target.value })}
              data-testid="milestone-date"
            />
            <label className="milestone-done">
              <input type="checkbox" checked={m.done} onChange={(e) => change(m.key, { done: e.target.checked })} />
              {t('followUp.milestoneReached')}
            </label>
            <button
              type="button"
              className="button button-ghost button-small"
              aria-label={t('followUp.removeMilestone', { title: m.title })}
              onClick={() => setMilestones((list) => list.filter((x) => x.key !== m.key))}
            >
              ✕
            </button>
          </div>
        ))}
        {milestones.length < MILESTONES_MAX && (
          <button
            type="button"
            className="button button-small"
            data-testid="add-milestone"
            onClick={() => setMilestones((list) => [...list, { key: Date.now(), title: '', date: '', done: false }])}
          >
            {t('followUp.addMilestone')}
          </button>
        )}
      </fieldset>
      <label className="field">
        <span className="field-label">{t('followUp.textLabel')}</span>
        <input
          className="text-input"
          value={text}
          maxLength={500}
          onChange={(e) => setText(e.target.value)}
          data-testid="follow-up-text"
          aria-invalid={error === t('followUp.textRequired')}
        />
      </label>
      {error && (
        <p className="notice notice-error" role="alert">
          {error}
        </p>
      )}
      <div className="follow-up-actions">
        <button type="submit" className="button button-primary" disabled={saving} data-testid="follow-up-save">
          {saving ? t('followUp.saving') : t('followUp.save')}
        </button>
        <button type="button" className="button button-ghost" onClick={onDone}>
          {t('followUp.cancel')}
        </button>
      </div>
    </form>
  );
}
