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
