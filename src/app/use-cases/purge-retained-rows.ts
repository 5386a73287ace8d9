import type { Clock } from "../../domain/shared/clock";
import type { AppLogger } from "../ports/plumbing";
import type { UnitOfWork } from "../ports/unit-of-work";

const DAY_MS = 24 * 60 * 60 * 1000;

/** What a retention pass needs. */
export interface PurgeRetainedRowsDeps {
  uow: UnitOfWork;
  clock: Clock;
  logger: AppLogger;
  /** Days a sent or superseded card update is kept (config CONVENE_RETENTION_OUTBOX_DAYS). */
  outboxDays: number;
  /** Days a processed command's key is kept (config CONVENE_RETENTION_COMMAND_DAYS). */
  commandDays: number;
}

/** Tuning of one pass. */
export interface PurgeRetainedRowsOptions {
  /** Rows deleted per transaction. Default 500: a few milliseconds of write lock each. */
  batch?: number;
  /** Batches per table per pass. Default 20: a backlog is worked off over several passes, never in one long one. */
  maxBatches?: number;
}

/** What one pass deleted. */
export interface PurgeRetainedRowsResult {
  outboxDeleted: number;
  commandsDeleted: number;
}

/**
 * Retention, run by the scheduler: deletes card updates that were sent or superseded more
 * than `outboxDays` ago (each holds a whole roster, and the platform already shows a newer
 * state), and processed-command keys older than `commandDays` (they only have to outlive
 * the platforms' redelivery). Kept for good: pending rows (still to go), dead rows (the
 * evidence of a failed delivery an operator must see), and posts (their platform message id
 * is what a later update of the card needs, and their key stops a double post).
 *
 * Each batch is its own short transaction, so retention never holds SQLite's one write lock
 * for long: Accepts and the dispatcher interleave with it. Idempotent: any replica may run it.
 */
export async function purgeRetainedRows(deps: PurgeRetainedRowsDeps, opts: PurgeRetainedRowsOptions = {}): Promise<PurgeRetainedRowsResult> {
  const batch = opts.batch ?? 500;
  const maxBatches = opts.maxBatches ?? 20;
  const now = deps.clock.now().getTime();
  const outboxCutoff = new Date(now - deps.outboxDays * DAY_MS);
  const commandCutoff = new Date(now - deps.commandDays * DAY_MS);

  const drain = async (step: () => Promise<number>): Promise<number> => {
    let total = 0;
    for (let i = 0; i < maxBatches; i++) {
      const n = await step();
      total += n;
      if (n < batch) break;
    }
    return total;
  };
  const outboxDeleted = await drain(() => deps.uow.run((repos) => repos.outbox.deleteSettledUpdatesBefore(outboxCutoff, batch)));
  const commandsDeleted = await drain(() => deps.uow.run((repos) => repos.processed.deleteBefore(commandCutoff, batch)));
  if (outboxDeleted || commandsDeleted) deps.logger.info({ outboxDeleted, commandsDeleted }, "retention pass deleted old rows");
  return { outboxDeleted, commandsDeleted };
}
