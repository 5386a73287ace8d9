import { execFile } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { freePort } from "./bench-process";
import { connectPostgres } from "../store/postgres-connection";

// Where the PostgreSQL figures run: the server CONVENE_BENCH_POSTGRES_URL names (the bench
// makes and drops its own databases there, so any server you may create databases on will
// do), else a throwaway loopback server started with scripts/throwaway-postgres.sh in a temp
// folder and stopped at the end. Without either, the SQLite figures still run and one line
// says why PostgreSQL's did not: a missing server must never cost the figures we can take.

const ROOT = path.resolve(__dirname, "../..");
const SCRIPT = path.join(ROOT, "scripts/throwaway-postgres.sh");
const run = promisify(execFile);

/** The audit key every PostgreSQL bench database uses (PostgreSQL needs one configured; replicas share it). */
export const BENCH_AUDIT_KEY = "bench-audit-key-0123456789abcdef0123456789abcdef";

/** A server to run the PostgreSQL figures on, and how it was found (said beside the figures). */
export interface BenchPostgres {
  serverUrl: string;
  /** e.g. "throwaway PostgreSQL 15 on loopback, fsync off" */
  describe: string;
  stop(): Promise<void>;
}

/** Writes a progress line for long work (seeding, starting servers) to stderr, so stdout keeps only figures. */
export function progress(line: string): void {
  process.stderr.write(`… ${line}\n`);
}

/** Whether the server binaries scripts/throwaway-postgres.sh looks for are here (it would otherwise apt-get install them). */
function serverBinariesPresent(): boolean {
  const lib = "/usr/lib/postgresql";
  if (existsSync(lib) && readdirSync(lib).some((v) => existsSync(path.join(lib, v, "bin/initdb")))) return true;
  return (process.env.PATH ?? "").split(path.delimiter).some((d) => d && existsSync(path.join(d, "initdb")));
}

async function serverVersion(url: string): Promise<string> {
  const c = await connectPostgres(url);
  try {
    return (await c.query<{ v: string }>("SELECT current_setting('server_version') AS v")).rows[0]!.v.split(" ")[0]!;
  } finally {
    await c.end();
  }
}

let pending: Promise<BenchPostgres | { skipped: string }> | undefined;

/**
 * The PostgreSQL server for this run, found or started once and shared by every section;
 * `{ skipped }` with the reason when there is none. Call {@link stopBenchPostgres} at the end.
 */
export function benchPostgres(): Promise<BenchPostgres | { skipped: string }> {
  pending ??= findOrStart();
  return pending;
}

/** Stops the throwaway server, if this run started one. */
export async function stopBenchPostgres(): Promise<void> {
  if (!pending) return;
  const pg = await pending;
  if ("stop" in pg) await pg.stop();
}

async function findOrStart(): Promise<BenchPostgres | { skipped: string }> {
  const configured = process.env.CONVENE_BENCH_POSTGRES_URL?.trim();
  if (configured) {
    try {
      const version = await serverVersion(configured);
      return { serverUrl: configured, describe: `PostgreSQL ${version} at CONVENE_BENCH_POSTGRES_URL`, stop: async () => undefined };
    } catch (err) {
      return { skipped: `CONVENE_BENCH_POSTGRES_URL is set but ${(err as Error).message}` };
    }
  }
  if (process.platform !== "linux") return { skipped: "no CONVENE_BENCH_POSTGRES_URL, and scripts/throwaway-postgres.sh runs on Linux only" };
  if (!serverBinariesPresent()) return { skipped: "no CONVENE_BENCH_POSTGRES_URL, and no PostgreSQL server binaries for a throwaway server (apt-get install -y postgresql)" };
  const dir = mkdtempSync(path.join(tmpdir(), "convene-bench-pg-"));
  const port = await freePort();
  const stop = async () => {
    await run(SCRIPT, ["stop", dir]).catch(() => undefined);
    rmSync(dir, { recursive: true, force: true });
  };
  progress(`starting a throwaway PostgreSQL on 127.0.0.1:${port} (scripts/throwaway-postgres.sh)`);
  try {
    const { stdout } = await run(SCRIPT, ["start", dir, String(port)], { timeout: 120_000 });
    const serverUrl = stdout.trim().split("\n").pop()!;
    const version = await serverVersion(serverUrl);
    // Ctrl-C mid-run must not leave a server running in /tmp.
    process.once("SIGINT", () => void stop().finally(() => process.exit(130)));
    // The script switches durability off (the data is thrown away): commits cost less than on a real server.
    return { serverUrl, describe: `throwaway PostgreSQL ${version} on loopback, fsync and synchronous_commit off`, stop };
  } catch (err) {
    await stop();
    const e = err as { stderr?: string; message: string };
    return { skipped: `scripts/throwaway-postgres.sh could not start a server: ${(e.stderr?.trim() || e.message).split("\n").pop()}` };
  }
}
