import { createHmac, randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { ActionId } from "../app/conversation/action-id";
import { slackActionId } from "../cards/slack/slack-action-id";
import { startChild, type BenchProcess } from "./bench-process";
import { median, rotated, spread, type DatabaseRow, type FigureRow } from "./bench-stats";
import { BENCH_AUDIT_KEY, benchPostgres, progress, type BenchPostgres } from "./bench-postgres";
import { createPostgresDatabase, dropPostgresDatabase } from "../store/postgres-connection";
import { startFakeSlackApi } from "./fake-slack-api";
import { drive, type DriverRequest, type LoadResult } from "./load-driver";
import { answersRecorded, seedMeetingToAnswer } from "./seed-meeting";

// A Slack Accept on the real server (signature, dedupe, one transaction, outbox row) against
// a bare Bolt app acknowledging the same signed block_actions request: requests per second
// and p99 at 10 keep-alive connections, each side in its own process, rounds interleaved.
// When the bench has a PostgreSQL server, a second Convene on a PostgreSQL database takes
// its turn in the same rounds against the same Bolt app, and its answers are counted too.

const ROOT = path.resolve(__dirname, "../..");
// CONVENE_BENCH_MAIN=<another build's dist/main.js> measures that build instead (before and after a change).
const SUBJECT = process.env.CONVENE_BENCH_MAIN ?? path.join(ROOT, "dist/main.js");
const SECRET = "bench-signing-secret-0123456789abcdef";
const TEAM = "T0BENCH";
const CHANNEL = "C0BENCH";
const USER = { id: "U0SW", name: "Sam Okafor", email: "sam@la.example" };
const CONNECTIONS = 10;
const ROUND_MS = 5_000;
const ROUNDS = 3;

let seq = 0;
/** A signed block_actions request: a press of Accept, fresh action_ts each time (a new command, not a redelivery). */
function acceptRequest(invitationId: string): DriverRequest {
  const n = ++seq;
  const payload = {
    type: "block_actions",
    api_app_id: "A0CONVENE",
    team: { id: TEAM, domain: "bench" },
    user: { id: USER.id, username: "u", name: "u", team_id: TEAM },
    channel: { id: CHANNEL, name: "case-channel" },
    container: { type: "message", channel_id: CHANNEL, message_ts: "1.0", is_ephemeral: false },
    message: { type: "message", ts: "1.0", blocks: [] },
    trigger_id: `trig.bench${n}`,
    response_url: "http://127.0.0.1:9/actions/response",
    actions: [{ type: "button", action_id: slackActionId(ActionId.Accept, invitationId), block_id: "b", value: invitationId, action_ts: `${1_800_000_000 + n}.000100`, text: { type: "plain_text", text: "Accept" } }],
  };
  const body = new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
  const ts = Math.floor(Date.now() / 1000);
  const signature = `v0=${createHmac("sha256", SECRET).update(`v0:${ts}:${body}`).digest("hex")}`;
  return { path: "/slack/events", headers: { "content-type": "application/x-www-form-urlencoded", "x-slack-request-timestamp": String(ts), "x-slack-signature": signature }, body };
}

function check(side: string, r: LoadResult): LoadResult {
  if (r.errors > 0 || r.ok === 0) throw new Error(`${side}: ${r.errors} failed of ${r.ok + r.errors}; first: ${r.firstError ?? "none"}`);
  return r;
}

/** Throughput and latency over rounds, "median (min–max)". */
function row(server: string, rs: LoadResult[]): Record<string, string> {
  return { server, "req/s": spread(rs.map((r) => r.rps)), "p50 ms": spread(rs.map((r) => r.p50), 1), "p99 ms": spread(rs.map((r) => r.p99), 1) };
}

/** The server's figure in one cell: median req/s and p99. */
function cell(rs: LoadResult[]): string {
  return `${median(rs.map((r) => r.rps)).toFixed(0)} req/s, p99 ${median(rs.map((r) => r.p99)).toFixed(1)} ms`;
}

/** The Slack Accept against a bare Bolt app, on SQLite and (when there is a server) on PostgreSQL. */
export async function benchSlackAccept(): Promise<{ figures: FigureRow[]; databases: DatabaseRow[] }> {
  const dir = mkdtempSync(path.join(tmpdir(), "convene-bench-slack-"));
  const fake = await startFakeSlackApi({ teamId: TEAM, users: [USER] });
  const procs: BenchProcess[] = [];
  const pg = await benchPostgres();
  const server = "serverUrl" in pg ? (pg as BenchPostgres) : null;
  const pgDatabase = `convene_bench_slack_${randomBytes(4).toString("hex")}`;
  try {
    const url = `file:${path.join(dir, "slack.db")}`;
    const actor = { platform: "slack" as const, tenant: TEAM, userId: USER.id, displayName: USER.name, email: USER.email };
    const conversationRef = JSON.stringify({ teamId: TEAM, channelId: CHANNEL });
    const env = { CONVENE_SCHEDULER: "off", LOG_LEVEL: "silent", NODE_ENV: "test", SLACK_SIGNING_SECRET: SECRET, SLACK_BOT_TOKEN: "xoxb-bench", SLACK_API_URL: `${fake.url}/api/` };
    const invitationId = await seedMeetingToAnswer(url, actor, { platform: "slack", conversationId: CHANNEL }, conversationRef);
    const convene = await startChild(SUBJECT, { ...env, DATABASE_URL: url });
    procs.push(convene);
    const bolt = await startChild(path.join(ROOT, "scripts/bench-anchors/bare-bolt-app.js"), { SLACK_SIGNING_SECRET: SECRET });
    procs.push(bolt);
    let pgSide: { url: string; proc: BenchProcess; invitationId: string } | null = null;
    if (server) {
      progress("Slack Accept: seeding a meeting on PostgreSQL and starting Convene on it");
      const pgUrl = await createPostgresDatabase(server.serverUrl, pgDatabase);
      const pgInvitation = await seedMeetingToAnswer(pgUrl, actor, { platform: "slack", conversationId: CHANNEL }, conversationRef);
      const proc = await startChild(SUBJECT, { ...env, DATABASE_URL: pgUrl, CONVENE_AUDIT_KEY: BENCH_AUDIT_KEY });
      procs.push(proc);
      pgSide = { url: pgUrl, proc, invitationId: pgInvitation };
    }
    const run = (p: BenchProcess, ms: number, invitation = invitationId) => drive({ baseUrl: `http://127.0.0.1:${p.port}`, connections: CONNECTIONS, durationMs: ms, next: () => acceptRequest(invitation) });
    // Warm-up: JIT, Prisma's query compiler, the users.info and auth.test caches.
    const warm = check("Convene (warm-up)", await run(convene, 1_500));
    check("bare Bolt (warm-up)", await run(bolt, 1_500));
    const pgWarm = pgSide ? check("Convene on PostgreSQL (warm-up)", await run(pgSide.proc, 1_500, pgSide.invitationId)) : null;
    const sides = [async () => check("Convene", await run(convene, ROUND_MS)), async () => check("bare Bolt", await run(bolt, ROUND_MS))];
    if (pgSide) {
      const p = pgSide;
      sides.push(async () => check("Convene on PostgreSQL", await run(p.proc, ROUND_MS, p.invitationId)));
    }
    progress(`Slack Accept: ${ROUNDS} rounds of ${sides.length} servers, ${ROUND_MS / 1000} s each`);
    const [subject, anchor, pgSubject = []] = (await rotated(ROUNDS, sides)) as [LoadResult[], LoadResult[], LoadResult[]?];
    const acknowledged = warm.ok + subject.reduce((n, r) => n + r.ok, 0);
    const recorded = await answersRecorded(url);
    if (recorded < acknowledged) throw new Error(`Convene acknowledged ${acknowledged} Accepts but recorded ${recorded}: it refused some, so the figures would not be Accepts`);
    if (pgSide) {
      const pgAcknowledged = pgWarm!.ok + pgSubject.reduce((n, r) => n + r.ok, 0);
      const pgRecorded = await answersRecorded(pgSide.url);
      if (pgRecorded < pgAcknowledged) throw new Error(`Convene on PostgreSQL acknowledged ${pgAcknowledged} Accepts but recorded ${pgRecorded}: it refused some, so the figures would not be Accepts`);
    }
    process.stdout.write(`\nSlack Accept, ${CONNECTIONS} keep-alive connections, ${ROUNDS} rounds of ${ROUND_MS / 1000} s, servers rotated (median (min–max))\n`);
    console.table([
      row("Convene on SQLite (signature, dedupe, transaction, outbox row)", subject),
      ...(pgSide ? [row("Convene on PostgreSQL (the same, behind the advisory write lock)", pgSubject)] : []),
      row("bare Bolt app, ack only (anchor)", anchor),
    ]);
    const ratio = median(subject.map((r, i) => r.rps / anchor[i]!.rps));
    const p99 = median(subject.map((r) => r.p99));
    const boltCell = `bare Bolt ${median(anchor.map((r) => r.rps)).toFixed(0)} req/s`;
    const databases: DatabaseRow[] = [
      pgSide
        ? { figure: "Slack Accept", SQLite: cell(subject), PostgreSQL: cell(pgSubject), anchor: `${boltCell} (both)`, ratio: `${ratio.toFixed(2)}× | ${median(pgSubject.map((r, i) => r.rps / anchor[i]!.rps)).toFixed(2)}× Bolt` }
        : { figure: "Slack Accept", SQLite: cell(subject), PostgreSQL: `skipped: ${(pg as { skipped: string }).skipped}`, anchor: boltCell, ratio: `${ratio.toFixed(2)}× Bolt` },
    ];
    const figures: FigureRow[] = [
      {
        figure: "Slack Accept",
        measured: cell(subject),
        anchor: boltCell,
        ratio: `${ratio.toFixed(2)}× Bolt`,
        goal: "≥ 0.5× Bolt, p99 ≤ 25 ms",
        met: ratio >= 0.5 && p99 <= 25 ? "yes" : "no",
      },
    ];
    return { figures, databases };
  } finally {
    for (const p of procs) await p.stop();
    await fake.stop();
    if (server) await dropPostgresDatabase(server.serverUrl, pgDatabase).catch(() => undefined);
    rmSync(dir, { recursive: true, force: true });
  }
}
