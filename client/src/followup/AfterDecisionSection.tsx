import { type Decision, type FollowUpView, type PulseView, pulseIsOpen, workshopToday } from '@samle/shared';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { FollowUpEditor } from './FollowUpEditor';
import { FollowUpTimeline } from './FollowUpTimeline';
import { PulseForm } from './PulseForm';
import { PulseScheduler } from './PulseScheduler';
import type { AfterDecisionState } from './useAfterDecision';
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

const dateTextIn = (locale: string) => (date: string) =>
  new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(Date.parse(`${date}T12:00:00Z`));

/**
 * Above the published catalog: what the page says about the decisions' after-life,
 * the open impact pulse for participants and leaders (and thanks once answered), and
 * for the facilitator the scheduler. Each decision's follow-up and pulse results sit
 * in its own card (DecisionAfter). Live from the published document.
 */
export function AfterDecisionSection({ state, ideas }: { state: AfterDecisionState; ideas: readonly DecidedIdea[] }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language === 'da' ? 'da-DK' : 'en-GB';
  const { live, answered, mayAnswer, workshopId, credential, role } = state;
  if (!live || ideas.length === 0) return null;
  const titles = new Map(ideas.map((i) => [i.id, i.title]));
  const today = workshopToday(Date.now());
  const open = live.pulses.find(
    (p) => pulseIsOpen(p, today) && !answered.has(p.id) && p.ideaIds.some((id) => titles.has(id)),
  );
  const thanks = !open && mayAnswer && live.pulses.some((p) => answered.has(p.id) && pulseIsOpen(p, today));
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
          until={dateTextIn(locale)(open.closesOn)}
          onAnswered={() => state.addAnswered(open.id)}
        />
      )}
      {thanks && (
        <p className="notice" role="status" data-testid="pulse-thanks">
          {t('pulse.thanks')}
        </p>
      )}
      {role === 'facilitator' && <PulseScheduler workshopId={workshopId} decisions={ideas} credential={credential} />}
    </section>
  );
}

/**
 * Inside a decision's card on the published catalog: its follow-up timeline, each
 * pulse's averages (or when the next one opens), the "new since your last visit" mark,
 * and for leaders and the facilitator the editor. Nothing for a decision nobody follows
 * yet, unless the reader may start following it.
 */
export function DecisionAfter({ state, idea }: { state: AfterDecisionState; idea: DecidedIdea }) {
  const { i18n } = useTranslation();
  const locale = i18n.language === 'da' ? 'da-DK' : 'en-GB';
  const { live, mayEdit, editing } = state;
  if (!live) return null;
  const followUp = live.followUps.find((f) => f.ideaId === idea.id);
  const today = workshopToday(Date.now());
  const pulses = live.pulses.filter((p) => p.ideaIds.includes(idea.id));
  // A pulse says something once answered, or as the date it opens; an open one without answers, nothing yet.
  const telling = pulses.some((p) => (p.results[idea.id]?.answers ?? 0) > 0 || p.opensOn > today);
  if (!followUp && !mayEdit && !telling) return null;
  return (
    <DecisionFollowUp
      idea={idea}
      followUp={followUp}
      pulses={pulses}
      seen={state.seen[idea.id]}
      locale={locale}
      onSeen={(at) => state.markSeen(idea.id, at)}
      editor={
        mayEdit && editing === idea.id ? (
          <FollowUpEditor
            workshopId={state.workshopId}
            ideaId={idea.id}
            title={idea.title}
            current={followUp}
            credential={state.credential}
            onDone={() => state.setEditing(undefined)}
          />
        ) : null
      }
      onEdit={mayEdit && editing !== idea.id ? () => state.setEditing(idea.id) : undefined}
      dateText={dateTextIn(locale)}
    />
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
      <header className="row decision-follow-up-head">
        <h4>{t('followUp.cardTitle')}</h4>
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
