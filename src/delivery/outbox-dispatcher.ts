import { randomUUID } from "node:crypto";
import { hostname } from "node:os";
import type { ChannelLink } from "../app/ports/channel-link";
import { isOutboxJob, type OutboxJob, type OutboxRow } from "../app/ports/outbox";
import type { Platform } from "../app/ports/actor";
import type { Clock } from "../domain/shared/clock";
import { type ChannelGateway, DeliveryError } from "./channel-gateway";
import { type RateLimit, TokenBuckets } from "./token-bucket";

/**
 * What the dispatcher needs from storage. Implemented by `PrismaOutboxClaims`
 * (src/store/prisma-outbox-claims.ts); declared here so delivery never imports Prisma.
 * Every settle method is conditional on still holding the lease and returns false if not.
 */
export interface OutboxClaimStore {
  /** Claims due rows (availableAt <= now) whose lease has lapsed by `leaseNow` (defaults to now). */
  claim(owner: string, now: Date, leaseExpiresAt: Date, limit: number, leaseNow?: Date): Promise<OutboxRow[]>;
  markSent(id: string, owner: string, platformMessageId: string, at: Date): Promise<boolean>;
  markRetry(id: string, owner: string, availableAt: Date, error: string): Promise<boolean>;
  release(id: string, owner: string, availableAt: Date): Promise<boolean>;
  markDead(id: string, owner: string, error: string): Promise<boolean>;
  findAnchor(idempotencyKey: string): Promise<{ status: string; platformMessageId: string | null } | null>;
  /** Marks an update superseded (if still ours) when a newer update of the same message exists: sending it now would show an old state last. */
  supersedeIfStale(row: OutboxRow, owner: string): Promise<boolean>;
  /** Whether an older update of the same message is being sent right now (leased): this one must wait, or the two could land out of order. */
  olderUpdateInFlight(row: OutboxRow, now: Date): Promise<boolean>;
  findChannelLink(id: string): Promise<ChannelLink | null>;
  countPending(): Promise<number>;
  nextAvailableAt(): Promise<Date | null>;
}

/** Minimal logger shape (pino's); ids and keys only, never card content. */
export interface DispatcherLogger {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}

/** Dependencies and tuning of {@link createDispatcher}. */
export interface DispatcherDeps {
  store: OutboxClaimStore;
  /** Gateways by platform; a message for a platform without one is retried, then dead. */
  gateways: Partial<Record<Platform, ChannelGateway>>;
  /** Decides due-ness and leases (database time). */
  clock: Clock;
  logger: DispatcherLogger;
  /** Identifies this dispatcher in leases; defaults to host:pid:random. */
  owner?: string;
  /** How long a claim is held; a crashed holder's rows come back after this. Default 30 s. */
  leaseMs?: number;
  /** Rows claimed per runOnce. Default 50. */
  batchSize?: number;
  /** Attempts before a message is dead. Default 8. */
  maxAttempts?: number;
  /** First retry delay; doubles per attempt, with jitter. Default 2 s. */
  backoffBaseMs?: number;
  /** Cap on the retry delay. Default 10 min. */
  backoffMaxMs?: number;
  /** Per-channel rates by platform (Slack ~1/s per channel, Teams 7/s per thread by default). */
  rateLimits?: Partial<Record<Platform, RateLimit>>;
  /** Longest the dispatcher sleeps for a token or a Retry-After before handing a row back. Default 2 s. */
  maxInlineWaitMs?: number;
  /**
   * Sends in flight at once across all channels. Default 2. Every in-flight send is a
   * message that a crash could leave sent but unrecorded (and so sent again), so this
   * bounds duplicates per crash; rate limits, not this, set the pace.
   */
  maxInFlight?: number;
  /** Real time for rate limiting (ms); separate from `clock` so fixed test clocks still drain. */
  monotonicNow?: () => number;
  /** Waits `ms` of monotonic time (default setTimeout); tests pair a fake one with `monotonicNow`. */
  sleep?: (ms: number) => Promise<void>;
  /** Randomness for jitter (tests pin it). */
  random?: () => number;
  /**
   * Runs a job row (e.g. a calendar sync); throws to retry it with backoff (a
   * {@link DeliveryError} may mark it permanent or carry a Retry-After). Without it, job rows
   * are left pending for a process that has it.
   */
  runJob?: (job: OutboxJob, row: OutboxRow) => Promise<void>;
}

/** The outcome of one dispatch round. */
export interface DispatchResult {
  /** Messages delivered (posted or updated) this round. */
  sent: number;
  /** Messages that failed this round (retry scheduled or dead). */
  failed: number;
  /** Rows claimed this round (sent + failed + handed back). */
  claimed: number;
}

