import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import type { UnitOfWork } from "../../app/ports/unit-of-work";
import { isLoopback, readBody, sendJson, type Route } from "../../server/http-router";
import { drainOutbox } from "../../server/mount-delivery";
import { runNudgePass } from "../../app/use-cases/run-nudge-pass";
import { fixedClock } from "../../domain/shared/clock";
import type { ServerContext } from "../../server/server-context";
import { fakeConnectorRoutes, PlaygroundTranscript } from "./playground-connector";
import { PLAYGROUND_BOT, PLAYGROUND_CONVERSATION_ID, PLAYGROUND_TENANT, PLAYGROUND_USERS } from "./playground-users";

/** Where the fake connector lives on the server; activities' serviceUrl points here. */
export const PLAYGROUND_CONNECTOR_PATH = "/playground/connector";

/** Gives the seeded users their agency and role, so authorisation works as it would for real staff. */
export async function seedPlaygroundUsers(uow: UnitOfWork): Promise<void> {
  await uow.run(async (repos) => {
    for (const u of PLAYGROUND_USERS) {
      const existing = await repos.practitioners.findByIdentity({ platform: "teams", tenant: PLAYGROUND_TENANT, userId: u.aadObjectId });
      const saved = await repos.practitioners.upsert({
        id: existing?.id ?? `pg-${u.aadObjectId}`,
        platform: "teams",
        platformTenant: PLAYGROUND_TENANT,
        platformUserId: u.aadObjectId,
        displayName: u.name,
        email: u.email,
        agency: u.agency,
        role: u.role,
      });
      await repos.practitioners.setRole(saved.id, u.agency, u.role);
    }
  });
}

// Static files sit in src/…/static; the compiled server (dist/) finds them from the repo root.
function staticDir(): string {
  const candidates = [
    path.join(__dirname, "static"),
    path.resolve(__dirname, "../../../src/channels/playground/static"), // dist/channels/playground (npm run build)
    path.resolve(__dirname, "../../../../src/channels/playground/static"), // dist/src/channels/playground (tsc -p tsconfig.json)
    path.resolve(process.cwd(), "src/channels/playground/static"),
  ];
  return candidates.find((d) => existsSync(path.join(d, "index.html"))) ?? candidates[0]!;
}

function adaptiveCardsBundle(): string {
  return require.resolve("adaptivecards/dist/adaptivecards.min.js", { paths: [process.cwd(), __dirname] });
}

const TYPES: Record<string, string> = { ".html": "text/html; charset=utf-8", ".js": "text/javascript; charset=utf-8", ".css": "text/css; charset=utf-8", ".ico": "image/x-icon" };

/** The playground (local mode only): the page, its assets, the transcript feed, and the fake connector. */
export function createPlaygroundRoutes(ctx: ServerContext): Route[] {
  const transcript = new PlaygroundTranscript();
  const dir = staticDir();
  const file = (p: string, name: string): Route => ({
    method: "GET",
    path: p,
    handle(req, res) {
      if (!isLoopback(req.socket.remoteAddress)) return sendJson(res, 403, { error: "forbidden" });
      const full = name.startsWith("/") ? name : path.join(dir, name);
      const body = readFileSync(full);
      res.writeHead(200, { "content-type": TYPES[path.extname(full)] ?? "application/octet-stream", "cache-control": "no-store" });
      res.end(body);
    },
  });
  const local = (handle: Route["handle"]): Route["handle"] => (req, res) => (isLoopback(req.socket.remoteAddress) ? handle(req, res) : sendJson(res, 403, { error: "forbidden" }));
  const connector = fakeConnectorRoutes(PLAYGROUND_CONNECTOR_PATH, transcript).map((r) => ({ ...r, handle: local(r.handle) }));
  return [
    file("/", "index.html"),
    // Browsers ask for /favicon.ico whatever the page links; without it the console shows a 404.
    file("/favicon.ico", "favicon.ico"),
    file("/playground/app.js", "app.js"),
    file("/playground/styles.css", "styles.css"),
    file("/playground/adaptivecards.min.js", adaptiveCardsBundle()),
    {
      method: "GET",
      path: "/playground/config",
      handle: local((_req, res) =>
        sendJson(res, 200, { users: PLAYGROUND_USERS, bot: PLAYGROUND_BOT, tenant: PLAYGROUND_TENANT, conversationId: PLAYGROUND_CONVERSATION_ID, serviceUrl: `${ctx.baseUrl()}${PLAYGROUND_CONNECTOR_PATH}` }),
      ),
    },
    {
      method: "GET",
      path: "/playground/messages",
      handle: local((req, res) => {
        const url = new URL(req.url ?? "/", "http://x");
        sendJson(res, 200, transcript.since(url.searchParams.get("conversationId") ?? "", Number(url.searchParams.get("since") ?? "0")));
      }),
    },
    {
      method: "POST",
      path: "/playground/typed",
      handle: local(async (req, res) => {
        // The page records what the user typed so the transcript reads like a chat.
        const m = JSON.parse(await readBody(req)) as { id: string; conversationId: string; fromId: string; fromName: string; text: string };
        transcript.add({ id: m.id, conversationId: m.conversationId, fromId: m.fromId, fromName: m.fromName, text: m.text, attachments: [], replyToId: null });
        sendJson(res, 200, { ok: true });
      }),
    },
    {
      method: "POST",
      path: "/playground/nudge-pass",
      handle: local(async (req, res) => {
        // Nudges are due days after a meeting; the page may run the pass "as of" a later day
        // so one person can see a nudge without waiting. Only the playground does this.
        const raw = await readBody(req);
        const asOf = raw ? (JSON.parse(raw) as { asOf?: string }).asOf : undefined;
        const clock = asOf && /^\d{4}-\d{2}-\d{2}$/.test(asOf) ? fixedClock(`${asOf}T10:00:00Z`) : ctx.clock;
        const pass = await runNudgePass({ uow: ctx.uow, clock, calendar: ctx.calendar, logger: ctx.logger });
        const delivered = await drainOutbox(ctx);
        sendJson(res, 200, { nudges: pass.sent.length, delivered: delivered.sent });
      }),
    },
    ...connector,
  ];
}
