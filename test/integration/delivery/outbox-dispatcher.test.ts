import type { ChannelLink } from "../../../src/app/ports/channel-link";
import type { OutboundCard } from "../../../src/app/views/view-models";
import { type ChannelGateway, DeliveryError } from "../../../src/delivery/channel-gateway";
import { createDispatcher, drainDispatcher } from "../../../src/delivery/outbox-dispatcher";
import { fixedClock } from "../../../src/domain/shared/clock";
import { createPrismaClient } from "../../../src/store/prisma-client";
import { PrismaOutboxClaims } from "../../../src/store/prisma-outbox-claims";
import { createTestDb, quietLogger, seedCase, teamsLink, type TestDb } from "../../helpers/nudge-fixtures";

/** A fake gateway that records every send by the card's notice title (our test key). */
function recordingGateway(behaviour: (n: number) => Error | null = () => null) {
  const posts: string[] = [];
  const updates: Array<{ id: string; title: string }> = [];
  let calls = 0;
  const gateway: ChannelGateway = {
    postDirect: () => Promise.reject(new Error("no personal messages in this test")),
    async post(_link: ChannelLink, card: OutboundCard) {
      const err = behaviour(++calls);
      if (err) throw err;
      const title = (card.view as { title: string }).title;
      posts.push(title);
      return `pm-${title}`;
    },
    async update(_link, id, card) {
      updates.push({ id, title: (card.view as { title: string }).title });
    },
  };
  return { gateway, posts, updates };
}

const notice = (title: string): OutboundCard => ({ type: "notice", view: { title, text: "x" } });