/** A running dispatcher. */
export interface Dispatcher {
  /** Claims one batch and settles it. `now` overrides the clock (drains skip ahead over backoff). */
  runOnce(opts?: { now?: Date }): Promise<DispatchResult>;
  /** Runs rounds every `intervalMs` (immediately again while a round fills its batch). */
  start(intervalMs: number): void;
  /** Stops the loop and waits for the round in flight. */
  stop(): Promise<void>;
}

/** Default per-channel rates: Slack's chat.postMessage ~1/s per channel; Teams 7 msgs/s per conversation. */
export const DEFAULT_RATE_LIMITS: Record<Platform, RateLimit> = {
  slack: { perSecond: 1, capacity: 3 },
  teams: { perSecond: 7, capacity: 7 },
};

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** At most `size` tasks at once; the rest queue in order. */
function semaphore(size: number): { run<T>(task: () => Promise<T>): Promise<T> } {
  let free = Math.max(1, size);
  const waiting: Array<() => void> = [];
  return {
    async run<T>(task: () => Promise<T>): Promise<T> {
      if (free > 0) free--;
      else await new Promise<void>((resolve) => waiting.push(resolve));
      try {
        return await task();
      } finally {
        const next = waiting.shift();
        if (next) next();
        else free++;
      }
    },
  };
}

/**
 * The outbox dispatcher: at-least-once delivery of outbox rows with database leases.
 * A crash between the platform accepting a message and the "sent" commit is the only
 * way a message goes twice (the lease expires and another round resends it); nothing
 * is ever lost, because a row stays pending until a send is recorded.
 */
