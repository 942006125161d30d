import type { PulseView } from '@samle/shared';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { apiErrorMessage } from '../api/errorMessage';
import type { Credential } from '../api/http';
import { answerPulse } from './followUpApi';

type Answers = Record<string, { happened?: number; helped?: number; comment: string }>;

/** "Did it happen?" and "Did it help?" 1–5 per decision, with a comment; sent once. */
export function PulseForm({
  workshopId,
  pulse,
  titles,
  credential,
  until,
  onAnswered,
}: {
  workshopId: string;
  pulse: PulseView;
  titles: ReadonlyMap<string, string>;
  credential: Credential;
  until: string;
  onAnswered: () => void;
}) {
  const { t } = useTranslation();
  const [answers, setAnswers] = useState<Answers>({});
  const [error, setError] = useState<string>();
  const [sending, setSending] = useState(false);
  const ideaIds = pulse.ideaIds.filter((id) => titles.has(id));
  const set = (ideaId: string, patch: Partial<Answers[string]>) =>
    setAnswers((all) => ({ ...all, [ideaId]: { comment: '', ...all[ideaId], ...patch } }));

  async function submit(event: FormEvent) {
    event.preventDefault();
    const complete = ideaIds.every((id) => answers[id]?.happened && answers[id]?.helped);
    if (!complete) {
      setError(t('pulse.answerAll'));
      return;
    }
    setSending(true);
    setError(undefined);
    try {
      await answerPulse(
        workshopId,
        pulse.id,
        {
          answers: ideaIds.map((ideaId) => {
            const a = answers[ideaId];
            return {
              ideaId,
              happened: a?.happened ?? 1,
              helped: a?.helped ?? 1,
              ...(a?.comment.trim() ? { comment: a.comment.trim() } : {}),
            };
          }),
        },
        credential,
      );
      onAnswered();
    } catch (caught) {
      setError(t('pulse.sendError', { reason: apiErrorMessage(t, caught) }));
      setSending(false);
    }
  }

  return (
    <form className="pulse-form panel" id="pulse" onSubmit={submit} data-testid="pulse-form">
      <p className="eyebrow">{t('pulse.title')}</p>
      <h2 className="pulse-title">{t('pulse.openTitle')}</h2>
      <p className="muted">{t('pulse.openIntro', { until })}</p>
      {ideaIds.map((ideaId) => (
        <fieldset key={ideaId} className="pulse-idea" data-testid="pulse-idea">
          <legend className="pulse-idea-title">{titles.get(ideaId)}</legend>
          {(['happened', 'helped'] as const).map((question) => (
            <div key={question} className="row pulse-question" role="radiogroup" aria-label={t(`pulse.${question}`)}>
              <span className="pulse-question-label">{t(`pulse.${question}`)}</span>
              <span className="pulse-scale">
                {[1, 2, 3, 4, 5].map((value) => (
                  <label key={value} className="pulse-choice" title={t('pulse.rating', { value })}>
                    <input
                      type="radio"
                      name={`${pulse.id}-${ideaId}-${question}`}
                      value={value}
                      checked={answers[ideaId]?.[question] === value}
                      onChange={() => set(ideaId, { [question]: value })}
                      data-testid={`pulse-${question}-${value}`}
                    />
                    <span>{value}</span>
                  </label>
                ))}
              </span>
            </div>
          ))}
          <label className="field pulse-comment">
            <span className="field-label">{t('pulse.comment')}</span>
            <input
              className="text-input"
              maxLength={1000}
              value={answers[ideaId]?.comment ?? ''}
              onChange={(e) => set(ideaId, { comment: e.target.value })}
            />
          </label>
        </fieldset>
      ))}
      <p className="field-hint">{t('pulse.scale')}</p>
      {error && (
        <p className="notice notice-error" role="alert">
          {error}
        </p>
      )}
      <button type="submit" className="button button-primary" disabled={sending} data-testid="pulse-send">
        {sending ? t('pulse.sending') : t('pulse.send')}
      </button>
    </form>
  );
}
