import type { IncomingMessage, ServerResponse } from "node:http";

/** One HTTP route. Channels contribute routes; the server knows nothing of their protocols. */
export interface Route {
  method: "GET" | "POST" | "PUT" | "DELETE";
  /** Exact path, or a prefix ending in "*" (e.g. "/playground/*"). */
  path: string;
  handle(req: IncomingMessage, res: ServerResponse): Promise<void> | void;
}

/** Finds the route for a request; exact paths win over prefixes. */
export function matchRoute(routes: readonly Route[], method: string, pathname: string): Route | undefined {
  const candidates = routes.filter((r) => r.method === method);
  return (
    candidates.find((r) => r.path === pathname) ??
    candidates.find((r) => r.path.endsWith("*") && pathname.startsWith(r.path.slice(0, -1)))
  );
}

/** Writes a JSON response. */
export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { "content-type": "application/json; charset=utf-8", "content-length": Buffer.byteLength(text) });
  res.end(text);
}

/** Reads a request body up to `limit` bytes (1 MiB by default); rejects larger bodies. */
export async function readBody(req: IncomingMessage, limit = 1024 * 1024): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) throw Object.assign(new Error("Request body too large"), { statusCode: 413 });
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString("utf8");
}

/** True for loopback peers (IPv4, IPv6 and IPv4-mapped IPv6). */
export function isLoopback(address: string | undefined): boolean {
  if (!address) return false;
  return address === "::1" || address.startsWith("127.") || address.startsWith("::ffff:127.");
}

/** True for a hostname that names this machine: localhost, 127.0.0.0/8, ::1. */
export function isLoopbackHostname(hostname: string): boolean {
  const h = hostname.toLowerCase().replace(/^\[|\]$/g, "");
  return h === "localhost" || h.endsWith(".localhost") || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(h) || h === "::1" || h.startsWith("::ffff:127.");
}

/**
 * True when a request both comes from this machine and was addressed to it by a loopback
 * name. The second half stops DNS rebinding: a web page whose own name resolves to
 * 127.0.0.1 reaches the socket from loopback, but its Host header still names its site.
 */
export function isLocalRequest(req: IncomingMessage): boolean {
  if (!isLoopback(req.socket.remoteAddress)) return false;
  const host = req.headers.host;
  if (!host) return false;
  try {
    return isLoopbackHostname(new URL(`http://${host}`).hostname);
  } catch {
    return false;
  }
}

/**
 * True when a browser sent the request from another site: an `Origin` header (browsers
 * send it on every cross-site POST, whatever the content type) that is not this server's
 * own origin as the request's Host names it. Bot Framework and Slack send no Origin.
 */
export function isForeignOrigin(req: IncomingMessage): boolean {
  const origin = req.headers.origin;
  if (origin === undefined) return false;
  const host = req.headers.host;
  if (!host) return true;
  try {
    const o = new URL(origin);
    return (o.protocol !== "http:" && o.protocol !== "https:") || o.host.toLowerCase() !== host.toLowerCase();
  } catch {
    return true; // "null" (sandboxed frames, file:) and anything unparseable
  }
}

/** True when the body is declared as JSON: a `text/plain` form post is how a cross-site page sends "simple" requests. */
export function isJsonRequest(req: IncomingMessage): boolean {
  const type = (req.headers["content-type"] ?? "").split(";")[0]!.trim().toLowerCase();
  return type === "application/json";
}
