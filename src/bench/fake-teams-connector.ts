import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";

// A fake Bot Framework connector on loopback for the benchmark: answers member lookups
// (how Convene resolves who pressed a button) and accepts posts and updates, so the measured
// server talks to no one outside.

/** A Teams user the fake knows. */
export interface FakeTeamsMember {
  id: string;
  aadObjectId: string;
  name: string;
  email: string;
}

/** Starts the fake; activities carry its url as their serviceUrl. */
export async function startFakeTeamsConnector(members: FakeTeamsMember[]): Promise<{ url: string; stop(): Promise<void> }> {
  let seq = 0;
  const server: Server = createServer((req, res) => {
    req.resume();
    req.on("end", () => {
      const p = new URL(req.url ?? "/", "http://x").pathname;
      const send = (status: number, body: unknown) => {
        res.writeHead(status, { "content-type": "application/json" });
        res.end(JSON.stringify(body));
      };
      const member = /\/v3\/conversations\/[^/]+\/members\/([^/]+)$/.exec(p);
      if (req.method === "GET" && member) {
        const m = members.find((u) => u.id === decodeURIComponent(member[1]!) || u.aadObjectId === decodeURIComponent(member[1]!));
        return m
          ? send(200, { id: m.id, name: m.name, aadObjectId: m.aadObjectId, objectId: m.aadObjectId, email: m.email, userPrincipalName: m.email, tenantId: "local" })
          : send(404, { error: { code: "MemberNotFoundInConversation", message: "no" } });
      }
      if (req.method === "GET") return send(200, members.map((m) => ({ id: m.id, name: m.name, aadObjectId: m.aadObjectId, email: m.email, tenantId: "local" })));
      return send(req.method === "PUT" ? 200 : 201, { id: `msg-${++seq}` });
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, stop: () => new Promise<void>((r) => server.close(() => r())) };
}
