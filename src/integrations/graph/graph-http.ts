import { request as httpRequest } from "node:http";
import { request as httpsRequest } from "node:https";

/** A failed call to the identity provider or Graph. `status` is null for a network failure or timeout. */
export class GraphError extends Error {
  constructor(
    message: string,
    /** The HTTP status, or null when no answer came. */
    public readonly status: number | null,
    /** Graph's Retry-After (429, 503), in ms. */
    public readonly retryAfterMs: number | null = null,
  ) {
    super(message);
    this.name = "GraphError";
  }
}

/** An HTTP answer with its body parsed as JSON (null when empty). */
export interface JsonResponse {
  /** The HTTP status. */
  status: number;
  /** The parsed body. */
  body: unknown;
  /** Retry-After in ms, when given. */
  retryAfterMs: number | null;
}

/** How long one call may take before it counts as failed (and the dispatcher retries). */
const TIMEOUT_MS = 15_000;

/**
 * One JSON request over node's http/https, trusting `ca` as well as the system's roots when
 * given. Node's fetch takes no per-call CA, and a TLS-inspecting proxy (or a test's
 * self-signed fake) needs one, so Graph calls go through this small client (the token call goes through msal, given the same CA).
 */
export function requestJson(url: string, init: { method: string; headers?: Record<string, string>; body?: string; ca?: string }): Promise<JsonResponse> {
  const u = new URL(url);
  const send = u.protocol === "https:" ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const req = send(
      u,
      {
        method: init.method,
        headers: { accept: "application/json", ...(init.body !== undefined ? { "content-length": String(Buffer.byteLength(init.body)) } : {}), ...init.headers },
        ...(init.ca && u.protocol === "https:" ? { ca: init.ca } : {}),
        timeout: TIMEOUT_MS,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("error", (err) => reject(new GraphError(`${init.method} ${u.pathname}: ${err.message}`, null)));
        res.on("end", () => {
          const text = Buffer.concat(chunks).toString("utf8");
          let body: unknown = null;
          try {
            body = text ? JSON.parse(text) : null;
          } catch {
            body = null;
          }
          const retry = Number(res.headers["retry-after"]);
          resolve({ status: res.statusCode ?? 0, body, retryAfterMs: Number.isFinite(retry) && retry >= 0 ? Math.min(retry, 3600) * 1000 : null });
        });
      },
    );
    req.on("timeout", () => req.destroy(new Error(`no answer in ${TIMEOUT_MS} ms`)));
    req.on("error", (err) => reject(new GraphError(`${init.method} ${u.pathname}: ${err.message}`, null)));
    if (init.body !== undefined) req.write(init.body);
    req.end();
  });
}
