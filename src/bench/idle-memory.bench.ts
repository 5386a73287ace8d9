import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { applySqliteMigrations } from "../store/migration-runner";
import { startChild } from "./bench-process";
import { interleaved, median, spread, type FigureRow } from "./bench-stats";

// Idle memory: the resident set size of the server (started as `npm start` runs it, migrated,
// channels mounted, then left idle) against a process that only loads the Prisma client and
// runs one query on the same file. Both channels on, and one channel (Slack only, where the
// Bot Framework SDK is never loaded).

const ROOT = path.resolve(__dirname, "../..");
const ROUNDS = 3;
const SETTLE_MS = 3_000;

async function idleRss(script: string, env: Record<string, string>): Promise<number> {
  const p = await startChild(script, env);
  try {
    await new Promise((r) => setTimeout(r, SETTLE_MS));
    return await p.rssMb();
  } finally {
    await p.stop();
  }
}

/** Idle RSS against the Prisma client alone. */
export async function benchIdleMemory(): Promise<FigureRow[]> {
  const dir = mkdtempSync(path.join(tmpdir(), "convene-bench-memory-"));
  try {
    const url = `file:${path.join(dir, "memory.db")}`;
    applySqliteMigrations(url);
    const common = { DATABASE_URL: url, CONVENE_SCHEDULER: "off", LOG_LEVEL: "silent" };
    const slack = { SLACK_SIGNING_SECRET: "bench-signing-secret", SLACK_BOT_TOKEN: "xoxb-bench", SLACK_API_URL: "http://127.0.0.1:9/api/" };
    // Local mode (Teams through the playground) plus Slack: both SDKs loaded.
    const both = () => idleRss(path.join(ROOT, "dist/main.js"), { ...common, NODE_ENV: "development", ...slack });
    // Production with Slack credentials only: Teams is off, so botbuilder is never required.
    const slackOnly = () => idleRss(path.join(ROOT, "dist/main.js"), { ...common, NODE_ENV: "production", CONVENE_AUDIT_KEY: "b".repeat(64), ...slack });
    const prismaOnly = () => idleRss(path.join(ROOT, "dist/bench/anchors/prisma-client-only.js"), { DATABASE_URL: url });
    const first = await interleaved(ROUNDS, both, prismaOnly);
    const second: number[] = [];
    for (let r = 0; r < ROUNDS; r++) second.push(await slackOnly());
    process.stdout.write(`\nIdle memory, RSS after ${SETTLE_MS / 1000} s idle (${ROUNDS} rounds; median (min–max) MB)\n`);
    console.table([
      { process: "Convene, Teams (local mode) and Slack", "RSS MB": spread(first.subject) },
      { process: "Convene, Slack only (production config)", "RSS MB": spread(second) },
      { process: "Prisma client alone (anchor)", "RSS MB": spread(first.anchor) },
    ]);
    const m = median(first.subject);
    const anchor = median(first.anchor);
    return [
      {
        figure: "idle RSS, both channels",
        measured: `${m.toFixed(0)} MB`,
        anchor: `Prisma client alone ${anchor.toFixed(0)} MB`,
        ratio: `${(m / anchor).toFixed(2)}× Prisma`,
        goal: "≤ 180 MB",
        met: m <= 180 ? "yes" : "no",
      },
      {
        figure: "idle RSS, Slack only",
        measured: `${median(second).toFixed(0)} MB`,
        anchor: `Prisma client alone ${anchor.toFixed(0)} MB`,
        ratio: `${(median(second) / anchor).toFixed(2)}× Prisma`,
        goal: "≤ 180 MB",
        met: median(second) <= 180 ? "yes" : "no",
      },
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
