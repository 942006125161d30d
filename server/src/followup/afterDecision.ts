import {
  addDays,
  type FollowUpUpdateBody,
  type FollowUpView,
  nextFollowUp,
  PULSE_DAYS_DEFAULT,
  type PublishedIdea,
  type PulseAnswerBody,
  type PulseIdeaResult,
  type PulseResultsReport,
  type PulseView,
  publishedDocId,
  pulseIsOpen,
  readFollowUp,
  readPublished,
  readPulses,
  type SchedulePulseBody,
  workshopToday,
  writeFollowUp,
  writePulse,
} from '@samle/shared';
import type { TokenService } from '../access/tokens.js';
import type { CommandLock } from '../cluster/commandLock.js';
import { ApiFailure } from '../errors.js';
import { newId } from '../ids.js';
import type { AfterDecisionStore, PulseAnswerRecord } from '../storage/contracts/afterDecisionTypes.js';
import type { Relay } from '../sync/Relay.js';

export interface AfterDecisionContext {
  relay: Relay;
  commands: CommandLock;
  store: AfterDecisionStore;
  tokens: TokenService;
}

/**
 * Follow-up and impact pulse commands. Both write the published catalog's document
 * (the server only), one command at a time per workshop on every instance, after
 * checking that each idea named is published with a decision: participants follow
 * what management decided, nothing else.
 */
function serially<T>(context: AfterDecisionContext, workshopId: string, work: () => Promise<T>): Promise<T> {
  const docId = publishedDocId(workshopId);
  return context.commands.run(`catalog:${workshopId}`, work, (id) => id === docId);
}

async function decidedIdeas(relay: Relay, workshopId: string): Promise<Map<string, PublishedIdea>> {
  const published = await relay.read(publishedDocId(workshopId), readPublished);
  return new Map((published?.ideas ?? []).filter((i) => i.assessment?.decision).map((i) => [i.id, i]));
}

function notDecided(ideaId: string): ApiFailure {
  return new ApiFailure(
    409,
    'IDEA_NOT_DECIDED',
    `Idea ${ideaId} is not published with a decision: publish the catalog after deciding on it first.`,
  );
}

export function updateFollowUp(
  context: AfterDecisionContext,
  workshopId: string,
  ideaId: string,
  body: FollowUpUpdateBody,
  by: string,
): Promise<FollowUpView> {
  return serially(context, workshopId, async () => {
    if (!(await decidedIdeas(context.relay, workshopId)).has(ideaId)) throw notDecided(ideaId);
    const docId = publishedDocId(workshopId);
    const previous = await context.relay.read(docId, (doc) => readFollowUp(doc, ideaId));
    const next = nextFollowUp(previous, ideaId, body, by, Date.now());
    await context.relay.command(docId, (doc) => writeFollowUp(doc, next));
    return next;
  });
}

export function schedulePulses(
  context: AfterDecisionContext,
  workshopId: string,
  body: SchedulePulseBody,
): Promise<PulseView[]> {
  return serially(context, workshopId, async () => {
    const decided = await decidedIdeas(context.relay, workshopId);
    const ideaIds = [...new Set(body.ideaIds)];
    for (const ideaId of ideaIds) if (!decided.has(ideaId)) throw notDecided(ideaId);
    const days = body.days ?? PULSE_DAYS_DEFAULT;
    const now = Date.now();
    const pulses = [...new Set(body.dates)].sort().map(
      (date): PulseView => ({
        id: newId(),
        ideaIds,
        opensOn: date,
        closesOn: addDays(date, days - 1),
        anonymous: body.anonymous ?? true,
        createdAt: now,
        respondents: 0,
        results: Object.fromEntries(ideaIds.map((id) => [id, { answers: 0, happened: null, helped: null }])),
      }),
    );
    await context.relay.command(publishedDocId(workshopId), (doc) => {
      for (const pulse of pulses) writePulse(doc, pulse);
    });
    return pulses;
  });
}

async function pulseOf(relay: Relay, workshopId: string, pulseId: string): Promise<PulseView> {
  const pulse = (await relay.read(publishedDocId(workshopId), readPulses)).find((p) => p.id === pulseId);
  if (!pulse) throw new ApiFailure(404, 'PULSE_NOT_FOUND', 'There is no such pulse.');
  return pulse;
}

