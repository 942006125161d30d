import { randomBytes, timingSafeEqual } from 'node:crypto';
import {
  type CalendarFeed,
  CalendarFeedBody,
  type CalendarFeedBody as FeedCommand,
  mayDo,
  WorkshopAction,
} from '@samle/shared';
import { Type } from '@sinclair/typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AccessService } from '../access/AccessService.js';
import type { TokenService } from '../access/tokens.js';
import { workshopCaller } from '../access/workshopCaller.js';
import { ApiFailure } from '../errors.js';
import type { AfterDecisionStore } from '../storage/contracts/afterDecisionTypes.js';
import type { WorkshopStore } from '../storage/contracts/workshopTypes.js';
import { workshopCalendar } from './calendar.js';

export interface CalendarFeedOptions {
  access: AccessService;
  workshops: WorkshopStore;
  afterDecision: AfterDecisionStore;
  tokens: Pick<TokenService, 'keyedHash'>;
  origin: (request: FastifyRequest) => string;
}

const Id = Type.String({ minLength: 1, maxLength: 64 });
const FeedParams = Type.Object({ id: Id, token: Type.String({ minLength: 1, maxLength: 128 }) });

/** The feed's token: a keyed hash of the workshop and its salt, so the database alone does not give it away. */
function feedToken(tokens: CalendarFeedOptions['tokens'], workshopId: string, salt: string): string {
  return tokens.keyedHash(`calendar-feed:${workshopId}:${salt}`);
}

function sameToken(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * The workshop's calendar feed (docs/after-the-session.md): the facilitator makes a link
 * with an unguessable token (and can make a new one, or none); everyone in the workshop
 * can read the link; a calendar app polls it without cookies. Nothing else is reachable
 * with the token.
 */
export async function calendarFeedRoutes(app: FastifyInstance, options: CalendarFeedOptions): Promise<void> {
  const { access, workshops, afterDecision, tokens } = options;
  const feed = (request: FastifyRequest, workshopId: string, salt: string | null): CalendarFeed => {
    if (salt === null) return { url: null, path: null };
    const path = `/api/calendar/${encodeURIComponent(workshopId)}/${feedToken(tokens, workshopId, salt)}/samle.ics`;
    return { url: `${options.origin(request)}${path}`, path };
  };

  app.get('/api/workshops/:id/calendar-feed', { schema: { params: Type.Object({ id: Id }) } }, async (request) => {
    const { id } = request.params as { id: string };
    await workshopCaller(request, access, id);
    return feed(request, id, await afterDecision.calendarFeedSalt(id));
  });

  app.post(
    '/api/workshops/:id/calendar-feed',
    { schema: { params: Type.Object({ id: Id }), body: CalendarFeedBody } },
    async (request) => {
      const { id } = request.params as { id: string };
      const caller = await workshopCaller(request, access, id);
      if (!mayDo(caller.role, WorkshopAction.Facilitate)) {
        throw new ApiFailure(
          403,
          'FACILITATOR_ONLY',
          "The facilitator makes and revokes the workshop's calendar feed.",
        );
      }
      const salt = (request.body as FeedCommand).action === 'renew' ? randomBytes(18).toString('base64url') : null;
      await afterDecision.setCalendarFeed(id, salt, Date.now());
      request.log.info({ workshopId: id, feed: salt ? 'renewed' : 'off' }, 'calendar feed changed');
      return feed(request, id, salt);
    },
  );

  app.get('/api/calendar/:id/:token/samle.ics', { schema: { params: FeedParams } }, async (request, reply) => {
    const { id, token } = request.params as { id: string; token: string };
    const salt = await afterDecision.calendarFeedSalt(id);
    const graph =
      salt !== null && sameToken(token, feedToken(tokens, id, salt)) ? await workshops.getWorkshopGraph(id) : null;
    // One answer for a wrong token, a revoked feed and an unknown workshop: nothing to probe.
    if (!graph) throw new ApiFailure(404, 'CALENDAR_FEED_NOT_FOUND', 'There is no such calendar feed.');
    return reply
      .header('cache-control', 'private, max-age=300')
      .header('referrer-policy', 'no-referrer')
      .type('text/calendar; charset=utf-8')
      .send(workshopCalendar(graph, options.origin(request)).toString());
  });
}
