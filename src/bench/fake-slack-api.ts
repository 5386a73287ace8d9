import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";

// A fake Slack Web API on loopback for the benchmark: answers what Convene calls during an
// Accept (auth.test once, users.info once per user, chat.update from the outbox, an
// ephemeral note) like Slack does, so the measured server talks to no one outside.

/** The workspace the fake answers for. */
export interface FakeSlackWorkspace {
  teamId: string;
  users: { id: string; name: string; email: string }[];
}

/** Starts the fake; SLACK_API_URL is `${url}/api/`. */
export async function startFakeSlackApi(ws: FakeSlackWorkspace): Promise<{ url: string; calls: Map<string, number>; stop(): Promise<void> }> {
  const calls = new Map<string, number>();
  let ts = 1_800_000_000;
  const server: Server = createServer((req, res) => {
    let raw = "";
    req.setEncoding("utf8");
    req.on("data", (c: string) => (raw += c));
    req.on("end", () => {
      const method = (req.url ?? "").replace(/^\/api\//, "").split("?")[0] ?? "";
      calls.set(method, (calls.get(method) ?? 0) + 1);
      let body: Record<string, unknown> = { ok: true };
      if (method === "auth.test") body = { ok: true, team_id: ws.teamId, user_id: "UBOT", bot_id: "BBOT" };
      else if (method === "users.info") {
        // The WebClient posts its arguments form-encoded (JSON when asked).
        const id = raw.startsWith("{") ? (JSON.parse(raw) as { user?: string }).user : new URLSearchParams(raw).get("user");
        const u = ws.users.find((x) => x.id === id);
        body = u
          ? { ok: true, user: { id: u.id, name: u.name, real_name: u.name, team_id: ws.teamId, is_bot: false, profile: { real_name: u.name, display_name: u.name, email: u.email } } }
          : { ok: false, error: "user_not_found" };
      } else if (method.startsWith("chat.")) body = { ok: true, channel: "C0BENCH", ts: `${++ts}.000100` };
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify(body));
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { url, calls, stop: () => new Promise<void>((r) => server.close(() => r())) };
}
