import { type FollowUpStatus, publishedDocId, readAfterDecision, readPublished, sourceKey } from '@samle/shared';
import type { Relay } from '../sync/Relay.js';

const words = {
  da: {
    heading: 'Opfølgning og effektmåling',
    status: { not_started: 'Ikke startet', in_progress: 'I gang', done: 'Gennemført', dropped: 'Opgivet' },
    owner: 'Ansvarlig',
    milestones: 'Milepæle',
    latest: 'Seneste opdatering',
    pulse: (from: string, to: string) => `Effektmåling ${from}–${to}`,
    happened: 'Skete det?',
    helped: 'Hjalp det?',
    answers: (n: number) => (n === 1 ? '1 svar' : `${n} svar`),
    sources: 'Kilder',
    none: 'Ingen opfølgning endnu.',
    decimal: ',',
  },
  en: {
    heading: 'Follow-up and impact',
    status: { not_started: 'Not started', in_progress: 'In progress', done: 'Done', dropped: 'Dropped' },
    owner: 'Owner',
    milestones: 'Milestones',
    latest: 'Latest update',
    pulse: (from: string, to: string) => `Impact pulse ${from}–${to}`,
    happened: 'Did it happen?',
    helped: 'Did it help?',
    answers: (n: number) => (n === 1 ? '1 answer' : `${n} answers`),
    sources: 'Sources',
    none: 'No follow-up yet.',
    decimal: '.',
  },
} as const;

/**
 * The follow-up and pulse results of the published decisions as a Markdown section,
 * appended to the catalog's Markdown export: per idea its status, progress, owner,
 * milestones and latest update, each pulse's averages, and where the idea came from.
 */
export async function afterDecisionMarkdown(relay: Relay, workshopId: string, language: 'da' | 'en'): Promise<string> {
  const w = words[language];
  const { published, followUps, pulses } = await relay.read(publishedDocId(workshopId), (doc) => ({
    published: readPublished(doc),
    ...readAfterDecision(doc),
  }));
  const ideas = (published?.ideas ?? []).filter((idea) => idea.assessment?.decision);
  const number = (value: number | null) => (value === null ? '–' : value.toFixed(2).replace('.', w.decimal));
  const lines = ['', `## ${w.heading}`, ''];
  let any = false;
  for (const idea of ideas) {
    const followUp = followUps.find((f) => f.ideaId === idea.id);
    const ideaPulses = pulses.filter((p) => p.ideaIds.includes(idea.id));
    if (!followUp && ideaPulses.length === 0) continue;
    any = true;
    lines.push(`### ${idea.title}`, '');
    if (followUp) {
      const status = w.status[followUp.status as FollowUpStatus] ?? followUp.status;
      lines.push(`- ${status}, ${followUp.percent} %${followUp.owner ? ` · ${w.owner}: ${followUp.owner}` : ''}`);
      for (const m of followUp.milestones)
        lines.push(`- ${w.milestones}: ${m.done ? '[x]' : '[ ]'} ${m.date} ${m.title}`);
      const latest = followUp.log[followUp.log.length - 1];
      if (latest)
        lines.push(`- ${w.latest} (${new Date(latest.at).toISOString().slice(0, 10)}, ${latest.by}): ${latest.text}`);
    }
    for (const pulse of ideaPulses) {
      const r = pulse.results[idea.id];
      lines.push(
        `- ${w.pulse(pulse.opensOn, pulse.closesOn)}: ${w.happened} ${number(r?.happened ?? null)} · ${w.helped} ${number(r?.helped ?? null)} (${w.answers(r?.answers ?? 0)})`,
      );
    }
    const places = [...new Map(idea.provenance.map((s) => [sourceKey(s), s])).values()].map((s) =>
      [s.sessionTitle, s.tableName ?? s.boardTitle].filter(Boolean).join(', '),
    );
    if (places.length > 0) lines.push(`- ${w.sources}: ${[...new Set(places)].join(' · ')}`);
    lines.push('');
  }
  if (!any) lines.push(w.none, '');
  return lines.join('\n');
}
