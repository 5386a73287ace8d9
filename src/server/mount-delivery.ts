import type { Platform } from "../app/ports/actor";
import type { Clock } from "../domain/shared/clock";
import { type NudgePassResult, runNudgePass } from "../app/use-cases/run-nudge-pass";
import { type ChasePassResult, runChasePass } from "../app/use-cases/run-chase-pass";
import { type PurgeRetainedRowsResult, purgeRetainedRows } from "../app/use-cases/purge-retained-rows";
import type { Mounted, ServerContext } from "./server-context";
import { PrismaOutboxClaims } from "../store/prisma-outbox-claims";
import { dialectOf } from "../store/prisma-client";
import { type ChannelGateway, DeliveryError } from "../delivery/channel-gateway";
import type { OutboxJob } from "../app/ports/outbox";
import { GraphError } from "../integrations/graph/graph-http";
import { buildGateways } from "./gateway-factories";
import { createDispatcher, type DispatchResult, type Dispatcher, drainDispatcher } from "../delivery/outbox-dispatcher";

/** Scheduler period: nudges are planned to the minute (09:00 openings). */
export const SCHEDULER_INTERVAL_MS = 60_000;
/** Dispatcher period when idle; a full batch runs the next round at once. */
export const DISPATCH_INTERVAL_MS = 1_000;

/**
 * Runs the outbox's jobs: a calendar sync or a free/busy check calls Graph through the app.
 * Graph's own failures become delivery errors so the dispatcher's backoff applies: a 429 or 503
 * with Retry-After is honoured, and a request Graph calls malformed (400) is not repeated forever.
 */
function jobRunner(ctx: ServerContext): (job: OutboxJob) => Promise<void> {
  return async (job) => {
    try {
      if (job.type === "free-busy") {
        const outcome = await ctx.app.checkFreeBusy(job.meetingId);
        ctx.logger.debug({ meetingId: job.meetingId, outcome }, "free/busy check done");
        return;
      }
      const outcome = await ctx.app.syncCalendarEvent(job.meetingId);
      ctx.logger.debug({ meetingId: job.meetingId, outcome }, "calendar sync done");
    } catch (err) {
      if (err instanceof GraphError) throw new DeliveryError(err.message, err.retryAfterMs, err.status === 400);
      throw err;
    }
  };
}

interface DeliveryHandle {
  dispatcher: Dispatcher;
  claims: PrismaOutboxClaims;
}

// One dispatcher per server context, so drains from tests share its rate limits and leases.
const handles = new WeakMap<ServerContext, DeliveryHandle>();

function handleFor(ctx: ServerContext): DeliveryHandle {
  let h = handles.get(ctx);
  if (!h) {
    const claims = new PrismaOutboxClaims(ctx.prisma, dialectOf(ctx.prisma));
    const dispatcher = createDispatcher({
      store: claims,
      gateways: buildGateways(ctx),
      clock: ctx.clock,
      logger: ctx.logger,
      leaseMs: ctx.config.CONVENE_OUTBOX_LEASE_MS,
      maxInFlight: ctx.config.CONVENE_OUTBOX_MAX_IN_FLIGHT,
      runJob: jobRunner(ctx),
    });
    h = { dispatcher, claims };
    handles.set(ctx, h);
  }
  return h;
}

/**
 * The delivery job, as ONE entry of `defaultMounts`: the outbox dispatcher loop (every
 * second) and, unless CONVENE_SCHEDULER=off, the scheduler (every minute: nudges, chases,
 * then retention). All are safe to run in several processes: passes are idempotent by
 * outbox key, retention deletes only what any replica would, and dispatch uses database leases.
 */
