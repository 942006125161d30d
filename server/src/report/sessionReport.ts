import {
  aggregateRatings,
  assessmentsDocId,
  catalogDocId,
  controlDocId,
  type ReportAttendance,
  type ReportBoard,
  type ReportEvaluation,
  type ReportIdea,
  type ReportQuestion,
  readAssessments,
  readBoardMeta,
  readClusters,
  readIdeas,
  readNotes,
  readVote,
  type SessionReport,
} from '@samle/shared';
import type { AfterDecisionStore, AgendaRun } from '../storage/contracts/afterDecisionTypes.js';
import type { BoardRecord } from '../storage/contracts/boardTypes.js';
import type { EvaluationStore } from '../storage/contracts/evaluationTypes.js';
import type { QuestionStore } from '../storage/contracts/questionTypes.js';
import type { PersonRecord, SessionRecord, WorkshopGraph, WorkshopStore } from '../storage/contracts/workshopTypes.js';
import type { Relay } from '../sync/Relay.js';
import { sessionWindow, type TimeWindow } from './sessionWindow.js';

/**
 * How long after the first agenda item started someone may join and still not count as
 * "came later". In the room, phones join by the QR code while the facilitator opens the
 * first item; scanning, typing a name and the last ones in from the coffee take a few
 * minutes. Ten minutes in, the welcome and the day's frame are over: someone who joins
 * then has missed them, which is what the facilitator wants to know (to brief them).
 */
export const LATE_JOIN_GRACE_MS = 10 * 60_000;

/** Whether someone who joined at `joinedAt` came later than the session's first agenda item started (plus the grace). */
export function cameLater(joinedAt: number, firstItemStartedAt: number): boolean {
  return joinedAt > firstItemStartedAt + LATE_JOIN_GRACE_MS;
}

export interface ReportSources {
  relay: Relay;
  workshops: WorkshopStore;
  questions: QuestionStore;
  evaluations: EvaluationStore;
  afterDecision: AfterDecisionStore;
}

/**
 * The session report (*referat*) from what the server stored: the agenda with the
 * times each item actually ran (agenda runs), attendance from the session's tables
 * and join times, each board's notes by theme with the closed vote's counts, the
 * questions asked while the session ran with their answers, the evaluation if one
 * was opened then, and the catalog ideas gathered from the session's boards.
 */
export async function buildSessionReport(
  sources: ReportSources,
  graph: WorkshopGraph,
  session: SessionRecord,
  now: number,
): Promise<SessionReport> {
  const runs = await sources.afterDecision.agendaRuns(session.id);
  const window = sessionWindow(session, runs);
  const boards = graph.boards.filter((b) => b.sessionId === session.id);
  const plenumAnonymous = boards.some((b) => b.kind === 'plenum' && b.anonymous === true);
  return {
    workshopTitle: graph.workshop.title,
    organisation: graph.workshop.organisation,
    language: graph.workshop.language,
    session: {
      id: session.id,
      title: session.title,
      date: session.date,
      startTime: session.startTime,
      place: session.place,
      status: session.status,
    },
    agenda: agendaWithTimes(graph, session, runs),
    attendance: attendance(graph, session, boards, runs, window, plenumAnonymous),
    boards: await Promise.all(boards.map((board) => reportBoard(sources.relay, board))),
    questions: await questionsIn(sources.questions, graph.workshop.id, window),
    evaluation: await evaluationIn(sources.evaluations, graph.workshop.id, window),
    ideas: await ideasFrom(sources.relay, graph.workshop.id, session.id),
    generatedAt: now,
  };
}

function agendaWithTimes(graph: WorkshopGraph, session: SessionRecord, runs: AgendaRun[]): SessionReport['agenda'] {
  return graph.agenda
    .filter((item) => item.sessionId === session.id)
    .sort((a, b) => a.position - b.position)
    .map((item) => {
      // An item made current twice (back and forth) ran from its first start to its last end.
      const own = runs.filter((run) => run.itemId === item.id);
      const first = own[0];
      const last = own[own.length - 1];
      return {
        title: item.title,
        minutes: item.minutes,
        startedAt: first?.startedAt ?? null,
        endedAt: last ? last.endedAt : null,
      };
    });
}

