import { CloseCode, PURGE_WARNING_DAYS } from '@samle/shared';
import type { RelayLogger } from '../sync/types.js';
import { purgeExpired, workshopsDueBy } from './purge.js';
import type { SqlSession } from './sqlSession.js';

const DAY_MS = 24 * 60 * 60 * 1000;

export interface RetentionJobOptions {
  /** The database, opened when first needed (the job runs once a day). */
  session: () => SqlSession;
  logger: RelayLogger;
  /** Closes the connections to a purged workshop's documents (on every instance). */
  closeDocs?: (docIds: string[]) => void;
  /** How often it runs; a day. */
  intervalMs?: number;
  /** First run after start: soon, so a server restarted daily still purges. */
  firstRunMs?: number;
  now?: () => number;
}

export interface RetentionRun {
  purged: string[];
  failed: string[];
  /** Workshops purged within PURGE_WARNING_DAYS (their facilitators see a warning). */
  dueSoon: string[];
}

/**
 * The daily purge: every workshop past its retention date is deleted with all its
 * personal data (privacy/purge.ts). Several instances may each run it: a workshop
 * another instance purged first is simply gone by the time this one looks.
 */
export class RetentionJob {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<RetentionRun> | null = null;

  constructor(private readonly options: RetentionJobOptions) {}

  start(): void {
    if (this.timer) return;
    const schedule = (delay: number) => {
      this.timer = setTimeout(() => {
        this.runOnce()
          .catch((error: unknown) =>
            this.options.logger.error({ err: error }, 'retention purge failed; trying again tomorrow'),
          )
          .finally(() => {
            if (this.timer) schedule(this.options.intervalMs ?? DAY_MS);
          });
      }, delay);
      // The job never keeps the process alive on its own.
      this.timer.unref();
    };
    schedule(this.options.firstRunMs ?? 60_000);
  }

  stop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  /** One run now (the timer's, or a test's); a run already under way is joined, not repeated. */
  runOnce(): Promise<RetentionRun> {
    this.running ??= this.run().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  /** Waits for a run under way (shutdown). */
  async settle(): Promise<void> {
    await this.running?.catch(() => undefined);
  }

  private async run(): Promise<RetentionRun> {
    const { logger } = this.options;
    const session = this.options.session();
    const now = (this.options.now ?? Date.now)();
    const { purged, failed } = await purgeExpired(session, now, (workshop) =>
      logger.info(
        { workshopId: workshop.id, retainUntil: new Date(workshop.retainUntil).toISOString() },
        'purging workshop past its retention date',
      ),
    );
    for (const report of purged) {
      this.options.closeDocs?.(report.docIds);
      const rows = Object.values(report.deleted).reduce((sum, n) => sum + n, 0);
      logger.info({ workshopId: report.workshopId, rows, docs: report.docIds.length }, 'workshop purged (retention)');
    }
    for (const failure of failed) {
      logger.error({ workshopId: failure.id, err: failure.error }, 'could not purge workshop past its retention date');
    }
    const soon = await workshopsDueBy(session, now + PURGE_WARNING_DAYS * DAY_MS);
    for (const workshop of soon) {
      logger.warn(
        { workshopId: workshop.id, retainUntil: new Date(workshop.retainUntil).toISOString() },
        'workshop will be purged soon (retention date)',
      );
    }
    return { purged: purged.map((r) => r.workshopId), failed: failed.map((f) => f.id), dueSoon: soon.map((w) => w.id) };
  }
}

/** The close code for connections to a purged workshop's documents: the doc is gone. */
export const PURGED_CLOSE_CODE = CloseCode.DocNotFound;
