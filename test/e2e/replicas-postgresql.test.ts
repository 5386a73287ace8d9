import { type ChildProcess, spawn } from "node:child_process";
import { readdirSync } from "node:fs";
import path from "node:path";
import { createDeadlines } from "../../src/app/deadlines/plan-deadlines";
import { verifyAuditTrail } from "../../src/app/use-cases/verify-audit-trail";
import { createWorkingDayCalendar } from "../../src/domain/calendar/working-day-calendar";
import { fixedClock } from "../../src/domain/shared/clock";
import { createPrismaClient, type PrismaClient } from "../../src/store/prisma-client";
import { PrismaUnitOfWork } from "../../src/store/prisma-unit-of-work";
import { migrationsDirFor } from "../../src/store/migration-runner";
import { createPostgresDatabase } from "../../src/store/postgres-connection";
import { seedCase } from "../helpers/nudge-fixtures";
import { ActionId } from "../../src/app/conversation/action-id";
import { slackActionId } from "../../src/cards/slack/slack-action-id";
import { blockAction, FakeSlackWebApi, nextSlackId, signedHeaders, slashCommand, viewSubmission, type SlackRequest, type TestSlackUser } from "../helpers/slack-requests";
import { dropTestDatabase, TEST_AUDIT_KEY, TEST_POSTGRES_URL, testAuditKey } from "../helpers/test-database";

// Issue 16's multi-replica test: three real servers (dist/, started as main.js does, on a clock
// shifted into working hours: fixtures/replica-worker.cjs) on
// ONE PostgreSQL database, each with its scheduler and outbox dispatcher on, each pointed at
// its own fake Slack Web API so every post says which replica sent it.
//  - They start together on an EMPTY database: three concurrent start-up migrations.
//  - Concurrent interactions: the same signed `/convene link` delivered to all three at once
//    (each must take effect once), and two channels linking one new case through two replicas.
//  - 500 deadlines fall due; a nudge pass starts in each replica at the same moment (their
//    schedulers are on too) and the three dispatchers send the nudges.
//  - One replica is SIGKILLed while a nudge post is in flight at its fake Slack.
// Then: every nudge delivered (0 lost), nothing pending or dead, and any duplicate is one the
// crash explains: its post reached the killed replica's Slack, its row was claimed again after
// the lease lapsed, and there are at most CONVENE_OUTBOX_MAX_IN_FLIGHT of them.
const ROOT = path.resolve(__dirname, "../..");
const SECRET = "replicas-signing-secret-0123456789";
const TEAM = "T0REPL";
const NUDGES = 500;
const MAX_IN_FLIGHT = 2;
const LINK_CHANNELS = 10;
const SHARED_CASES = 5;
const sw: TestSlackUser = { id: "U0SW", name: "Sam Okafor", email: "sam@la.example", teamId: TEAM };
const police: TestSlackUser = { id: "U0POLICE", name: "DC Priya Shah", email: "priya@police.example", teamId: "T0POLICE" };
const health: TestSlackUser = { id: "U0HEALTH", name: "Hana Lewis", email: "hana@nhs.example", teamId: TEAM };
const calendar = createWorkingDayCalendar();
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
// Nudges go out in working hours only: the replicas (and this test's signatures) live at a
// Monday morning, the real clock shifted by one offset shared by every process.
const MONDAY = Date.parse("2027-01-11T10:45:00Z");
const OFFSET_MS = MONDAY - Date.now();
const shiftedNow = () => Date.now() + OFFSET_MS;

interface Replica {
  n: number;
  child: ChildProcess;
  url: string;
  slack: FakeSlackWebApi;
  logs: Record<string, unknown>[];
}

const suite = TEST_POSTGRES_URL ? describe : describe.skip;