function attendance(
  graph: WorkshopGraph,
  session: SessionRecord,
  boards: BoardRecord[],
  runs: AgendaRun[],
  window: TimeWindow | null,
  anonymous: boolean,
): ReportAttendance {
  const participants = graph.people.filter((p) => p.role === 'participant');
  const groups = graph.groups.filter((g) => g.sessionId === session.id).sort((a, b) => a.position - b.position);
  const seated = new Set(groups.flatMap((g) => g.memberIds));
  const byId = new Map(participants.map((p) => [p.id, p]));
  const names = (people: PersonRecord[], hidden: boolean) => (hidden ? null : people.map((p) => p.name).sort());
  const tables = groups.map((group) => {
    const members = group.memberIds.map((id) => byId.get(id)).filter((p): p is PersonRecord => p !== undefined);
    const board = boards.find((b) => b.groupId === group.id);
    return { name: group.name, count: members.length, names: names(members, anonymous || board?.anonymous === true) };
  });
  // Someone at no table counts as present when they joined while the session ran.
  const unseated = participants.filter((p) => !seated.has(p.id) && window !== null && within(p.joinedAt, window));
  const present = [...participants.filter((p) => seated.has(p.id)), ...unseated];
  const startedAt = runs[0]?.startedAt ?? null;
  const lateJoiners =
    startedAt === null
      ? []
      : present
          .filter((p) => cameLater(p.joinedAt, startedAt) && (window === null || within(p.joinedAt, window)))
          .sort((a, b) => a.joinedAt - b.joinedAt)
          .map((p) => ({ name: anonymous ? null : p.name, joinedAt: p.joinedAt }));
  return {
    total: present.length,
    tables,
    unseated: { count: unseated.length, names: names(unseated, anonymous) },
    lateJoiners,
    anonymous,
  };
}

async function reportBoard(relay: Relay, board: BoardRecord): Promise<ReportBoard> {
  const anonymous = board.anonymous === true;
  const { notes, clusters, title } = await relay.read(board.id, (doc) => ({
    notes: readNotes(doc),
    clusters: readClusters(doc),
    title: readBoardMeta(doc).title,
  }));
  const vote = await relay.read(controlDocId(board.id), readVote);
  const results = vote?.status === 'closed' ? (vote.results ?? {}) : {};
  const themes: ReportBoard['themes'] = [];
  const byCluster = new Map<string | null, ReportBoard['themes'][number]>();
  for (const cluster of [...clusters].sort((a, b) => a.createdAt - b.createdAt)) {
    const theme = { title: cluster.title.trim() || '–', votes: 0, notes: [] };
    byCluster.set(cluster.id, theme);
    themes.push(theme);
  }
  const loose: ReportBoard['themes'][number] = { title: null, votes: 0, notes: [] };
  for (const note of notes) {
    if (!note.text.trim()) continue;
    const theme = (note.clusterId && byCluster.get(note.clusterId)) || loose;
    const votes = results[note.id] ?? 0;
    theme.notes.push({ text: note.text.trim(), votes, author: anonymous ? null : (note.authorName ?? null) });
    theme.votes += votes;
  }
  if (loose.notes.length > 0) themes.push(loose);
  for (const theme of themes) theme.notes.sort((a, b) => b.votes - a.votes);
  return {
    title: board.title || title,
    kind: board.kind,
    anonymous,
    themes: themes.filter((t) => t.notes.length > 0),
    voted: vote?.status === 'closed',
  };
}

async function questionsIn(
  store: QuestionStore,
  workshopId: string,
  window: TimeWindow | null,
): Promise<ReportQuestion[]> {
  if (!window) return [];
  return (await store.listQuestions(workshopId))
    .filter((q) => q.hiddenAt === null && within(q.createdAt, window))
    .map((q) => ({
      kind: q.kind,
      text: q.text,
      askedAt: q.createdAt,
      askedBy: q.anonymous ? null : q.authorName,
      answer: q.answer,
      answeredBy: q.answeredBy,
      answeredAt: q.answeredAt,
      responseMinutes: q.answeredAt === null ? null : Math.max(0, Math.round((q.answeredAt - q.createdAt) / 60_000)),
    }));
}

async function evaluationIn(
  store: EvaluationStore,
  workshopId: string,
  window: TimeWindow | null,
): Promise<ReportEvaluation | null> {
  const evaluation = await store.latestEvaluation(workshopId);
  if (!evaluation || !window || !within(evaluation.openedAt, window)) return null;
  const responses = await store.responses(evaluation.id);
  const aggregate = aggregateRatings(
    evaluation.ratings.map((r) => r.id),
    responses.map((r) => r.ratings),
  );
  return {
    responses: responses.length,
    ratings: evaluation.ratings.map((rating, index) => ({
      label: rating.label,
      average: aggregate[index]?.average ?? null,
      answers: aggregate[index]?.distribution.reduce((sum, n) => sum + n, 0) ?? 0,
    })),
    comments: responses.map((r) => r.text?.trim() ?? '').filter((text) => text.length > 0),
  };
}

async function ideasFrom(relay: Relay, workshopId: string, sessionId: string): Promise<ReportIdea[]> {
  const ideas = await relay.read(catalogDocId(workshopId), readIdeas);
  const decisions = new Map(
    (await relay.read(assessmentsDocId(workshopId), readAssessments)).map((a) => [a.ideaId, a.decision]),
  );
  return ideas
    .filter((idea) => idea.provenance.some((source) => source.sessionId === sessionId))
    .map((idea) => ({
      title: idea.title,
      decision: decisions.get(idea.id) ?? null,
      sources: idea.provenance.filter((source) => source.sessionId === sessionId).length,
    }));
}

function within(at: number, window: TimeWindow): boolean {
  return at >= window.from && at < window.to;
}
