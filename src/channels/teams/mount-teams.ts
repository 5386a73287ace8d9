import type { Mounted, ServerContext } from "../../server/server-context";
import { isLoopback, readBody, sendJson, type Route } from "../../server/http-router";
import { createTeamsAdapter, processWithAdapter } from "./teams-adapter";
import { ConveneTeamsBot } from "./teams-bot";
import { createPlaygroundRoutes, seedPlaygroundUsers } from "../playground/playground-routes";

/**
 * Mounts Teams: POST /api/messages always; in local mode (no Microsoft credentials) it
 * accepts loopback peers only and also serves the playground and its fake connector.
 */
export async function mountTeams(ctx: ServerContext): Promise<Mounted> {
  const adapter = createTeamsAdapter(ctx.config, ctx.logger);
  const bot = new ConveneTeamsBot({
    conversation: ctx.conversation,
    app: ctx.app,
    logger: ctx.logger,
    // Data.Query people search is Adaptive Cards 1.6; Convene sends 1.5, so pickers list the
    // conversation's members (from the connector) instead.
    peoplePicker: false,
  });
  const routes: Route[] = [
    {
      method: "POST",
      path: "/api/messages",
      async handle(req, res) {
        // Without credentials nothing is authenticated, so only this machine may talk to the bot.
        if (ctx.config.localMode && !isLoopback(req.socket.remoteAddress)) return sendJson(res, 403, { error: "forbidden" });
        let body: Record<string, unknown>;
        try {
          const parsed: unknown = JSON.parse(await readBody(req));
          if (!parsed || typeof parsed !== "object" || Array.isArray(parsed)) return sendJson(res, 400, { error: "bad_request" });
          body = parsed as Record<string, unknown>;
        } catch {
          return sendJson(res, 400, { error: "bad_request" });
        }
        await processWithAdapter(adapter, req, res, body, (context) => bot.run(context));
      },
    },
  ];
  if (ctx.config.localMode) {
    await seedPlaygroundUsers(ctx.uow);
    routes.push(...createPlaygroundRoutes(ctx));
  }
  return { routes };
}
