import {
  type FollowUpStatus,
  type FollowUpView,
  type PulseView,
  publishedDocId,
  readAfterDecision,
  readPublished,
  sourceKey,
} from '@samle/shared';
import type { Relay } from '../sync/Relay.js';

/** The words of the follow-up and pulse parts of the catalog's exports, in the workshop's language. */
export const afterDecisionWords = {
  da: {
    heading: 'Opfølgning og effektmåling',
    idea: 'Idé',
    status: { not_started: 'Ikke startet', in_progress: 'I gang', done: 'Gennemført', dropped: 'Opgivet' },
    statusLabel: 'Status',
    progress: 'Fremdrift (%)',
    owner: 'Ansvarlig',
    milestones: 'Milepæle',
    nextMilestone: 'Næste milepæl',
    latest: 'Seneste opdatering',
    pulse: (from: string, to: string) => `Effektmåling ${from}–${to}`,
    pulseLabel: 'Effektmåling',
    happened: 'Skete det?',
    helped: 'Hjalp det?',
    answersLabel: 'Svar',
    answers: (n: number) => (n === 1 ? '1 svar' : `${n} svar`),
    sources: 'Kilder',
    none: 'Ingen opfølgning endnu.',
    decimal: ',',
  },
  en: {
    heading: 'Follow-up and impact',
    idea: 'Idea',
    status: { not_started: 'Not started', in_progress: 'In progress', done: 'Done', dropped: 'Dropped' },
    statusLabel: 'Status',
    progress: 'Progress (%)',
    owner: 'Owner',
    milestones: 'Milestones',
    nextMilestone: 'Next milestone',
    latest: 'Latest update',
    pulse: (from: string, to: string) => `Impact pulse ${from}–${to}`,
    pulseLabel: 'Impact pulse',
    happened: 'Did it happen?',
    helped: 'Did it help?',
    answersLabel: 'Answers',
    answers: (n: number) => (n === 1 ? '1 answer' : `${n} answers`),
    sources: 'Sources',
    none: 'No follow-up yet.',
    decimal: '.',
  },
} as const;

export type AfterDecisionWords = (typeof afterDecisionWords)[keyof typeof afterDecisionWords];

/** One pulse's averages for one decision. */
export interface PulseFacts {
  opensOn: string;
  closesOn: string;
  answers: number;
  happened: number | null;
  helped: number | null;
}

/** What became of one published decision: its follow-up, its pulses, and where the idea came from. */
export interface DecisionAfterFacts {
  ideaId: string;
  title: string;
  followUp: FollowUpView | null;
  pulses: PulseFacts[];
  /** "Employee day 1, Table 2", each place once. */
  places: string[];
}

/** The published decisions that have a follow-up or a pulse, in the published order. */
export async function afterDecisionFacts(relay: Relay, workshopId: string): Promise<DecisionAfterFacts[]> {
  const { published, followUps, pulses } = await relay.read(publishedDocId(workshopId), (doc) => ({
    published: readPublished(doc),
    ...readAfterDecision(doc),
  }));
  const facts: DecisionAfterFacts[] = [];
  for (const idea of published?.ideas ?? []) {
    if (!idea.assessment?.decision) continue;
    const followUp = followUps.find((f) => f.ideaId === idea.id) ?? null;
    const ideaPulses = pulses.filter((p: PulseView) => p.ideaIds.includes(idea.id));
    if (!followUp && ideaPulses.length === 0) continue;
    const places = [...new Map(idea.provenance.map((s) => [sourceKey(s), s])).values()].map((s) =>
      [s.sessionTitle, s.tableName ?? s.boardTitle].filter(Boolean).join(', '),
    );
    facts.push({
      ideaId: idea.id,
      title: idea.title,
      followUp,
      pulses: ideaPulses.map((p) => {
        const r = p.results[idea.id];
        return {
          opensOn: p.opensOn,
          closesOn: p.closesOn,
          answers: r?.answers ?? 0,
          happened: r?.happened ?? null,
          helped: r?.helped ?? null,
        };
      }),
      places: [...new Set(places)],
    });
  }
  return facts;
}

/** An average with two decimals in the workshop's notation ("4,00"), or "–". */
export function average(w: AfterDecisionWords, value: number | null): string {
  return value === null ? '–' : value.toFixed(2).replace('.', w.decimal);
}

export function statusText(w: AfterDecisionWords, followUp: FollowUpView): string {
  return w.status[followUp.status as FollowUpStatus] ?? followUp.status;
}

/** "Skete det? 4,00 · Hjalp det? 3,00 (3 svar)". */
export function pulseScores(w: AfterDecisionWords, pulse: PulseFacts): string {
  return `${w.happened} ${average(w, pulse.happened)} · ${w.helped} ${average(w, pulse.helped)} (${w.answers(pulse.answers)})`;
}

/** The first milestone not done yet: "2027-05-01 Telefonnummer klar". */
export function nextMilestone(followUp: FollowUpView | null): string {
  const next = followUp?.milestones.find((m) => !m.done);
  return next ? `${next.date} ${next.title}` : '';
}

/** "(2027-02-01, Direktør Dorthe): Projektgruppen er nedsat". */
export function latestUpdate(followUp: FollowUpView | null): string {
  const latest = followUp?.log[followUp.log.length - 1];
  return latest ? `(${new Date(latest.at).toISOString().slice(0, 10)}, ${latest.by}): ${latest.text}` : '';
}
