import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import type { UnitOfWork } from "../../app/ports/unit-of-work";
import { z } from "zod";
import { isJsonRequest, isLocalRequest, readBody, sendJson, type Route } from "../../server/http-router";
import { drainOutbox, runSchedulerTick } from "../../server/mount-delivery";
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

/** What the page posts when the user types, so the transcript reads like a chat. */
const TypedMessage = z.object({ id: z.string().max(200), conversationId: z.string().max(500), fromId: z.string().max(200), fromName: z.string().max(200), text: z.string().max(10_000) });

/** JSON.parse that answers undefined instead of throwing, for a 400 rather than a 500. */
function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
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
      if (!isLocalRequest(req)) return sendJson(res, 403, { error: "forbidden" });
      const full = name.startsWith("/") ? name : path.join(dir, name);
      const body = readFileSync(full);
      res.writeHead(200, { "content-type": TYPES[path.extname(full)] ?? "application/octet-stream", "cache-control": "no-store" });
      res.end(body);
    },
  });
  // This machine only, by a loopback name (no DNS rebinding), and JSON bodies only (no
  // cross-site "simple" posts); the server has already refused foreign Origins.
  const local =
    (handle: Route["handle"]): Route["handle"] =>
    (req, res) => {
      if (!isLocalRequest(req)) return sendJson(res, 403, { error: "forbidden" });
      if (req.method !== "GET" && !isJsonRequest(req)) return sendJson(res, 415, { error: "unsupported_media_type" });
      return handle(req, res);
    };
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
        const m = TypedMessage.safeParse(parseJson(await readBody(req)));
        if (!m.success) return sendJson(res, 400, { error: "bad_request" });
        const { id, conversationId, fromId, fromName, text } = m.data;
        transcript.add({ id, conversationId, fromId, fromName, text, attachments: [], replyToId: null });
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
        const body = parseJson(raw || "{}") as { asOf?: unknown } | null;
        const asOf = body && typeof body === "object" && typeof body.asOf === "string" ? body.asOf : undefined;
        const clock = asOf && /^\d{4}-\d{2}-\d{2}$/.test(asOf) ? fixedClock(`${asOf}T10:00:00Z`) : ctx.clock;
        // The scheduler's own tick (nudges, then reminders to invitees who have not answered).
        const pass = await runSchedulerTick(ctx, clock);
        const delivered = await drainOutbox(ctx);
        sendJson(res, 200, { nudges: pass.sent.length, delivered: delivered.sent });
      }),
    },
    ...connector,
  ];
}
