import { mayDo, WorkshopAction } from '@samle/shared';
import { Type } from '@sinclair/typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AccessService } from '../access/AccessService.js';
import type { TokenService } from '../access/tokens.js';
import { type WorkshopCaller, workshopCaller } from '../access/workshopCaller.js';
import { ApiFailure } from '../errors.js';
import type { SessionRecord, WorkshopGraph } from '../storage/contracts/workshopTypes.js';
import { workshopCalendar } from './calendar.js';
import { calendarFeedRoutes } from './calendarFeed.js';
import { sessionReportDocx } from './reportDocx.js';
import { buildSessionReport, type ReportSources } from './sessionReport.js';

export interface ReportOptions extends ReportSources {
  access: AccessService;
  tokens: Pick<TokenService, 'keyedHash'>;
}

const IdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) });
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/**
 * The session report (JSON for the print view, DOCX) for facilitators and leaders,
 * and calendar files (one session, or the whole workshop) for everyone in the workshop, and
 * the workshop's subscribable feed.
 */
export async function reportPlugin(app: FastifyInstance, options: ReportOptions): Promise<void> {
  const { access, workshops } = options;

  async function sessionFor(request: FastifyRequest): Promise<{
    session: SessionRecord;
    graph: WorkshopGraph;
    caller: WorkshopCaller;
  }> {
    const { id } = request.params as { id: string };
    const session = await workshops.getSession(id);
    if (!session) throw new ApiFailure(404, 'SESSION_NOT_FOUND', 'There is no such session.');
    const caller = await workshopCaller(request, access, session.workshopId);
    const graph = await workshops.getWorkshopGraph(session.workshopId);
    if (!graph) throw new ApiFailure(404, 'SESSION_NOT_FOUND', 'There is no such session.');
    return { session, graph, caller };
  }

  async function reportFor(request: FastifyRequest) {
    const { session, graph, caller } = await sessionFor(request);
    if (!mayDo(caller.role, WorkshopAction.AssessIdeas)) {
      throw new ApiFailure(403, 'REPORT_LEADERS_ONLY', 'Only the facilitator and management see the session report.');
    }
    return buildSessionReport(options, graph, session, Date.now());
  }

  app.get('/api/sessions/:id/report', { schema: { params: IdParams } }, (request) => reportFor(request));

  app.get('/api/sessions/:id/report.docx', { schema: { params: IdParams } }, async (request, reply) => {
    const report = await reportFor(request);
    reply.header('content-disposition', `attachment; filename="${fileName(report.session.title, 'docx')}"`);
    return reply.type(DOCX).send(await sessionReportDocx(report));
  });

  app.get('/api/sessions/:id/calendar.ics', { schema: { params: IdParams } }, async (request, reply) => {
    const { session, graph } = await sessionFor(request);
    if (!session.date) throw new ApiFailure(409, 'SESSION_NOT_DATED', 'This session has no date yet.');
    reply.header('content-disposition', `attachment; filename="${fileName(session.title, 'ics')}"`);
    return reply
      .type('text/calendar; charset=utf-8')
      .send(workshopCalendar(graph, origin(request), session.id).toString());
  });

  app.get('/api/workshops/:id/calendar.ics', { schema: { params: IdParams } }, async (request, reply) => {
    const { id } = request.params as { id: string };
    await workshopCaller(request, access, id);
    const graph = await workshops.getWorkshopGraph(id);
    if (!graph) throw new ApiFailure(404, 'WORKSHOP_NOT_FOUND', 'There is no such workshop.');
    reply.header('content-disposition', `attachment; filename="${fileName(graph.workshop.title, 'ics')}"`);
    return reply.type('text/calendar; charset=utf-8').send(workshopCalendar(graph, origin(request)).toString());
  });

  await calendarFeedRoutes(app, {
    access,
    workshops,
    afterDecision: options.afterDecision,
    tokens: options.tokens,
    origin,
  });
}

function origin(request: FastifyRequest): string {
  return `${request.protocol}://${request.host}`;
}

/** A download name from a title: letters (Danish ones too), digits and dashes. */
function fileName(title: string, extension: string): string {
  const base = title
    .normalize('NFKD')
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return `${encodeURIComponent(base || 'samle')}.${extension}`;
}