export function mountDelivery(ctx: ServerContext): Mounted {
  const { dispatcher } = handleFor(ctx);
  dispatcher.start(DISPATCH_INTERVAL_MS);
  let timer: NodeJS.Timeout | null = null;
  let pass: Promise<unknown> | null = null;
  if (ctx.config.CONVENE_SCHEDULER !== "off") {
    const tick = () => {
      if (pass) return; // a slow pass is never overlapped by the next one
      // Nudges, then chases (idempotent by outbox key), then retention (bounded batches), so any
      // replica may run them; retention last, so it never delays a nudge.
      pass = runNudgePassNow(ctx)
        .catch((err: unknown) => ctx.logger.error({ err: (err as Error).message }, "nudge pass failed"))
        .then(() => runChasePassNow(ctx))
        .catch((err: unknown) => ctx.logger.error({ err: (err as Error).message }, "chase pass failed"))
        .then(() => runRetentionPassNow(ctx))
        .catch((err: unknown) => ctx.logger.error({ err: (err as Error).message }, "retention pass failed"))
        .finally(() => {
          pass = null;
        });
    };
    tick();
    timer = setInterval(tick, SCHEDULER_INTERVAL_MS);
    timer.unref();
  }
  return {
    routes: [],
    async stop() {
      if (timer) clearInterval(timer);
      if (pass) await pass;
      await dispatcher.stop();
    },
  };
}

/** Runs one nudge pass now, at `clock`'s time (default the server's), with the local policy. For tests, the CLI, the playground and the scheduler. */
export function runNudgePassNow(ctx: ServerContext, clock: Clock = ctx.clock): Promise<NudgePassResult> {
  return runNudgePass({ uow: ctx.uow, clock, calendar: ctx.calendar, logger: ctx.logger, localPolicy: ctx.config.localPolicy });
}

/**
 * One scheduler tick at `clock`'s time (default the server's): the nudge pass, then the chase
 * pass, then retention, exactly as the server's own scheduler runs them. Returns the nudges.
 */
export async function runSchedulerTick(ctx: ServerContext, clock: Clock = ctx.clock): Promise<NudgePassResult> {
  const nudges = await runNudgePassNow(ctx, clock);
  await runChasePassNow(ctx, clock);
  await runRetentionPassNow(ctx, clock);
  return nudges;
}

/** Runs one chase pass now (at `clock`'s time): reminders to required invitees who have not answered. */
export function runChasePassNow(ctx: ServerContext, clock: Clock = ctx.clock): Promise<ChasePassResult> {
  return runChasePass({ uow: ctx.uow, clock, calendar: ctx.calendar, logger: ctx.logger, remindersBeforeEscalation: ctx.config.CONVENE_CHASE_REMINDERS });
}

/** Runs one retention pass now (at `clock`'s time), with the configured ages. */
export function runRetentionPassNow(ctx: ServerContext, clock: Clock = ctx.clock): Promise<PurgeRetainedRowsResult> {
  return purgeRetainedRows({
    uow: ctx.uow,
    clock,
    logger: ctx.logger,
    outboxDays: ctx.config.CONVENE_RETENTION_OUTBOX_DAYS,
    commandDays: ctx.config.CONVENE_RETENTION_COMMAND_DAYS,
  });
}

/**
 * Delivers everything pending now, synchronously from the caller's point of view: rounds
 * run until the outbox has nothing due, skipping over retry backoff on fixed test clocks.
 * `gateways` replaces the configured ones for this drain (tests with fake gateways).
 */
export function drainOutbox(ctx: ServerContext, gateways?: Partial<Record<Platform, ChannelGateway>>): Promise<{ sent: number; failed: number }> {
  if (gateways) {
    // A one-off dispatcher with the caller's gateways (tests with fakes); same leases.
    const claims = new PrismaOutboxClaims(ctx.prisma, dialectOf(ctx.prisma));
    const dispatcher = createDispatcher({ store: claims, gateways, clock: ctx.clock, logger: ctx.logger, runJob: jobRunner(ctx) });
    return drainDispatcher(dispatcher, claims, ctx.clock);
  }
  const h = handleFor(ctx);
  return drainDispatcher(h.dispatcher, h.claims, ctx.clock);
}

/**
 * Runs ONE dispatcher round now, at the server clock's time, without skipping over retry
 * backoff: for tests that watch a failure being retried rather than drained to its end.
 */
export function dispatchOnce(ctx: ServerContext): Promise<DispatchResult> {
  return handleFor(ctx).dispatcher.runOnce();
}