describe("outbox dispatcher", () => {
  let db: TestDb;
  beforeEach(async () => {
    db = await createTestDb("convene-dispatch-");
    await db.uow.run((repos) => seedCase(repos, { caseId: "c1", reference: "CS-1", links: [teamsLink("L1", "c1"), teamsLink("L2", "c1")] }));
  });
  afterEach(() => db.close());

  const enqueue = (key: string, link = "L1", extra: { operation?: "post" | "update"; anchorKey?: string } = {}) =>
    db.uow.run((repos) => repos.outbox.enqueue({ idempotencyKey: key, channelLinkId: link, operation: extra.operation ?? "post", anchorKey: extra.anchorKey ?? null, payload: notice(key), availableAt: new Date("2027-01-01T00:00:00Z") }));

  it("posts, records the platform id, then updates in place after the anchor is sent", async () => {
    await enqueue("roster/1", "L1");
    await enqueue("roster/1/rev2", "L1", { operation: "update", anchorKey: "roster/1" });
    const { gateway, posts, updates } = recordingGateway();
    const clock = fixedClock("2027-01-01T10:00:00Z");
    const store = new PrismaOutboxClaims(db.prisma);
    const d = createDispatcher({ store, gateways: { teams: gateway }, clock, logger: quietLogger() });
    await drainDispatcher(d, store, clock);
    expect(posts).toEqual(["roster/1"]);
    expect(updates).toEqual([{ id: "pm-roster/1", title: "roster/1/rev2" }]);
    const rows = await db.prisma.outboxMessage.findMany({ orderBy: { createdAt: "asc" } });
    expect(rows.map((r) => [r.status, r.platformMessageId])).toEqual([["sent", "pm-roster/1"], ["sent", "pm-roster/1"]]);
  });

  it("retries transient errors with backoff, honours Retry-After, and marks permanent failures dead", async () => {
    await enqueue("a", "L1");
    await enqueue("b", "L2");
    const { gateway, posts } = recordingGateway((n) => (n === 1 ? new DeliveryError("429", 50) : n === 2 ? new Error("ECONNRESET") : null));
    const clock = fixedClock("2027-01-01T10:00:00Z");
    const store = new PrismaOutboxClaims(db.prisma);
    const d = createDispatcher({ store, gateways: { teams: gateway }, clock, logger: quietLogger(), random: () => 0.5 });
    await drainDispatcher(d, store, clock);
    expect(posts.sort()).toEqual(["a", "b"]);
    await enqueue("gone", "L1");
    const dead = createDispatcher({ store, gateways: { teams: recordingGateway(() => new DeliveryError("403 removed from channel", null, true)).gateway }, clock, logger: quietLogger() });
    await drainDispatcher(dead, store, clock);
    const row = await db.prisma.outboxMessage.findUniqueOrThrow({ where: { idempotencyKey: "gone" } });
    expect([row.status, row.attempts, row.lastError]).toEqual(["dead", 1, "403 removed from channel"]);
  });

  describe("jobs (a calendar sync)", () => {
    const enqueueJob = (key: string, meetingId = "m1") =>
      db.uow.run(async (repos) => {
        await repos.outbox.enqueue({ idempotencyKey: key, channelLinkId: "L1", operation: "update", anchorKey: `meeting/${meetingId}/calendar`, payload: { type: "calendar-sync", meetingId }, availableAt: new Date("2027-01-01T00:00:00Z") });
        await repos.outbox.supersedePendingUpdates(`meeting/${meetingId}/calendar`, key);
      });

    it("runs a job through the runner, never a channel gateway; retries a failure; and a newer job for the same meeting replaces an older pending one", async () => {
      await enqueueJob("meeting/m1/calendar/convened");
      await enqueueJob("meeting/m1/calendar/moved-1");
      await enqueue("card", "L1");
      const { gateway, posts } = recordingGateway();
      const ran: string[] = [];
      let calls = 0;
      const clock = fixedClock("2027-01-01T10:00:00Z");
      const store = new PrismaOutboxClaims(db.prisma);
      const d = createDispatcher({
        store, gateways: { teams: gateway }, clock, logger: quietLogger(), random: () => 0.5,
        runJob: async (job, row) => {
          if (++calls === 1) throw new DeliveryError("graph 503", 1_000);
          ran.push(`${job.meetingId}:${row.idempotencyKey}`);
        },
      });
      await drainDispatcher(d, store, clock);
      expect(posts).toEqual(["card"]);
      expect(ran).toEqual(["m1:meeting/m1/calendar/moved-1"]);
      const rows = await db.prisma.outboxMessage.findMany({ where: { anchorKey: "meeting/m1/calendar" }, orderBy: { createdAt: "asc" } });
      expect(rows.map((r) => [r.idempotencyKey, r.status])).toEqual([["meeting/m1/calendar/convened", "superseded"], ["meeting/m1/calendar/moved-1", "sent"]]);
      expect(rows[1]!.attempts).toBe(2);
    });

    it("leaves a job pending, untried, where no runner is configured", async () => {
      await enqueueJob("meeting/m2/calendar/convened", "m2");
      const clock = fixedClock("2027-01-01T10:00:00Z");
      const store = new PrismaOutboxClaims(db.prisma);
      const d = createDispatcher({ store, gateways: { teams: recordingGateway().gateway }, clock, logger: quietLogger() });
      await d.runOnce();
      const row = await db.prisma.outboxMessage.findUniqueOrThrow({ where: { idempotencyKey: "meeting/m2/calendar/convened" } });
      expect([row.status, row.attempts]).toEqual(["pending", 0]);
    });
  });

  it("two dispatchers with separate connections to one SQLite file send each message once", async () => {
    for (let i = 0; i < 120; i++) await enqueue(`m${i}`, i % 2 ? "L1" : "L2");
    const second = createPrismaClient(db.url);
    try {
      const { gateway, posts } = recordingGateway();
      const clock = fixedClock("2027-01-01T10:00:00Z");
      const fast = { teams: { perSecond: 1000, capacity: 1000 } };
      const s1 = new PrismaOutboxClaims(db.prisma);
      const s2 = new PrismaOutboxClaims(second);
      const d1 = createDispatcher({ store: s1, gateways: { teams: gateway }, clock, logger: quietLogger(), batchSize: 7, owner: "one", rateLimits: fast });
      const d2 = createDispatcher({ store: s2, gateways: { teams: gateway }, clock, logger: quietLogger(), batchSize: 7, owner: "two", rateLimits: fast });
      await Promise.all([drainDispatcher(d1, s1, clock), drainDispatcher(d2, s2, clock)]);
      expect(posts).toHaveLength(120);
      expect(new Set(posts).size).toBe(120);
    } finally {
      await second.$disconnect();
    }
  });

  it("hands rows back instead of sending them once half the lease has gone", async () => {
    for (const k of ["s1", "s2", "s3"]) await enqueue(k, "L1");
    let t = 0; // monotonic ms, moved by the slow gateway
    const posts: string[] = [];
    const slow: ChannelGateway = {
      postDirect: () => Promise.reject(new Error("no personal messages in this test")),
      async post(_l, card) {
        t += 6_000; // each send takes 6 s of a 10 s lease
        posts.push((card.view as { title: string }).title);
        return "pm";
      },
      async update() {},
    };
    const store = new PrismaOutboxClaims(db.prisma);
    const clock = fixedClock("2027-01-01T10:00:00Z");
    const d = createDispatcher({ store, gateways: { teams: slow }, clock, logger: quietLogger(), leaseMs: 10_000, monotonicNow: () => t, rateLimits: { teams: { perSecond: 1000, capacity: 1000 } } });
    const round = await d.runOnce();
    expect(round).toMatchObject({ claimed: 3, sent: 1 });
    expect(posts).toEqual(["s1"]);
    const back = await db.prisma.outboxMessage.findMany({ where: { status: "pending" } });
    expect(back.map((r) => [r.idempotencyKey, r.leaseOwner, r.attempts])).toEqual([["s2", null, 0], ["s3", null, 0]]);
  });
});
