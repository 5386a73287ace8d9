import type { ChannelLink } from "../../../src/app/ports/channel-link";
import type { ChannelGateway } from "../../../src/delivery/channel-gateway";
import { createDispatcher, DEFAULT_RATE_LIMITS, drainDispatcher } from "../../../src/delivery/outbox-dispatcher";
import { fixedClock } from "../../../src/domain/shared/clock";
import { PrismaOutboxClaims } from "../../../src/store/prisma-outbox-claims";
import { createTestDb, quietLogger, seedCase, type TestDb } from "../../helpers/nudge-fixtures";

// The real dispatcher and outbox on the test database (SQLite, or PostgreSQL in that suite), with the monotonic time it rate-limits on
// made fake: a wait moves that time on, and every post is stamped with it. Counting posts per
// second then shows the rate a channel really sees, in milliseconds of test time.

const slackLink = (id: string, caseId: string): ChannelLink => ({ id, caseId, platform: "slack", conversationId: `C${id}`, conversationRef: JSON.stringify({ channel: `C${id}` }) });

describe("per-channel rate limit", () => {
  let db: TestDb;
  beforeEach(async () => {
    db = await createTestDb("convene-rate-");
    await db.uow.run((repos) => seedCase(repos, { caseId: "c1", reference: "CS-1", links: [slackLink("S1", "c1"), slackLink("S2", "c1")] }));
  });
  afterEach(() => db.close());

  async function sendAll(count: number, links: string[]): Promise<Map<string, number[]>> {
    for (let i = 0; i < count; i++) {
      for (const link of links) {
        await db.uow.run((repos) =>
          repos.outbox.enqueue({ idempotencyKey: `m${i}/${link}`, channelLinkId: link, operation: "post", payload: { type: "notice", view: { title: `m${i}`, text: "x" } }, availableAt: new Date("2027-01-01T00:00:00Z") }),
        );
      }
    }
    let t = 0;
    const postedAt = new Map<string, number[]>();
    const gateway: ChannelGateway = {
      async post(link) {
        postedAt.set(link.id, [...(postedAt.get(link.id) ?? []), t]);
        t += 3; // a send takes a few milliseconds
        return `pm-${t}`;
      },
      update: () => Promise.reject(new Error("no updates here")),
      postDirect: () => Promise.reject(new Error("no personal messages here")),
    };
    const clock = fixedClock("2027-01-01T10:00:00Z");
    const store = new PrismaOutboxClaims(db.prisma);
    const d = createDispatcher({
      store,
      gateways: { slack: gateway },
      clock,
      logger: quietLogger(),
      monotonicNow: () => t,
      sleep: async (ms) => {
        t += ms;
      },
    });
    const r = await drainDispatcher(d, store, clock);
    expect(r).toEqual({ sent: count * links.length, failed: 0 });
    return postedAt;
  }

  /** Posts in each whole second of test time: [second 0, second 1, ...]. */
  const perSecond = (times: number[]) => {
    const counts: number[] = [];
    for (const at of times) counts[Math.floor(at / 1000)] = (counts[Math.floor(at / 1000)] ?? 0) + 1;
    return Array.from(counts, (n) => n ?? 0);
  };

  it("sends one Slack channel's backlog at most 1 a second after the initial burst", async () => {
    const { perSecond: rate, capacity } = DEFAULT_RATE_LIMITS.slack;
    const times = (await sendAll(20, ["S1"])).get("S1") ?? [];
    expect(times).toHaveLength(20);
    const counts = perSecond(times);
    // The burst the bucket holds goes at once (plus the token refilled in that first second)...
    expect(counts[0]).toBeLessThanOrEqual(capacity + rate);
    // ...then never more than the configured rate in any second.
    expect(Math.max(...counts.slice(1))).toBeLessThanOrEqual(rate);
    // And in any window, no more than the burst plus what the window refills.
    for (let i = 0; i < times.length; i++) {
      for (let j = i + 1; j < times.length; j++) {
        expect(j - i + 1).toBeLessThanOrEqual(capacity + Math.floor(((times[j]! - times[i]!) / 1000) * rate) + 1);
      }
    }
    // It is a limit, not a stall: 17 messages past the burst take about 17 seconds.
    expect(times[19]!).toBeLessThan(18_500);
    expect(times[19]!).toBeGreaterThanOrEqual(16_900);
  });

  it("gives each channel its own bucket", async () => {
    const { perSecond: rate, capacity } = DEFAULT_RATE_LIMITS.slack;
    const posted = await sendAll(6, ["S1", "S2"]);
    for (const link of ["S1", "S2"]) {
      const times = posted.get(link) ?? [];
      expect(times).toHaveLength(6);
      // The bucket's own promise, in any window: the burst plus what the window refills. Not
      // "at most 1 in each second": the two channels share the fake time, so one channel's wait
      // passes while the other awaits the database (real I/O, longer on PostgreSQL), and a
      // channel left idle that long rightly has more than one token when it comes back.
      for (let i = 0; i < times.length; i++) {
        for (let j = i + 1; j < times.length; j++) {
          expect(j - i + 1).toBeLessThanOrEqual(capacity + Math.floor(((times[j]! - times[i]!) / 1000) * rate) + 1);
        }
      }
    }
    // Each channel waits for its own tokens only: at most one wait (≤ 1 s) per post past each
    // burst, 6 in all, where one bucket shared by both would need 12 - 3 = 9 seconds of waits.
    const last = Math.max(...[...posted.values()].flat());
    expect(last).toBeLessThan(2 * (6 - capacity) * 1000 + 12 * 3 + 1);
  });
});
