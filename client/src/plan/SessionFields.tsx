import { type PlanWarning, SESSION_KINDS, type Session, type SessionKind, type UpdateSessionBody } from '@samle/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CommitField } from './CommitField';
import { timeProblem, titleProblem } from './planModel';

/** One session's title, kind, date, start time and place; its warnings; removing it (confirmed). */
export function SessionFields(props: {
  session: Session;
  sessions: Session[];
  warnings: PlanWarning[];
  busy: boolean;
  onChange: (patch: UpdateSessionBody) => void;
  onRemove: () => void;
}) {
  const { session, sessions, warnings, busy, onChange, onRemove } = props;
  const { t } = useTranslation();
  const [confirming, setConfirming] = useState(false);
  const leadership = session.kind === 'leadership';
  // Leadership boards are private to leaders: a session cannot switch across that line (the server refuses).
  const kinds = SESSION_KINDS.filter((kind) => (kind === 'leadership') === leadership);
  const problem = (key: string | undefined) => (key ? t(`plan.problems.${key}` as 'plan.problems.time') : undefined);
  const titleOf = (id: string) => sessions.find((s) => s.id === id)?.title ?? '';

  return (
    <section className="panel plan-session-fields" aria-labelledby={`plan-session-${session.id}`}>
      <div className="panel-head">
        <h2 id={`plan-session-${session.id}`} className="panel-title">
          {session.title}
        </h2>
      </div>
      {warnings.length > 0 && (
        <ul className="plan-warnings" data-testid="plan-warnings">
          {warnings.map((warning) => (
            <li
              key={`${warning.code}:${'otherSessionId' in warning ? warning.otherSessionId : ''}`}
              data-code={warning.code}
            >
              {t(`plan.warnings.${warning.code}`, {
                other: 'otherSessionId' in warning ? titleOf(warning.otherSessionId) : '',
              })}
            </li>
          ))}
        </ul>
      )}
      <div className="plan-fields-grid">
        <CommitField
          className="plan-wide"
          label={t('plan.sessionTitle')}
          value={session.title}
          problem={(value) => problem(titleProblem(value))}
          onCommit={(title) => onChange({ title })}
          testId="plan-session-title"
        />
        <div className="field">
          <label className="field-label" htmlFor={`session-kind-${session.id}`}>
            {t('plan.kind')}
          </label>
          <select
            id={`session-kind-${session.id}`}
            className="select"
            value={session.kind}
            disabled={kinds.length < 2}
            data-testid="plan-session-kind"
            onChange={(event) => onChange({ kind: event.target.value as SessionKind })}
          >
            {kinds.map((kind) => (
              <option key={kind} value={kind}>
                {t(`sessionKinds.${kind}`)}
              </option>
            ))}
          </select>
        </div>
        <CommitField
          label={t('plan.date')}
          type="date"
          value={session.date ?? ''}
          onCommit={(date) => onChange({ date: date || null })}
          testId="plan-session-date"
        />
        <CommitField
          label={t('plan.startTime')}
          type="time"
          value={session.startTime ?? ''}
          problem={(value) => problem(timeProblem(value))}
          onCommit={(startTime) => onChange({ startTime: startTime || null })}
          testId="plan-session-start"
        />
        <CommitField
          className="plan-wide"
          label={t('plan.place')}
          value={session.place}
          placeholder={t('plan.placePlaceholder')}
          onCommit={(place) => onChange({ place })}
          testId="plan-session-place"
        />
      </div>
      <div className="plan-danger">
        {session.status !== 'planned' ? (
          <p className="muted">{t('plan.removeSessionOnlyPlanned')}</p>
        ) : confirming ? (
          <div className="confirm-row" role="alert">
            <p>{t('plan.removeSessionConfirm', { title: session.title })}</p>
            <div className="confirm-actions">
              <button
                type="button"
                className="button button-danger"
                data-testid="plan-remove-session-confirm"
                disabled={busy}
                onClick={() => {
                  setConfirming(false);
                  onRemove();
                }}
              >
                {t('plan.removeSessionYes')}
              </button>
              <button type="button" className="button" onClick={() => setConfirming(false)}>
                {t('plan.cancel')}
              </button>
            </div>
          </div>
        ) : (
          <button
            type="button"
            className="button button-ghost button-danger-text"
            data-testid="plan-remove-session"
            disabled={busy || sessions.length <= 1}
            onClick={() => setConfirming(true)}
          >
            {t('plan.removeSession')}
          </button>
        )}
      </div>
    </section>
  );
}
