import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import {
  CloseCode,
  DeleteWorkshopBody,
  ErasePersonBody,
  ErasureResult,
  PURGE_WARNING_DAYS,
  RetentionBody,
  RetentionState,
  retentionDay,
  retentionDeadline,
} from '@samle/shared';
import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import type { AccessService } from '../access/AccessService.js';
import { ApiFailure } from '../errors.js';
import { ERASED_NAME, erasePerson, exportPerson, type LiveDocs } from '../privacy/erasure.js';
import { exportWorkshop } from '../privacy/exportWorkshop.js';
import { purgeWorkshop } from '../privacy/purge.js';
import type { SqlSession } from '../privacy/sqlSession.js';
import type { WorkshopStore } from '../storage/contracts/workshopTypes.js';
import { facilitatedWorkshop } from './guards.js';

export interface PrivacyRouteOptions {
  store: WorkshopStore;
  access: AccessService;
  /** Plain SQL on the database (privacy/sqlSession.ts); null where the server cannot reach it that way. */
  session: () => SqlSession | null;
  /** Closes the connections to a deleted workshop's documents. */
  closeDocs: (docIds: string[]) => void;
  /** Closes an erased person's connections. */
  closePeople: (personIds: string[], code: number) => void;
  docs: LiveDocs;
  personKey: (personId: string) => string;
  /** What the person's impact pulse answers are filed under. */
  pulseKey: (personId: string) => string;
}

const IdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) });
const DAY_MS = 24 * 60 * 60 * 1000;

/** Retention date, export and deletion of a whole workshop, for its facilitators (docs/privacy.md). */
export async function privacyRoutes(server: FastifyInstance, options: PrivacyRouteOptions): Promise<void> {
  // Handlers typed from their route schemas (TypeBox), so bodies and params need no casts.
  const app = server.withTypeProvider<TypeBoxTypeProvider>();
  const { store, access } = options;

  function session(): SqlSession {
    const found = options.session();
    if (!found) throw new ApiFailure(503, 'PRIVACY_UNAVAILABLE', 'This server cannot do that with its storage.');
    return found;
  }

  async function stateOf(workshopId: string): Promise<RetentionState> {
    const rows = await session().all('SELECT retain_until FROM workshops WHERE id = ?', [workshopId]);
    const raw = rows[0]?.retain_until;
    const deadline = raw === null || raw === undefined ? null : Number(raw);
    return {
      retainUntil: deadline === null ? null : retentionDay(deadline),
      purgeSoon: deadline !== null && deadline - Date.now() <= PURGE_WARNING_DAYS * DAY_MS,
    };
  }

  app.get(
    '/api/workshops/:id/retention',
    { schema: { params: IdParams, response: { 200: RetentionState } } },
    async (request) => {
      const { id } = request.params;
      await facilitatedWorkshop(request, access, store, id);
      return stateOf(id);
    },
  );

  app.put(
    '/api/workshops/:id/retention',
    { schema: { params: IdParams, body: RetentionBody, response: { 200: RetentionState } } },
    async (request) => {
      const { id } = request.params;
      const { retainUntil } = request.body;
      await facilitatedWorkshop(request, access, store, id);
      const deadline = retainUntil === null ? null : retentionDeadline(retainUntil);
      if (deadline !== null && (Number.isNaN(deadline) || deadline < Date.now())) {
        throw new ApiFailure(400, 'RETENTION_IN_PAST', 'Choose a retention date from today on.');
      }
      await session().run('UPDATE workshops SET retain_until = ? WHERE id = ?', [deadline, id]);
      request.log.info({ workshopId: id, retainUntil }, 'retention date set');
      return stateOf(id);
    },
  );

  app.get(
    '/api/workshops/:id/export',
    { schema: { params: IdParams, produces: ['application/zip'] } },
    async (request, reply) => {
      const { id } = request.params;
      await facilitatedWorkshop(request, access, store, id);
      const archive = await exportWorkshop(session(), id);
      request.log.info({ workshopId: id, docs: archive.docs }, 'workshop exported');
      return reply
        .header('content-type', 'application/zip')
        .header('content-disposition', `attachment; filename="samle-workshop-${id}.zip"`)
        .header('cache-control', 'no-store')
        .send(Buffer.from(archive.bytes));
    },
  );

  app.delete(
    '/api/workshops/:id',
    { schema: { params: IdParams, body: DeleteWorkshopBody, response: { 204: Type.Null() } } },
    async (request, reply) => {
      const { id } = request.params;
      const { confirmTitle } = request.body;
      await facilitatedWorkshop(request, access, store, id);
      const workshop = await store.getWorkshopGraph(id);
      if (workshop && workshop.workshop.title.trim() !== confirmTitle.trim()) {
        throw new ApiFailure(409, 'CONFIRM_TITLE_MISMATCH', "Type the workshop's title exactly to delete it.");
      }
      const report = await purgeWorkshop(session(), id);
      options.closeDocs(report.docIds);
      request.log.info({ workshopId: id, docs: report.docIds.length }, 'workshop deleted by its facilitator');
      return reply.code(204).send(null);
    },
  );

  async function facilitatedPerson(request: Parameters<typeof facilitatedWorkshop>[0], id: string) {
    const person = await store.getPerson(id);
    if (!person) throw new ApiFailure(404, 'PERSON_NOT_FOUND', 'There is no such person.');
    await facilitatedWorkshop(request, access, store, person.workshopId);
    return person;
  }

  app.get('/api/people/:id/export', { schema: { params: IdParams } }, async (request, reply) => {
    const { id } = request.params;
    await facilitatedPerson(request, id);
    const data = await exportPerson(
      { session: session(), docs: options.docs, personKey: options.personKey, pulseKey: options.pulseKey },
      id,
    );
    request.log.info({ personId: id }, 'personal data exported');
    return reply
      .header('content-disposition', `attachment; filename="samle-person-${id}.json"`)
      .header('cache-control', 'no-store')
      .send(data);
  });

  app.post(
    '/api/people/:id/erase',
    { schema: { params: IdParams, body: ErasePersonBody, response: { 200: ErasureResult } } },
    async (request) => {
      const { id } = request.params;
      const { confirmName } = request.body;
      const person = await facilitatedPerson(request, id);
      if (Object.values(ERASED_NAME).includes(person.name as never)) {
        throw new ApiFailure(409, 'ALREADY_ERASED', 'This person has already been erased.');
      }
      if (person.name.trim() !== confirmName.trim()) {
        throw new ApiFailure(409, 'CONFIRM_NAME_MISMATCH', "Type the person's name exactly as shown to erase them.");
      }
      options.closePeople([id], CloseCode.AccessRevoked);
      const report = await erasePerson(
        { session: session(), docs: options.docs, personKey: options.personKey, pulseKey: options.pulseKey },
        id,
      );
      options.closePeople([id], CloseCode.AccessRevoked);
      const erased = await store.getPerson(id);
      request.log.info(
        { personId: id, scrubbed: report.scrubbedDocs.length, deleted: report.deletedDocs.length },
        'person erased',
      );
      return {
        name: erased?.name ?? '',
        scrubbedDocs: report.scrubbedDocs.length,
        deletedDocs: report.deletedDocs.length,
      };
    },
  );
}
