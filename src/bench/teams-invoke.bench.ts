import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { ActionId } from "../app/conversation/action-id";
import { startChild, type BenchProcess } from "./bench-process";
import { interleaved, median, spread, type FigureRow } from "./bench-stats";
import { startFakeTeamsConnector } from "./fake-teams-connector";
import { drive, type DriverRequest, type LoadResult } from "./load-driver";
import { answersRecorded, seedMeetingToAnswer } from "./seed-meeting";

// A Teams `respond` invoke (Accept pressed on the roster card, as an Action.Execute
// adaptiveCard/action invoke) on the real server against a bare CloudAdapter bot answering
// the same invoke: invokes per second and p99 at 10 keep-alive connections, each in its own
// process, rounds interleaved. Both run without a Microsoft app id (Convene's local mode),
// because with one the SDK would fetch a token from Microsoft for every connector call
// (Convene looks up who pressed the button through the connector), which a loopback bench
// cannot do; the token check on the way in is therefore not in either figure.

const ROOT = path.resolve(__dirname, "../..");
// CONVENE_BENCH_MAIN=<another build's dist/main.js> measures that build instead (before and after a change).
const SUBJECT = process.env.CONVENE_BENCH_MAIN ?? path.join(ROOT, "dist/main.js");
const CONVERSATION = "19:bench-case@thread.tacv2";
const USER = { id: "29:bench-sw", aadObjectId: "aad-bench-sw", name: "Sam Okafor", email: "sam@la.example" };
const CONNECTIONS = 10;
const ROUND_MS = 5_000;
const ROUNDS = 3;

let seq = 0;
/** An Action.Execute invoke pressing Accept, with a fresh activity id (a new command, not a redelivery). */
function acceptInvoke(serviceUrl: string, invitationId: string): DriverRequest {
  const activity = {
    id: `bench-${++seq}`,
    type: "invoke",
    name: "adaptiveCard/action",
    timestamp: new Date().toISOString(),
    channelId: "msteams",
    serviceUrl,
    from: { id: USER.id, name: USER.name, aadObjectId: USER.aadObjectId },
    recipient: { id: "28:convene-bench-bot", name: "Convene" },
    conversation: { id: CONVERSATION, conversationType: "channel", isGroup: true, tenantId: "local" },
    channelData: { tenant: { id: "local" } },
    locale: "en-GB",
    value: { action: { type: "Action.Execute", verb: ActionId.Accept, data: { invitationId } }, trigger: "manual" },
  };
  return { path: "/api/messages", headers: { "content-type": "application/json" }, body: JSON.stringify(activity) };
}

function check(side: string, r: LoadResult): LoadResult {
  if (r.errors > 0 || r.ok === 0) throw new Error(`${side}: ${r.errors} failed of ${r.ok + r.errors}; first: ${r.firstError ?? "none"}`);
  return r;
}

/** The Teams respond invoke against a bare CloudAdapter bot. */
export async function benchTeamsInvoke(): Promise<FigureRow[]> {
  const dir = mkdtempSync(path.join(tmpdir(), "convene-bench-teams-"));
  const connector = await startFakeTeamsConnector([USER]);
  const procs: BenchProcess[] = [];
  try {
    const url = `file:${path.join(dir, "teams.db")}`;
    const actor = { platform: "teams" as const, tenant: "local", userId: USER.aadObjectId, displayName: USER.name, email: USER.email, homeTenant: "local" };
    const conversationRef = JSON.stringify({ channelId: "msteams", serviceUrl: connector.url, conversation: { id: CONVERSATION, isGroup: true, conversationType: "channel", tenantId: "local" }, bot: { id: "28:convene-bench-bot", name: "Convene" } });
    const invitationId = await seedMeetingToAnswer(url, actor, { platform: "teams", conversationId: CONVERSATION }, conversationRef);
    const convene = await startChild(SUBJECT, { DATABASE_URL: url, CONVENE_SCHEDULER: "off", LOG_LEVEL: "silent", NODE_ENV: "test" });
    procs.push(convene);
    const bare = await startChild(path.join(ROOT, "scripts/bench-anchors/bare-cloud-adapter-bot.js"), {});
    procs.push(bare);
    const run = (p: BenchProcess, ms: number) => drive({ baseUrl: `http://127.0.0.1:${p.port}`, connections: CONNECTIONS, durationMs: ms, next: () => acceptInvoke(connector.url, invitationId) });
    const warm = check("Convene (warm-up)", await run(convene, 1_500));
    check("bare CloudAdapter (warm-up)", await run(bare, 1_500));
    const { subject, anchor } = await interleaved(
      ROUNDS,
      async () => check("Convene", await run(convene, ROUND_MS)),
      async () => check("bare CloudAdapter", await run(bare, ROUND_MS)),
    );
    const acknowledged = warm.ok + subject.reduce((n, r) => n + r.ok, 0);
    const recorded = await answersRecorded(url);
    if (recorded < acknowledged) throw new Error(`Convene acknowledged ${acknowledged} Accepts but recorded ${recorded}: it refused some, so the figures would not be Accepts`);
    process.stdout.write(`\nTeams respond invoke, ${CONNECTIONS} keep-alive connections, ${ROUNDS} interleaved rounds of ${ROUND_MS / 1000} s (median (min–max))\n`);
    console.table([
      { server: "Convene (identity, dedupe, transaction, outbox row, card reply)", "invokes/s": spread(subject.map((r) => r.rps)), "p50 ms": spread(subject.map((r) => r.p50), 1), "p99 ms": spread(subject.map((r) => r.p99), 1) },
      { server: "bare CloudAdapter bot (anchor)", "invokes/s": spread(anchor.map((r) => r.rps)), "p50 ms": spread(anchor.map((r) => r.p50), 1), "p99 ms": spread(anchor.map((r) => r.p99), 1) },
    ]);
    const rps = median(subject.map((r) => r.rps));
    const p99 = median(subject.map((r) => r.p99));
    return [
      {
        figure: "Teams respond invoke",
        measured: `${rps.toFixed(0)}/s, p99 ${p99.toFixed(1)} ms`,
        anchor: `bare CloudAdapter ${median(anchor.map((r) => r.rps)).toFixed(0)}/s`,
        ratio: `${median(subject.map((r, i) => r.rps / anchor[i]!.rps)).toFixed(2)}× CloudAdapter`,
        goal: "≥ 1,000/s, p99 ≤ 25 ms",
        met: rps >= 1000 && p99 <= 25 ? "yes" : "no",
      },
    ];
  } finally {
    for (const p of procs) await p.stop();
    await connector.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
