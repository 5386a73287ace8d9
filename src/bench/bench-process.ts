import { spawn, type ChildProcess } from "node:child_process";
import { get } from "node:http";
import { createServer } from "node:net";

// Child processes for the benchmark: the server under test and each anchor run in their own
// process, so the load driver never shares an event loop with what it measures.

/** A free loopback port. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

/** A started child and how to stop it. */
export interface BenchProcess {
  child: ChildProcess;
  port: number;
  /** The child's resident set size now, in MB (from /proc; NaN where there is none). */
  rssMb(): Promise<number>;
  stop(): Promise<void>;
}

/** The HTTP status a GET of `path` on this loopback port answers with, or null while nothing answers. */
export function httpStatus(port: number, path: string): Promise<number | null> {
  return new Promise((resolve) => {
    const req = get({ host: "127.0.0.1", port, path, agent: false, timeout: 1_000 }, (res) => {
      res.resume();
      resolve(res.statusCode ?? null);
    });
    req.on("timeout", () => req.destroy());
    req.on("error", () => resolve(null));
  });
}

/** Starts `node <script>` with `env` (PORT set to a free port) and waits until it answers HTTP on `probe`. */
export async function startChild(script: string, env: Record<string, string>, probe = "/healthz"): Promise<BenchProcess> {
  const port = await freePort();
  // CONVENE_BENCH_CPU_PROFILE=<dir> writes a V8 CPU profile of every child, to read where the time went.
  const profile = process.env.CONVENE_BENCH_CPU_PROFILE ? ["--cpu-prof", `--cpu-prof-dir=${process.env.CONVENE_BENCH_CPU_PROFILE}`] : [];
  const child = spawn(process.execPath, [...profile, script], { env: { ...process.env, ...env, PORT: String(port) }, stdio: ["ignore", "ignore", "pipe"] });
  let stderr = "";
  child.stderr?.on("data", (c: Buffer) => (stderr = (stderr + c.toString()).slice(-2000)));
  const deadline = Date.now() + 60_000;
  // The answer must come from this child: on a shared machine another process can take the
  // free port between freePort() and our listen, and its answer would pass for ours.
  while ((await httpStatus(port, probe)) === null || !(await listensOn(child.pid!, port))) {
    if (child.exitCode !== null) throw new Error(`${script} exited with ${child.exitCode}: ${stderr}`);
    if (Date.now() > deadline) throw new Error(`${script} did not answer on ${probe} within 60 s: ${stderr}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    child,
    port,
    rssMb: () => childRssMb(child.pid!),
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
        setTimeout(() => child.kill("SIGKILL"), 5_000).unref();
      }),
  };
}

/** A process's resident set size in MB, from /proc/<pid>/status (Linux). */
export async function childRssMb(pid: number): Promise<number> {
  const { readFile } = await import("node:fs/promises");
  try {
    const status = await readFile(`/proc/${pid}/status`, "utf8");
    const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1]);
    return kb / 1024;
  } catch {
    return NaN;
  }
}

/**
 * Whether process `pid` holds the listening socket on loopback `port` (Linux: its socket
 * inodes in /proc/<pid>/fd against /proc/net/tcp{,6}). True where /proc is missing, so the
 * bench still runs elsewhere, only without this check.
 */
async function listensOn(pid: number, port: number): Promise<boolean> {
  const { readFile, readdir, readlink } = await import("node:fs/promises");
  let fds: string[];
  try {
    fds = await readdir(`/proc/${pid}/fd`);
  } catch {
    return process.platform !== "linux";
  }
  const inodes = new Set<string>();
  for (const fd of fds) {
    const link = await readlink(`/proc/${pid}/fd/${fd}`).catch(() => "");
    const m = /^socket:\[(\d+)\]$/.exec(link);
    if (m) inodes.add(m[1]!);
  }
  const hex = port.toString(16).toUpperCase().padStart(4, "0");
  for (const table of ["/proc/net/tcp", "/proc/net/tcp6"]) {
    const text = await readFile(table, "utf8").catch(() => "");
    for (const line of text.split("\n").slice(1)) {
      const f = line.trim().split(/\s+/);
      // local_address is "ADDR:PORT", st 0A is LISTEN, the inode is the tenth field.
      if (f[1]?.endsWith(`:${hex}`) && f[3] === "0A" && inodes.has(f[9] ?? "")) return true;
    }
  }
  return false;
}
