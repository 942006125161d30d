import {
  type Decision,
  type FollowUpView,
  type PulseView,
  publishedDocId,
  pulseIsOpen,
  type Role,
  readAfterDecision,
  workshopToday,
} from '@samle/shared';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { syncToken } from '../api/credentials';
import type { Credential } from '../api/http';
import { useLiveDoc } from '../sync/useLiveDoc';
import { FollowUpEditor } from './FollowUpEditor';
import { FollowUpTimeline } from './FollowUpTimeline';
import { answeredPulses } from './followUpApi';
import { PulseForm } from './PulseForm';
import { PulseScheduler } from './PulseScheduler';
import { loadSeen, markSeen, type SeenMarks } from './seenMarks';
import './followup.css';

/** How long a new update stays marked while on screen before it counts as seen. */
const SEEN_AFTER_MS = 4000;

export interface DecidedIdea {
  id: string;
  title: string;
  decision: Decision;
}

/** The published ideas that carry a decision, in the order given. */
export function decidedIdeas(
  ideas: ReadonlyArray<{ id: string; title: string; assessment: { decision: Decision | null } | null }>,
): DecidedIdea[] {
  return ideas.flatMap((idea) =>
    idea.assessment?.decision ? [{ id: idea.id, title: idea.title, decision: idea.assessment.decision }] : [],
  );
}

const storage = () => (typeof localStorage === 'undefined' ? undefined : localStorage);

/**
 * Below the published catalog: what became of each decision (follow-up timeline,
 * pulse results), the open impact pulse for participants and leaders, and for
 * leaders and the facilitator the editor (and for the facilitator the scheduler).
 * Live from the published document.
 */
export function AfterDecisionSection({
  workshopId,
  credential,
  role,
  ideas,
}: {
  workshopId: string;
  credential: Credential;
  role: Role;
  ideas: readonly DecidedIdea[];
}) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language === 'da' ? 'da-DK' : 'en-GB';
  const live = useLiveDoc(publishedDocId(workshopId), syncToken(credential), readAfterDecision);
  const [seen, setSeen] = useState<SeenMarks>(() => loadSeen(storage(), workshopId));
  const [answered, setAnswered] = useState<ReadonlySet<string>>(new Set());
  const [editing, setEditing] = useState<string>();
  const mayEdit = role === 'leader' || role === 'facilitator';
  const mayAnswer = role === 'leader' || role === 'participant';

  useEffect(() => {
    if (!mayAnswer) return;
    let on = true;
    answeredPulses(workshopId, credential).then(
      ({ answered: ids }) => on && setAnswered(new Set(ids)),
      (error: unknown) => console.warn('Could not load which pulses you answered', error),
    );
    return () => {
      on = false;
    };
  }, [workshopId, credential, mayAnswer]);

  if (live.status !== 'ready' || ideas.length === 0) return null;
  const { followUps, pulses } = live.value;
  const byIdea = new Map(followUps.map((f) => [f.ideaId, f]));
  const titles = new Map(ideas.map((i) => [i.id, i.title]));
  const today = workshopToday(Date.now());
  const open = pulses.find(
    (p) => pulseIsOpen(p, today) && !answered.has(p.id) && p.ideaIds.some((id) => titles.has(id)),
  );
  const dateText = (date: string) =>
    new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(Date.parse(`${date}T12:00:00Z`));
  const shown = ideas.filter((i) => byIdea.has(i.id) || mayEdit || pulses.some((p) => p.ideaIds.includes(i.id)));

  return (
    <section className="after-decision" aria-labelledby="after-decision-title" data-testid="after-decision">
      <h2 id="after-decision-title" className="after-decision-title">
        {t('followUp.sectionTitle')}
      </h2>
      <p className="muted">{t('followUp.sectionIntro')}</p>
      {open && mayAnswer && (
        <PulseForm
          workshopId={workshopId}
          pulse={open}
          titles={titles}
          credential={credential}
          until={dateText(open.closesOn)}
          onAnswered={() => setAnswered(new Set([...answered, open.id]))}
        />
      )}
      {answered.size > 0 && !open && mayAnswer && pulses.some((p) => answered.has(p.id) && pulseIsOpen(p, today)) && (
        <p className="notice" role="status" data-testid="pulse-thanks">
          {t('pulse.thanks')}
        </p>
      )}
      {shown.length === 0 && <p className="muted">{t('followUp.none')}</p>}
      <div className="after-decision-list">
        {shown.map((idea) => (
          <DecisionFollowUp
            key={idea.id}
            idea={idea}
            followUp={byIdea.get(idea.id)}
            pulses={pulses.filter((p) => p.ideaIds.includes(idea.id))}
            seen={seen[idea.id]}
            locale={locale}
            onSeen={(at) => setSeen((marks) => markSeen(storage(), workshopId, marks, idea.id, at))}
            editor={
              mayEdit && editing === idea.id ? (
                <FollowUpEditor
                  workshopId={workshopId}
                  ideaId={idea.id}
                  title={idea.title}
                  current={byIdea.get(idea.id)}
                  credential={credential}
                  onDone={() => setEditing(undefined)}
                />
              ) : null
            }
            onEdit={mayEdit && editing !== idea.id ? () => setEditing(idea.id) : undefined}
            dateText={dateText}
          />
        ))}
      </div>
      {role === 'facilitator' && <PulseScheduler workshopId={workshopId} decisions={ideas} credential={credential} />}
    </section>
  );
}

