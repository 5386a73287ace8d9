import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { freePort, httpStatus } from "./bench-process";
import { median } from "./bench-stats";
import { tmpdir } from "node:os";
import path from "node:path";

// Start-up: time from spawning a start command to the first 200 from GET /healthz (the server
// listening, the database migrated, channels mounted), each round on a fresh SQLite file.
// The anchor, `node dist/main.js`, is the floor: the server with no build check at all.
// `node scripts/start.js` adds the staleness check; `npm start` adds npm itself.

const ROOT = path.resolve(__dirname, "../..");

interface Command {
  name: string;
  file: string;
  args: string[];
}

const COMMANDS: Command[] = [
  { name: "node dist/main.js (anchor)", file: process.execPath, args: [path.join(ROOT, "dist/main.js")] },
  { name: "node scripts/start.js", file: process.execPath, args: [path.join(ROOT, "scripts/start.js")] },
  { name: "npm start", file: "npm", args: ["start", "--silent"] },
];

const ROUNDS = 7;
const HEALTH_TIMEOUT_MS = 60_000;

interface Round {
  ms: number;
  /** The start script said it regenerated or rebuilt (sources changed under the bench). */
  rebuilt: boolean;
}

interface StartScript {
  buildDecision(root: string): { rebuild: boolean; reason: string | null };
  generateDecision(root: string): { generate: boolean; reason: string | null };
}


function exited(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once("exit", () => resolve());
  });
}

/** Signals the child's process group (npm and the node it starts), SIGKILL if it lingers. */
async function stop(child: ChildProcess): Promise<void> {
  const signal = (sig: NodeJS.Signals) => {
    try {
      process.kill(-child.pid!, sig);
    } catch {
      // already gone
    }
  };
  signal("SIGTERM");
  const timer = setTimeout(() => signal("SIGKILL"), 5_000);
  await exited(child);
  clearTimeout(timer);
}

async function timeOneStart(cmd: Command): Promise<Round> {
  const dir = mkdtempSync(path.join(tmpdir(), "convene-bench-start-"));
  const port = await freePort();
  const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: `file:${path.join(dir, "x.db")}`, PORT: String(port), HOST: "127.0.0.1", LOG_LEVEL: "silent", NODE_ENV: "development" };
  // Local mode whatever the caller's shell has set.
  for (const k of ["MICROSOFT_APP_ID", "MICROSOFT_APP_PASSWORD", "MICROSOFT_APP_TENANT_ID", "SLACK_SIGNING_SECRET", "SLACK_BOT_TOKEN"]) delete env[k];
  let output = "";
  const start = performance.now();
  const child = spawn(cmd.file, cmd.args, { cwd: ROOT, env, stdio: ["ignore", "pipe", "pipe"], detached: true });
  child.stdout!.on("data", (b: Buffer) => (output += b.toString()));
  child.stderr!.on("data", (b: Buffer) => (output += b.toString()));
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`${cmd.name} exited (${child.exitCode}) before /healthz answered 200:\n${output}`);
      if ((await httpStatus(port, "/healthz")) === 200) break;
      if (performance.now() - start > HEALTH_TIMEOUT_MS) throw new Error(`${cmd.name}: no 200 from /healthz in ${HEALTH_TIMEOUT_MS} ms:\n${output}`);
      await new Promise((r) => setTimeout(r, 5));
    }
    const ms = performance.now() - start;
    return { ms, rebuilt: /npm start: (rebuilding|regenerating)/.test(output) };
  } finally {
    await stop(child);
    rmSync(dir, { recursive: true, force: true });
  }
}


/** Times the staleness check alone, in this process (what start.js adds before main.js). */
function timeCheck(script: StartScript): number {
  const times: number[] = [];
  for (let i = 0; i < 21; i++) {
    const t = performance.now();
    script.generateDecision(ROOT);
    script.buildDecision(ROOT);
    times.push(performance.now() - t);
  }
  return median(times.slice(1));
}

export async function benchStartUp(): Promise<void> {
  const script = require(path.join(ROOT, "scripts/start.js")) as StartScript;
  const stale = script.generateDecision(ROOT).reason ?? script.buildDecision(ROOT).reason;
  if (stale) process.stdout.write(`note: dist/ is stale (${stale}); the first start-script round rebuilds, and is reported as such\n`);
  // Warm-up (file cache, the first SQLite file in the temp folder), not reported.
  for (const cmd of COMMANDS) await timeOneStart(cmd);
  const rounds = new Map<Command, Round[]>(COMMANDS.map((c) => [c, []]));
  // Interleaved, so a busy moment on the machine falls on every command alike.
  for (let i = 0; i < ROUNDS; i++) for (const cmd of COMMANDS) rounds.get(cmd)!.push(await timeOneStart(cmd));
  const anchor = median(rounds.get(COMMANDS[0]!)!.map((r) => r.ms));
  const rows = COMMANDS.map((cmd) => {
    const all = rounds.get(cmd)!;
    const ms = all.filter((r) => !r.rebuilt).map((r) => r.ms);
    const med = ms.length ? median(ms) : NaN;
    return {
      command: cmd.name,
      rounds: ms.length,
      "median ms": Math.round(med),
      "min ms": ms.length ? Math.round(Math.min(...ms)) : NaN,
      "max ms": ms.length ? Math.round(Math.max(...ms)) : NaN,
      "+ms vs anchor": Math.round(med - anchor),
      "rebuilt rounds (excluded)": all.length - ms.length,
    };
  });
  process.stdout.write(`\nStart-up: spawn to first 200 from GET /healthz, fresh SQLite file each round, ${ROUNDS} rounds each (interleaved)\n`);
  console.table(rows);
  process.stdout.write(`staleness check alone (generate + build decision, in-process): ${timeCheck(script).toFixed(1)} ms median\n`);
}
