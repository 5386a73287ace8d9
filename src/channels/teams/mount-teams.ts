import { z } from "zod";
import type { Mounted, ServerContext } from "../../server/server-context";
import { isJsonRequest, isLocalRequest, isLoopbackHostname, readBody, sendJson, type Route } from "../../server/http-router";
import { createTeamsAdapter, createTeamsAuthentication, processWithAdapter } from "./teams-adapter";
import { ConveneTeamsBot } from "./teams-bot";
import { teamsMemberCacheFor } from "./teams-member-cache";
import { createPlaygroundRoutes, seedPlaygroundUsers } from "../playground/playground-routes";

const Account = z.looseObject({ id: z.string().min(1).max(1024), name: z.string().max(1024).optional(), aadObjectId: z.string().max(1024).optional() });

/**
 * The transport shape of an activity: what the edge and the SDK read without checking.
 * Anything else is answered 400 here, before the SDK or the conversation sees it.
 */
const ActivityShape = z.looseObject({
  type: z.string().min(1).max(64),
  id: z.string().max(1024).optional(),
  name: z.string().max(256).optional(),
  serviceUrl: z.string().url().max(2048),
  channelId: z.string().max(256).optional(),
  from: Account,
  recipient: Account.optional(),
  conversation: z.looseObject({ id: z.string().min(1).max(2048), tenantId: z.string().max(256).optional(), conversationType: z.string().max(64).optional() }),
  text: z.string().max(100_000).optional(),
  replyToId: z.string().max(1024).optional(),
  entities: z.array(z.looseObject({ type: z.string().max(256) })).max(100).optional(),
  channelData: z.looseObject({ tenant: z.looseObject({ id: z.string().max(256).optional() }).optional() }).optional(),
  value: z.unknown().optional(),
  timestamp: z.string().max(64).optional(),
  localTimestamp: z.string().max(64).optional(),
  expiration: z.string().max(64).optional(),
});

/** True when a serviceUrl points at this machine, the only place local mode may send replies. */
function isLoopbackServiceUrl(serviceUrl: string): boolean {
  try {
    const u = new URL(serviceUrl);
    return (u.protocol === "http:" || u.protocol === "https:") && isLoopbackHostname(u.hostname);
  } catch {
    return false;
  }
}

/**
 * Mounts Teams at POST /api/messages, or returns null when Teams is disabled (production
 * without Microsoft credentials: an unauthenticated endpoint must never be served there).
 * With credentials the Bot Framework SDK authenticates every request. In local mode it
 * accepts requests from this machine only, addressed to it by a loopback name, whose replies
 * go back to this machine; and it also serves the playground and its fake connector.
 */
export async function mountTeams(ctx: ServerContext): Promise<Mounted | null> {
  if (!ctx.config.teamsEnabled) return null;
  const auth = createTeamsAuthentication(ctx.config);
  const adapter = createTeamsAdapter(ctx.config, ctx.logger, auth);
  const bot = new ConveneTeamsBot({
    conversation: ctx.conversation,
    app: ctx.app,
    logger: ctx.logger,
    // Data.Query people search is Adaptive Cards 1.6; Convene sends 1.5, so pickers list the
    // conversation's members (from the connector) instead.
    peoplePicker: false,
    // The same cache the gateway uses: a press and the roster update it causes share one lookup.
    members: teamsMemberCacheFor(ctx),
  });
  const refuse = (res: Parameters<Route["handle"]>[1], status: number, error: string, reason: string) => {
    ctx.logger.warn({ path: "/api/messages", status, reason }, "teams request refused");
    sendJson(res, status, { error });
  };
  const routes: Route[] = [
    {
      method: "POST",
      path: "/api/messages",
      async handle(req, res) {
        // Without credentials nothing is authenticated, so only this machine may talk to the bot.
        if (ctx.config.localMode && !isLocalRequest(req)) return refuse(res, 403, "forbidden", "not_local");
        // Bot Framework posts JSON; a text/plain or form post is what a cross-site page can send.
        if (!isJsonRequest(req)) return refuse(res, 415, "unsupported_media_type", "not_json");
        let parsed: unknown;
        try {
          parsed = JSON.parse(await readBody(req));
        } catch (err) {
          if ((err as { statusCode?: number }).statusCode === 413) return refuse(res, 413, "too_large", "too_large");
          return refuse(res, 400, "bad_request", "not_json");
        }
        const activity = ActivityShape.safeParse(parsed);
        if (!activity.success) return refuse(res, 400, "bad_request", "bad_activity");
        // Local mode would otherwise post replies (and member lookups) to any URL a caller names.
        if (ctx.config.localMode && !isLoopbackServiceUrl(activity.data.serviceUrl)) return refuse(res, 400, "bad_request", "service_url_not_loopback");
        await processWithAdapter(adapter, auth, req, res, activity.data, (context) => bot.run(context), ctx.logger);
      },
    },
  ];
  if (ctx.config.localMode) {
    await seedPlaygroundUsers(ctx.uow);
    routes.push(...createPlaygroundRoutes(ctx));
  }
  return { routes };
}
