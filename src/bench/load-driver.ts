import { Agent, request } from "node:http";
import { percentile } from "./bench-stats";

// A small closed-loop HTTP load driver on node:http with keep-alive connections, so the
// benchmark needs no load-testing package: `connections` requests are in flight at any time,
// each connection sending its next request as soon as the previous answer has been read.

/** One request the driver sends. */
export interface DriverRequest {
  path: string;
  headers: Record<string, string>;
  body: string;
}

/** What one run measured. */
export interface LoadResult {
  /** Requests answered with a 2xx status. */
  ok: number;
  /** Requests answered otherwise, or failed. */
  errors: number;
  /** Answered requests per second over the run. */
  rps: number;
  /** Latency percentiles in milliseconds. */
  p50: number;
  p99: number;
  /** The first non-2xx status seen, to say why a run went wrong. */
  firstError?: string;
}

/** Sends requests made by `next` to `baseUrl` over `connections` keep-alive connections for `durationMs`. */
export async function drive(opts: { baseUrl: string; connections: number; durationMs: number; next: (i: number) => DriverRequest }): Promise<LoadResult> {
  const url = new URL(opts.baseUrl);
  const agent = new Agent({ keepAlive: true, maxSockets: opts.connections });
  const latencies: number[] = [];
  let errors = 0;
  let firstError: string | undefined;
  let seq = 0;
  const started = performance.now();
  const until = started + opts.durationMs;
  const one = (r: DriverRequest) =>
    new Promise<number>((resolve) => {
      const req = request(
        { host: url.hostname, port: url.port, path: r.path, method: "POST", agent, headers: { ...r.headers, "content-length": Buffer.byteLength(r.body) } },
        (res) => {
          let text = "";
          res.setEncoding("utf8");
          res.on("data", (c: string) => {
            if (text.length < 300) text += c;
          });
          res.on("end", () => {
            const status = res.statusCode ?? 0;
            if (status < 200 || status > 299) firstError ??= `${status} ${text.slice(0, 200)}`;
            resolve(status);
          });
        },
      );
      req.on("error", (err) => {
        firstError ??= err.message;
        resolve(0);
      });
      req.end(r.body);
    });
  const worker = async () => {
    while (performance.now() < until) {
      const t0 = performance.now();
      const status = await one(opts.next(seq++));
      if (status >= 200 && status < 300) latencies.push(performance.now() - t0);
      else errors++;
    }
  };
  await Promise.all(Array.from({ length: opts.connections }, worker));
  const seconds = (performance.now() - started) / 1000;
  agent.destroy();
  return { ok: latencies.length, errors, rps: latencies.length / seconds, p50: percentile(latencies, 50), p99: percentile(latencies, 99), ...(firstError ? { firstError } : {}) };
}