export function createDispatcher(deps: DispatcherDeps): Dispatcher {
  const owner = deps.owner ?? `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  const leaseMs = deps.leaseMs ?? 30_000;
  const batchSize = deps.batchSize ?? 50;
  const maxAttempts = deps.maxAttempts ?? 8;
  const backoffBase = deps.backoffBaseMs ?? 2_000;
  const backoffMax = deps.backoffMaxMs ?? 600_000;
  const maxInlineWait = deps.maxInlineWaitMs ?? 2_000;
  const rates = { ...DEFAULT_RATE_LIMITS, ...deps.rateLimits };
  const mono = deps.monotonicNow ?? (() => performance.now());
  const pause = deps.sleep ?? sleep;
  const random = deps.random ?? Math.random;
  const buckets = new TokenBuckets();
  const slots = semaphore(deps.maxInFlight ?? 2);
  /** Channel link id -> monotonic ms before which nothing is sent there (429 Retry-After). */
  const blockedUntil = new Map<string, number>();
  const { store, logger } = deps;

  const backoff = (attempts: number) => {
    const exp = Math.min(backoffMax, backoffBase * 2 ** Math.max(0, attempts - 1));
    // "Equal jitter": half fixed, half random, so retries from many rows spread out
    // without any of them coming back almost immediately.
    return Math.round(exp / 2 + random() * (exp / 2));
  };
  const later = (now: Date, ms: number) => new Date(now.getTime() + ms);

  async function fail(row: OutboxRow, now: Date, err: unknown): Promise<void> {
    const message = err instanceof Error ? err.message : String(err);
    const permanent = err instanceof DeliveryError && err.permanent;
    if (permanent || row.attempts >= maxAttempts) {
      await store.markDead(row.id, owner, message);
      logger.error({ outboxId: row.id, key: row.idempotencyKey, attempts: row.attempts, permanent, err: message }, "outbox message dead");
      return;
    }
    const retryAfter = err instanceof DeliveryError ? err.retryAfterMs : null;
    // A job's Retry-After is the outside service's, not the chat channel's.
    if (retryAfter !== null && !isOutboxJob(row.payload)) blockedUntil.set(row.channelLinkId, mono() + retryAfter);
    const delay = retryAfter ?? backoff(row.attempts);
    await store.markRetry(row.id, owner, later(now, delay), message);
    logger.warn({ outboxId: row.id, key: row.idempotencyKey, attempts: row.attempts, retryInMs: delay, err: message }, "outbox send failed; will retry");
  }

  /** Sends one row. Returns "sent", "failed", or "released" (handed back untried). */
  async function deliver(row: OutboxRow, link: ChannelLink, now: Date): Promise<"sent" | "failed" | "released"> {
    const gateway = deps.gateways[link.platform];
    if (!gateway) {
      // The platform is switched off in this process (or a replica without it): keep the
      // row for a process that has it, rather than burning its attempts.
      await store.release(row.id, owner, later(now, 60_000));
      logger.warn({ outboxId: row.id, platform: link.platform }, "no gateway for this platform here; message left pending");
      return "released";
    }
    const card = row.payload;
    if (isOutboxJob(card)) throw new Error(`job row ${row.id} reached a channel`);
    let platformMessageId: string;
    try {
      if (row.operation === "update") {
        if (await heldBack(row, now)) return "released";
        const anchor = row.anchorKey ? await store.findAnchor(row.anchorKey) : null;
        if (anchor?.status === "pending") {
          // The card to update has not gone out yet: wait for it, without using up attempts.
          await store.release(row.id, owner, later(now, 1_000));
          return "released";
        }
        if (!anchor || anchor.status !== "sent" || !anchor.platformMessageId) {
          throw new DeliveryError(`anchor ${row.anchorKey ?? "(none)"} is ${anchor?.status ?? "missing"}`, null, anchor?.status === "dead");
        }
        await gateway.update(link, anchor.platformMessageId, card);
        platformMessageId = anchor.platformMessageId;
      } else if (row.directTo) {
        platformMessageId = await gateway.postDirect(link, row.directTo, card);
      } else {
        platformMessageId = await gateway.post(link, card);
      }
    } catch (err) {
      await fail(row, now, err);
      return "failed";
    }
    const recorded = await store.markSent(row.id, owner, platformMessageId, deps.clock.now());
    if (!recorded) {
      // Our lease ran out mid-send and another dispatcher owns the row: it may send again.
      logger.warn({ outboxId: row.id, key: row.idempotencyKey }, "sent after lease was lost; a duplicate is possible");
    }
    return "sent";
  }

  /**
   * Updates of one message (and jobs of one subject) must land in order: true when this row is
   * dropped because a newer one replaces it, or handed back to wait while an older one of the
   * same anchor is still in flight.
   */
  async function heldBack(row: OutboxRow, now: Date): Promise<boolean> {
    if (await store.supersedeIfStale(row, owner)) return true;
    if (!(await store.olderUpdateInFlight(row, deps.clock.now()))) return false;
    await store.release(row.id, owner, later(now, 500));
    return true;
  }

  /**
   * Runs one job row. Jobs of one subject share an anchor key, like updates of one message, so
   * the same rules keep them in order: a newer job replaces an older pending one, and one waits
   * while an older one is in flight. They go to no channel, so no channel rate limit applies.
   */
  async function runJobRow(row: OutboxRow, job: OutboxJob, now: Date): Promise<"sent" | "failed" | "released"> {
    if (!deps.runJob) {
      await store.release(row.id, owner, later(now, 60_000));
      logger.warn({ outboxId: row.id, job: job.type }, "no job runner here; job left pending");
      return "released";
    }
    if (await heldBack(row, now)) return "released";
    try {
      await deps.runJob(job, row);
    } catch (err) {
      await fail(row, now, err);
      return "failed";
    }
    // A job has no platform message; "job" marks it done for operators reading the row.
    await store.markSent(row.id, owner, "job", deps.clock.now());
    return "sent";
  }

  /** One channel's rows, in order, honouring its rate limit and any Retry-After. */
  async function deliverChannel(rows: OutboxRow[], now: Date, result: DispatchResult, claimedAt: number): Promise<void> {
    const first = rows[0];
    if (!first) return;
    const started = claimedAt;
    const link = await store.findChannelLink(first.channelLinkId);
    for (let i = 0; i < rows.length; i++) {
      const row = rows[i] as OutboxRow;
      if (!link) {
        await store.markDead(row.id, owner, `channel link ${row.channelLinkId} not found`);
        result.failed++;
        continue;
      }
      const limit = rates[link.platform];
      // Every send takes a token, including one that waited for it: a wait only says when a
      // token will be there, and sending without taking it let through twice the rate.
      const waitFor = () => {
        const blockedFor = Math.max(0, (blockedUntil.get(link.id) ?? 0) - mono());
        return blockedFor > 0 ? blockedFor : buckets.take(link.id, limit, mono());
      };
      let wait = waitFor();
      // Only wait inline while the remaining leases stay comfortably valid. Three tries at
      // most: a Retry-After, then a token, then one more for a timer that fired early.
      for (let tries = 0; tries < 3 && wait > 0 && wait <= maxInlineWait && mono() - started + wait < leaseMs / 2; tries++) {
        await pause(wait);
        wait = waitFor();
      }
      if (wait > 0) {
        for (const rest of rows.slice(i)) await store.release(rest.id, owner, later(now, Math.min(wait, 1_000)));
        return;
      }
      // Waiting for a send slot eats into the lease. Past half of it, hand the rest back
      // rather than risk another dispatcher re-claiming a row this one is about to send.
      const outcome = await slots.run(async () => (mono() - claimedAt > leaseMs / 2 ? "expired" : deliver(row, link, now)));
      if (outcome === "expired") {
        for (const rest of rows.slice(i)) await store.release(rest.id, owner, now);
        return;
      }
      if (outcome === "sent") result.sent++;
      else if (outcome === "failed") result.failed++;
      if (outcome === "failed" && blockedUntil.has(link.id) && (blockedUntil.get(link.id) ?? 0) > mono()) {
        // A 429 applies to the whole channel: hand the rest back rather than hammer it.
        for (const rest of rows.slice(i + 1)) await store.release(rest.id, owner, later(now, 1_000));
        return;
      }
    }
  }

  async function runOnce(opts: { now?: Date } = {}): Promise<DispatchResult> {
    const now = opts.now ?? deps.clock.now();
    const claimedAt = mono();
    // Leases always run on the real clock: a drain that skips ahead over backoff (`now`)
    // must not treat rows another loop in this process holds as expired.
    const leaseNow = deps.clock.now();
    const rows = await store.claim(owner, now, later(leaseNow, leaseMs), batchSize, leaseNow);
    const result: DispatchResult = { sent: 0, failed: 0, claimed: rows.length };
    const byChannel = new Map<string, OutboxRow[]>();
    const jobs: Array<{ row: OutboxRow; job: OutboxJob }> = [];
    for (const r of rows) {
      if (isOutboxJob(r.payload)) jobs.push({ row: r, job: r.payload });
      else byChannel.set(r.channelLinkId, [...(byChannel.get(r.channelLinkId) ?? []), r]);
    }
    const jobRound = Promise.all(
      jobs.map(({ row, job }) =>
        // Jobs share the in-flight slots with sends (a crash mid-call repeats them too), and
        // like sends are handed back untried once half the lease has gone waiting for one.
        slots
          .run(async () => (mono() - claimedAt > leaseMs / 2 ? store.release(row.id, owner, now).then(() => "released" as const) : runJobRow(row, job, now)))
          .then((outcome) => {
            if (outcome === "sent") result.sent++;
            else if (outcome === "failed") result.failed++;
          })
          .catch(async (err: unknown) => {
            logger.error({ outboxId: row.id, err: (err as Error).message }, "job round failed");
            await store.release(row.id, owner, now).catch(() => undefined);
          }),
      ),
    );
    // Channels in parallel (independent limits); within a channel, strictly in order so an
    // update never overtakes the post it updates.
    await Promise.all(
      [...byChannel.values()].map((group) =>
        deliverChannel(group, now, result, claimedAt).catch(async (err: unknown) => {
          logger.error({ channelLinkId: group[0]?.channelLinkId, err: (err as Error).message }, "dispatch round failed for a channel");
          // A storage error mid-group: hand back what is still ours now (settled rows are no
          // longer leased to us, so only unsettled ones move) rather than waiting out the lease.
          for (const row of group) await store.release(row.id, owner, now).catch(() => undefined);
        }),
      ),
    );
    await jobRound;
    return result;
  }

  let timer: NodeJS.Timeout | null = null;
  let inFlight: Promise<unknown> | null = null;
  let stopped = true;
  const loop = (intervalMs: number) => {
    if (stopped) return;
    inFlight = runOnce()
      .catch((err: unknown) => {
        logger.error({ err: (err as Error).message }, "dispatcher round failed");
        return { claimed: 0 } as DispatchResult;
      })
      .then((r) => {
        inFlight = null;
        if (!stopped) timer = setTimeout(() => loop(intervalMs), r.claimed >= batchSize ? 0 : intervalMs);
      });
  };

  return {
    runOnce,
    start(intervalMs) {
      if (!stopped) return;
      stopped = false;
      loop(intervalMs);
    },
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      timer = null;
      if (inFlight) await inFlight;
    },
  };
}

/**
 * Runs rounds until nothing is due, skipping ahead over retry backoff (for tests and the
 * CLI, which run on fixed clocks). Returns totals. Stops after `maxRounds` as a guard.
 */
export async function drainDispatcher(
  dispatcher: Dispatcher,
  store: Pick<OutboxClaimStore, "nextAvailableAt">,
  clock: Clock,
  maxRounds = 1_000,
): Promise<{ sent: number; failed: number }> {
  const total = { sent: 0, failed: 0 };
  let idle = 0;
  let stuck = 0;
  for (let round = 0; round < maxRounds; round++) {
    const next = await store.nextAvailableAt();
    if (next === null) break;
    const now = clock.now();
    const r = await dispatcher.runOnce({ now: next > now ? next : now });
    total.sent += r.sent;
    total.failed += r.failed;
    if (r.claimed === 0) {
      // Everything pending is leased elsewhere (e.g. the background loop): give it a moment.
      if (++idle > 100) break;
      await sleep(50);
    } else idle = 0;
    // Rows only handed back, round after round (no gateway, an anchor that never goes):
    // nothing more will happen by draining.
    stuck = r.claimed > 0 && r.sent === 0 && r.failed === 0 ? stuck + 1 : 0;
    if (stuck >= 5) break;
  }
  return total;
}