/** One answer per person: a second one is refused (409 PULSE_ANSWERED) and changes nothing. */
export async function answerPulse(
  context: AfterDecisionContext,
  workshopId: string,
  pulseId: string,
  person: { id: string; name: string },
  body: PulseAnswerBody,
): Promise<PulseView> {
  const pulse = await pulseOf(context.relay, workshopId, pulseId);
  if (!pulseIsOpen(pulse, workshopToday(Date.now()))) {
    throw new ApiFailure(409, 'PULSE_CLOSED', `This pulse takes answers from ${pulse.opensOn} to ${pulse.closesOn}.`);
  }
  const answered = body.answers.map((a) => a.ideaId);
  if (new Set(answered).size !== answered.length || answered.some((id) => !pulse.ideaIds.includes(id))) {
    throw new ApiFailure(400, 'PULSE_IDEAS', "Answer each of the pulse's decisions at most once, and only those.");
  }
  const record: PulseAnswerRecord = {
    pulseId,
    workshopId,
    respondentKey: pulseRespondentKey(context.tokens, person.id),
    respondentName: pulse.anonymous ? null : person.name,
    answers: body.answers.map((a) => ({
      ideaId: a.ideaId,
      happened: a.happened,
      helped: a.helped,
      comment: a.comment?.trim() || null,
    })),
    answeredAt: Date.now(),
  };
  if (!(await context.store.savePulseAnswer(record))) {
    throw new ApiFailure(409, 'PULSE_ANSWERED', 'You have answered this pulse already.');
  }
  // The averages are rewritten from every stored answer, one command at a time, so none is lost.
  return serially(context, workshopId, async () => {
    const current = await pulseOf(context.relay, workshopId, pulseId);
    const answers = await context.store.pulseAnswers(pulseId);
    const next = { ...current, ...pulseSummary(current.ideaIds, answers) };
    await context.relay.command(publishedDocId(workshopId), (doc) => writePulse(doc, next));
    return next;
  });
}

/** What a pulse's answers are filed under for a person: a keyed hash, so one answer each without naming them. */
export function pulseRespondentKey(tokens: Pick<TokenService, 'keyedHash'>, personId: string): string {
  return tokens.keyedHash(`pulse:${personId}`);
}

/** A pulse's respondents and its averages per decision, from every answer it has. */
export function pulseSummary(
  ideaIds: readonly string[],
  answers: readonly PulseAnswerRecord[],
): Pick<PulseView, 'respondents' | 'results'> {
  const average = (values: number[]) =>
    values.length === 0 ? null : Math.round((values.reduce((s, v) => s + v, 0) / values.length) * 100) / 100;
  const results: Record<string, PulseIdeaResult> = {};
  for (const ideaId of ideaIds) {
    const mine = answers.flatMap((a) => a.answers.filter((x) => x.ideaId === ideaId));
    results[ideaId] = {
      answers: mine.length,
      happened: average(mine.map((x) => x.happened)),
      helped: average(mine.map((x) => x.helped)),
    };
  }
  return { respondents: answers.length, results };
}

export async function answeredPulses(
  context: AfterDecisionContext,
  workshopId: string,
  personId: string,
): Promise<string[]> {
  return context.store.hasAnsweredPulses(workshopId, pulseRespondentKey(context.tokens, personId));
}

/** Every pulse with its averages and comments: names only for answers to pulses that were not anonymous. */
export async function pulseResults(context: AfterDecisionContext, workshopId: string): Promise<PulseResultsReport> {
  const pulses = await context.relay.read(publishedDocId(workshopId), readPulses);
  const report: PulseResultsReport = { pulses: [] };
  for (const pulse of pulses) {
    const answers = await context.store.pulseAnswers(pulse.id);
    const comments = answers.flatMap((a) =>
      a.answers
        .filter((x) => x.comment)
        .map((x) => ({ ideaId: x.ideaId, text: x.comment ?? '', name: pulse.anonymous ? null : a.respondentName })),
    );
    report.pulses.push({ ...pulse, comments });
  }
  return report;
}