function DecisionFollowUp({
  idea,
  followUp,
  pulses,
  seen,
  locale,
  onSeen,
  editor,
  onEdit,
  dateText,
}: {
  idea: DecidedIdea;
  followUp: FollowUpView | undefined;
  pulses: PulseView[];
  seen: number | undefined;
  locale: string;
  onSeen: (at: number) => void;
  editor: React.ReactNode;
  onEdit: (() => void) | undefined;
  dateText: (date: string) => string;
}) {
  const { t } = useTranslation();
  const ref = useRef<HTMLElement>(null);
  // The latest callback, without restarting the on-screen timer on every render.
  const seenRef = useRef(onSeen);
  seenRef.current = onSeen;
  const updatedAt = followUp?.updatedAt;
  const fresh = updatedAt !== undefined && (seen === undefined || updatedAt > seen);

  // A new update counts as seen once it has been on screen for a moment.
  useEffect(() => {
    const element = ref.current;
    if (!fresh || !element || updatedAt === undefined) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const observer = new IntersectionObserver(([entry]) => {
      if (entry?.isIntersecting) timer ??= setTimeout(() => seenRef.current(updatedAt), SEEN_AFTER_MS);
      else if (timer) {
        clearTimeout(timer);
        timer = undefined;
      }
    });
    observer.observe(element);
    return () => {
      observer.disconnect();
      if (timer) clearTimeout(timer);
    };
  }, [fresh, updatedAt]);

  const number = (value: number | null) =>
    value === null ? '–' : new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(value);
  return (
    <article
      ref={ref}
      className={fresh ? 'decision-follow-up is-new' : 'decision-follow-up'}
      data-testid="decision-follow-up"
      data-idea-id={idea.id}
      data-new={fresh ? 'true' : 'false'}
    >
      <header className="decision-follow-up-head">
        <h3>{idea.title}</h3>
        <span className="decision-pill" data-decision={idea.decision}>
          <span className="decision-dot" aria-hidden="true" />
          {t(`leaders.decisions.${idea.decision}`)}
        </span>
        {fresh && (
          <span className="new-tag" data-testid="new-since-visit">
            {t('followUp.newSince')}
          </span>
        )}
      </header>
      {followUp && <FollowUpTimeline followUp={followUp} seen={seen} locale={locale} />}
      {pulses.map((pulse) => {
        const r = pulse.results[idea.id];
        if (!r || r.answers === 0) {
          return pulse.opensOn > workshopToday(Date.now()) ? (
            <p key={pulse.id} className="pulse-upcoming muted">
              {t('pulse.title')} · {t('pulse.upcoming', { date: dateText(pulse.opensOn) })}
            </p>
          ) : null;
        }
        return (
          <div key={pulse.id} className="pulse-result" data-testid="pulse-result">
            <span className="pulse-result-label">{t('pulse.title')}</span>
            <span className="pulse-score" data-testid="pulse-happened">
              {t('pulse.happened')} <strong>{number(r.happened)}</strong>
            </span>
            <span className="pulse-score" data-testid="pulse-helped">
              {t('pulse.helped')} <strong>{number(r.helped)}</strong>
            </span>
            <span className="muted">{t('pulse.answers', { count: r.answers })}</span>
          </div>
        );
      })}
      {editor}
      {onEdit && (
        <button type="button" className="button button-small no-print" onClick={onEdit} data-testid="follow-up-edit">
          {t('followUp.edit')}
        </button>
      )}
    </article>
  );
}
