import { App as BoltApp, LogLevel, type Logger as BoltLogger } from "@slack/bolt";
import { WebClient } from "@slack/web-api";
import type { Mounted, ServerContext } from "../../server/server-context";
import { slackClientOptions } from "./slack-gateway";
import { SlackDirectory } from "./slack-directory";
import { SlackHttpReceiver } from "./slack-http-receiver";
import { registerSlackListeners } from "./slack-listeners";

/**
 * Bolt's own messages, routed into pino without their arguments' contents: Bolt may pass
 * payload fragments to its logger, and Convene logs ids and codes only.
 */
function boltLogger(logger: ServerContext["logger"]): BoltLogger {
  const summary = (msg: unknown[]) => msg.map((m) => (m instanceof Error ? m.message : typeof m === "string" ? m.slice(0, 200) : typeof m)).join(" ");
  let level = LogLevel.WARN;
  return {
    debug: (...msg: unknown[]) => logger.debug({ source: "bolt" }, summary(msg)),
    info: (...msg: unknown[]) => logger.debug({ source: "bolt" }, summary(msg)),
    warn: (...msg: unknown[]) => logger.warn({ source: "bolt" }, summary(msg)),
    error: (...msg: unknown[]) => logger.error({ source: "bolt" }, summary(msg)),
    setLevel: (l: LogLevel) => {
      level = l;
    },
    getLevel: () => level,
    setName: () => undefined,
  };
}

/** Where Slack sends events, slash commands and interactivity (one URL for all three). */
export const SLACK_EVENTS_PATH = "/slack/events";

/**
 * Mounts the Slack edge on Convene's server at POST /slack/events, or returns null when
 * SLACK_SIGNING_SECRET and SLACK_BOT_TOKEN are not set. Bolt routes payloads to listeners;
 * the receiver verifies every request's signature and timestamp first.
 */
export function mountSlack(ctx: ServerContext): Mounted | null {
  const { config, logger } = ctx;
  if (!config.slackEnabled || !config.SLACK_SIGNING_SECRET || !config.SLACK_BOT_TOKEN) return null;
  const receiver = new SlackHttpReceiver({ signingSecret: config.SLACK_SIGNING_SECRET, clock: ctx.clock, logger });
  const clientOptions = slackClientOptions(config);
  const botToken = config.SLACK_BOT_TOKEN;
  const directory = new SlackDirectory(new WebClient(botToken, clientOptions), ctx.clock);
  const bolt = new BoltApp({
    receiver,
    clientOptions,
    logger: boltLogger(logger),
    // One workspace, one bot token. auth.test runs on the first request and only a success
    // is cached (see SlackDirectory.installation), so Slack being unreachable at boot is
    // not fatal and heals on the next request.
    authorize: async () => {
      const install = await directory.installation();
      return { botToken, botUserId: install.botUserId, ...(install.botId ? { botId: install.botId } : {}), teamId: install.teamId };
    },
  });
  registerSlackListeners(bolt, { conversation: ctx.conversation, directory, logger });
  logger.info({ path: SLACK_EVENTS_PATH }, "slack enabled");
  return {
    routes: [{ method: "POST", path: SLACK_EVENTS_PATH, handle: (req, res) => receiver.handle(req, res) }],
  };
}
