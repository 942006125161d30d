import type { Relay } from '../sync/Relay.js';
import { afterDecisionFacts, afterDecisionWords, latestUpdate, pulseScores, statusText } from './afterDecisionFacts.js';

/**
 * The follow-up and pulse results of the published decisions as a Markdown section,
 * appended to the catalog's Markdown export: per idea its status, progress, owner,
 * milestones and latest update, each pulse's averages, and where the idea came from.
 */
export async function afterDecisionMarkdown(relay: Relay, workshopId: string, language: 'da' | 'en'): Promise<string> {
  const w = afterDecisionWords[language];
  const facts = await afterDecisionFacts(relay, workshopId);
  const lines = ['', `## ${w.heading}`, ''];
  for (const idea of facts) {
    const { followUp } = idea;
    lines.push(`### ${idea.title}`, '');
    if (followUp) {
      lines.push(
        `- ${statusText(w, followUp)}, ${followUp.percent} %${followUp.owner ? ` · ${w.owner}: ${followUp.owner}` : ''}`,
      );
      for (const m of followUp.milestones)
        lines.push(`- ${w.milestones}: ${m.done ? '[x]' : '[ ]'} ${m.date} ${m.title}`);
      const latest = latestUpdate(followUp);
      if (latest) lines.push(`- ${w.latest} ${latest}`);
    }
    for (const pulse of idea.pulses)
      lines.push(`- ${w.pulse(pulse.opensOn, pulse.closesOn)}: ${pulseScores(w, pulse)}`);
    if (idea.places.length > 0) lines.push(`- ${w.sources}: ${idea.places.join(' · ')}`);
    lines.push('');
  }
  if (facts.length === 0) lines.push(w.none, '');
  return lines.join('\n');
}