suite("three replicas on one PostgreSQL database", () => {
  let url = "";
  let prisma: PrismaClient;
  let uow: PrismaUnitOfWork;
  const replicas: Replica[] = [];

  beforeAll(async () => {
    // An empty database, not a migrated clone: the replicas migrate it, all at once.
    url = await createPostgresDatabase(TEST_POSTGRES_URL!, `convene_replicas_${Date.now().toString(36)}`);
  });

  afterAll(async () => {
    for (const r of replicas) await kill(r);
    for (const r of replicas) await r.slack.stop();
    await prisma?.$disconnect();
    if (url) await dropTestDatabase(url);
  });

  const kill = (r: Replica, signal: NodeJS.Signals = "SIGKILL") =>
    new Promise<void>((resolve) => {
      if (r.child.exitCode !== null || r.child.signalCode !== null) return resolve();
      r.child.once("exit", () => resolve());
      r.child.kill(signal);
    });

  const start = async (n: number): Promise<Replica> => {
    const slack = new FakeSlackWebApi([sw, police, health], TEAM);
    // Latency at the platform, as a real one has: a kill lands while a post is in flight.
    slack.postLatencyMs = 40;
    await slack.start();
    const env = {
      PATH: process.env.PATH,
      PORT: "0",
      DATABASE_URL: url,
      CONVENE_AUDIT_KEY: TEST_AUDIT_KEY,
      // A dead replica's claims come back after 2 s instead of 30 s.
      CONVENE_OUTBOX_LEASE_MS: "2000",
      CONVENE_OUTBOX_MAX_IN_FLIGHT: String(MAX_IN_FLIGHT),
      SLACK_SIGNING_SECRET: SECRET,
      SLACK_BOT_TOKEN: "xoxb-test",
      SLACK_API_URL: slack.apiUrl,
      LOG_LEVEL: "info",
      REPLICA_CLOCK_OFFSET_MS: String(OFFSET_MS),
    };
    const child = spawn(process.execPath, [path.join(ROOT, "test/e2e/fixtures/replica-worker.cjs")], { env, stdio: ["pipe", "pipe", "pipe"] });
    const logs: Record<string, unknown>[] = [];
    let buffered = "";
    let stderr = "";
    child.stderr!.on("data", (d: Buffer) => (stderr += d.toString()));
    const listening = new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`replica ${n} did not start: ${stderr}${buffered}`)), 60_000);
      child.once("exit", (code) => reject(new Error(`replica ${n} exited (${code}) before listening: ${stderr}${JSON.stringify(logs)}`)));
      child.stdout!.on("data", (d: Buffer) => {
        buffered += d.toString();
        const lines = buffered.split("\n");
        buffered = lines.pop() ?? "";
        for (const line of lines) {
          let entry: Record<string, unknown>;
          try {
            entry = JSON.parse(line) as Record<string, unknown>;
          } catch {
            continue;
          }
          logs.push(entry);
          if (entry.msg === "Convene is listening") {
            clearTimeout(timer);
            resolve(String(entry.url));
          }
        }
      });
    });
    return { n, child, url: await listening, slack, logs };
  };

  const post = async (r: Replica, req: SlackRequest) => {
    const res = await fetch(`${r.url}/slack/events`, { method: "POST", headers: signedHeaders(SECRET, req, Math.floor(shiftedNow() / 1000)), body: req.body });
    const text = await res.text();
    return { status: res.status, text };
  };

  /** Seeds NUDGES cases, each with one Slack channel and one ICPC clock that ran out weeks ago. */
  const seedDueDeadlines = async () => {
    const from = new Date(shiftedNow() - 40 * 86_400_000).toISOString().slice(0, 10);
    const clock = fixedClock(`${from}T10:00:00Z`);
    // 50 cases a transaction: one transaction for all 500 can outlast Prisma's 20 s limit on a loaded machine.
    for (let first = 0; first < NUDGES; first += 50) {
      await uow.run(async (repos) => {
        for (let i = first; i < Math.min(NUDGES, first + 50); i++) {
          const id = `n${i}`;
          const c = await seedCase(repos, {
            caseId: id,
            reference: `CS-2026-${String(5000 + i)}`,
            links: [{ id: `L-${id}`, caseId: id, platform: "slack", conversationId: `CN${i}`, conversationRef: JSON.stringify({ teamId: TEAM, channelId: `CN${i}` }) }],
          });
          await createDeadlines(repos, c, [{ rule: "icpc", sourceKind: "strategy-discussion", sourceId: `sd-${id}`, from }], { clock, calendar });
        }
      });
    }
  };

  it("0 nudges lost, duplicates only where the killed replica's send was never recorded, every interaction once", async () => {
    // 1. Three replicas start at the same moment on the empty database.
    replicas.push(...(await Promise.all([0, 1, 2].map(start))));
    prisma = createPrismaClient(url);
    uow = new PrismaUnitOfWork(prisma, testAuditKey(url));
    // Each migration applied once, whichever replica got there first.
    const expected = readdirSync(migrationsDirFor(url)).filter((m) => !m.endsWith(".toml")).sort();
    const applied = await prisma.$queryRawUnsafe<{ migration_name: string }[]>(`SELECT migration_name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL ORDER BY migration_name`);
    expect(applied.map((m) => m.migration_name)).toEqual(expected);

    // 2. Concurrent interactions. The same request redelivered to all three replicas at once:
    //    one of them links the channel, the others see it was already done.
    const ctxOf = (channelId: string) => ({ teamId: TEAM, channelId });
    const redelivered = Array.from({ length: LINK_CHANNELS }, (_, j) => slashCommand(ctxOf(`CL${j}`), sw, `link CS-2026-${7000 + j}`));
    const redeliveryAnswers = await Promise.all(redelivered.map((req) => Promise.all(replicas.map((r) => post(r, req)))));
    //    Two channels link the same new case at once, through two different replicas.
    const shared = Array.from({ length: SHARED_CASES }, (_, k) => [0, 1].map((side) => ({ replica: replicas[(k + side) % 3]!, req: slashCommand(ctxOf(`CS${k}-${side}`), sw, `link CS-2026-${8000 + k}`, nextSlackId("trig.")) })));
    const sharedAnswers = await Promise.all(shared.map((pair) => Promise.all(pair.map(({ replica, req }) => post(replica, req)))));

    for (const answers of redeliveryAnswers) {
      expect(answers.map((a) => a.status)).toEqual([200, 200, 200]);
      expect(answers.filter((a) => a.text.includes("Linked to case"))).toHaveLength(1);
    }
    for (let j = 0; j < LINK_CHANNELS; j++) {
      expect(await prisma.channelLink.count({ where: { conversationId: `CL${j}` } })).toBe(1);
      expect(await prisma.case.count({ where: { reference: `CS-2026-${7000 + j}` } })).toBe(1);
    }
    for (const [k, answers] of sharedAnswers.entries()) {
      expect(answers.map((a) => a.status)).toEqual([200, 200]);
      // Exactly one of the two created the case; the other linked its channel to it.
      expect(answers.filter((a) => a.text.includes("You are now the lead social worker"))).toHaveLength(1);
      expect(answers.filter((a) => a.text.includes("is now linked to"))).toHaveLength(1);
      const cases = await prisma.case.findMany({ where: { reference: `CS-2026-${8000 + k}` } });
      expect(cases).toHaveLength(1);
      expect(await prisma.channelLink.count({ where: { caseId: cases[0]!.id } })).toBe(2);
    }
    // One audit event per link that took effect: none for a redelivery.
    expect(await prisma.auditEvent.count({ where: { entityType: "channel-link" } })).toBe(LINK_CHANNELS + 2 * SHARED_CASES);

    //    A strategy discussion for the first linked case: the form opened through one replica,
    //    submitted through another. Then three invitees answer at the same moment, each click
    //    delivered to all three replicas at once: every answer lands, each exactly once.
    const caseChannel = ctxOf("CL0");
    expect((await post(replicas[0]!, slashCommand(caseChannel, sw, `strategy CS-2026-7000`))).status).toBe(200);
    const form = replicas[0]!.slack.lastOpenedView();
    const submitted = await post(
      replicas[1]!,
      viewSubmission(caseChannel, sw, form, { concern: "Bruising reported by school", urgency: "today", mode: "meeting", date: "2027-01-12", time: "10:00", "person_social-worker": sw.id, person_police: police.id, person_health: health.id }),
    );
    expect(submitted).toEqual({ status: 200, text: "" });
    const strategyCase = await prisma.case.findFirstOrThrow({ where: { reference: "CS-2026-7000" } });
    const meeting = await prisma.meeting.findFirstOrThrow({ where: { caseId: strategyCase.id } });
    const rowOf = async (role: string) => (await prisma.invitation.findFirstOrThrow({ where: { meetingId: meeting.id, role } })).id;
    const clicks = await Promise.all(
      ([[sw, "social-worker"], [police, "police"], [health, "health"]] as const).map(async ([user, role]) => {
        const id = await rowOf(role);
        return { id, req: blockAction(caseChannel, user, { actionId: slackActionId(ActionId.Accept, id), value: id }) };
      }),
    );
    const clickAnswers = await Promise.all(clicks.map(({ req }) => Promise.all(replicas.map((r) => post(r, req)))));
    for (const answers of clickAnswers) expect(answers.map((a) => a.status)).toEqual([200, 200, 200]);
    for (const { id } of clicks) {
      expect((await prisma.invitation.findUniqueOrThrow({ where: { id } })).response).toBe("accepted");
      expect(await prisma.auditEvent.count({ where: { entityType: "invitation", entityId: id, action: "change" } })).toBe(1);
    }

    // 3. 500 deadlines fall due.
    await seedDueDeadlines();
    const nudgeChannels = new Set(Array.from({ length: NUDGES }, (_, i) => `CN${i}`));
    const nudgePosts = (r: Replica) => r.slack.callsOf("chat.postMessage").filter((c) => nudgeChannels.has(String(c.args.channel)));

    // 4. A nudge pass starts in every replica at the same moment (as their schedulers would
    //    if their minutes lined up). Once one replica has finished its pass and sent some
    //    nudges, kill it the moment its next post arrives at its fake Slack (the answer is
    //    40 ms away, so that send is in flight and not yet recorded).
    const drivenPass = (r: Replica) => r.logs.find((l) => l.msg === "driven nudge pass" || l.msg === "driven nudge pass failed");
    for (const r of replicas) r.child.stdin!.write("nudge-pass\n");
    let victim: Replica | undefined;
    const until = Date.now() + 150_000;
    while (!victim && Date.now() < until) {
      victim = replicas.find((r) => drivenPass(r) && nudgePosts(r).length >= 20);
      if (!victim) await sleep(2);
    }
    if (!victim) {
      const outbox = await prisma.outboxMessage.groupBy({ by: ["status"], _count: true });
      const trouble = replicas.map((r) => r.logs.filter((l) => (l.level as number) >= 40 || String(l.msg).includes("nudge pass")));
      throw new Error(`no replica finished its pass and sent 20 nudges: ${JSON.stringify({ posts: replicas.map((r) => nudgePosts(r).length), outbox, trouble })}`);
    }
    const seen = nudgePosts(victim).length;
    const waitNext = Date.now() + 10_000;
    while (nudgePosts(victim).length === seen && Date.now() < waitNext) await sleep(1);
    await kill(victim);
    // The kill did land mid-dispatch: a post had just reached the victim's Slack.
    expect(nudgePosts(victim).length).toBeGreaterThan(seen);
    const victimPosts = new Set(nudgePosts(victim).map((c) => String(c.args.channel)));
    const survivors = replicas.filter((r) => r !== victim);

    // 5. The survivors finish: every seeded deadline nudged, nothing left to send.
    const done = async () =>
      survivors.every(drivenPass) &&
      (await prisma.outboxMessage.count({ where: { idempotencyKey: { startsWith: "deadline/" } } })) >= NUDGES &&
      (await prisma.outboxMessage.count({ where: { status: { not: "sent" } } })) === 0;
    const finishBy = Date.now() + 120_000;
    while (!(await done()) && Date.now() < finishBy) await sleep(200);

    const received = new Map<string, number>();
    for (const r of replicas) for (const c of nudgePosts(r)) received.set(String(c.args.channel), (received.get(String(c.args.channel)) ?? 0) + 1);
    const duplicated = [...received.entries()].filter(([, n]) => n > 1);
    const duplicates = duplicated.reduce((n, [, c]) => n + c - 1, 0);
    // Every pass that sent anything logs "nudge pass" with its count (scheduled or driven).
    const passes = replicas.map((r) => r.logs.filter((l) => l.msg === "nudge pass").map((l) => l.sent as number));
    const driven = replicas.map((r) => drivenPass(r));
    const rows = await prisma.outboxMessage.findMany({ where: { idempotencyKey: { startsWith: "deadline/" } } });
    // eslint-disable-next-line no-console
    console.log(
      `replicas test: ${rows.length} nudge rows for ${NUDGES} deadlines; posts per replica ${JSON.stringify(replicas.map((r) => nudgePosts(r).length))}; ` +
        `nudges enqueued per replica's passes ${JSON.stringify(passes)}; driven passes ${JSON.stringify(driven.map((d) => d && { sent: d.sent, considered: d.considered, failed: d.failed }))}; killed replica ${victim.n} after ${victimPosts.size} posts; ` +
        `${received.size}/${NUDGES} channels nudged; ${duplicates} duplicate(s) ${JSON.stringify(duplicated)}; ` +
        `warnings ${JSON.stringify(replicas.map((r) => r.logs.filter((l) => l.level === 40).map((l) => l.msg)))}`,
    );

    // 0 lost: one nudge row per deadline, all sent, each channel posted to.
    expect(rows).toHaveLength(NUDGES);
    expect(await prisma.outboxMessage.count({ where: { status: { not: "sent" } } })).toBe(0);
    expect(received.size).toBe(NUDGES);
    // However the concurrent passes shared the deadlines, each was nudged by exactly one of them.
    for (const d of driven) expect(d).toEqual(expect.objectContaining({ msg: "driven nudge pass", failed: 0 }));
    // (At most: a scheduled pass the kill cut short would have committed batches but logged nothing.)
    expect(passes.flat().reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(NUDGES);
    // Duplicates only where the crash explains them.
    expect(duplicates).toBeLessThanOrEqual(MAX_IN_FLIGHT);
    for (const [channel] of duplicated) {
      expect(victimPosts.has(channel)).toBe(true);
      const row = rows.find((x) => x.channelLinkId === `L-n${channel.slice(2)}`)!;
      expect(row.attempts).toBeGreaterThan(1);
    }
    // The roster went out once (a redelivered submission convenes nothing new).
    const rosters = replicas.flatMap((r) => r.slack.callsOf("chat.postMessage")).filter((c) => JSON.stringify(c.args).includes("Strategy discussion · CS-2026-7000"));
    expect(rosters).toHaveLength(1);
    // No replica logged an error: no deadlock, no failed pass or dispatch round, no lock timeout.
    expect(replicas.flatMap((r) => r.logs.filter((l) => (l.level as number) >= 50).map((l) => ({ replica: r.n, msg: l.msg, err: l.err })))).toEqual([]);
    // The survivors are still serving, and the audit trail (links, answers, nudged clocks' seals) verifies.
    for (const r of survivors) expect(r.child.exitCode).toBeNull();
    const verification = await verifyAuditTrail(uow, testAuditKey(url));
    expect(verification).toEqual(expect.objectContaining({ ok: true }));
  }, 300_000);
});
