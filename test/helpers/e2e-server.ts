// The real server for end-to-end tests, on a SQLite file, with the scheduler off and logs
// silent, plus senders that speak to it as Teams and as signed Slack do. One place, so every
// e2e file starts Convene the same way.
import path from "node:path";
import { loadConfig } from "../../src/config/config";
import type { Clock } from "../../src/domain/shared/clock";
import { startServer, type RunningServer } from "../../src/server/start-server";
import { signedHeaders, type SlackRequest } from "./slack-requests";

/** Starts Convene on `<dir>/<name>.db` with `clock`; `env` adds settings (Slack credentials, chase reminders…). */
export function startTestServer(dir: string, name: string, clock: Clock, env: Record<string, string> = {}): Promise<RunningServer> {
  const config = loadConfig({ DATABASE_URL: `file:${path.join(dir, `${name}.db`)}`, PORT: "0", CONVENE_SCHEDULER: "off", LOG_LEVEL: "silent", NODE_ENV: "test", ...env });
  return startServer(config, { clock });
}

/** The Slack settings that point a test server at a fake Web API. */
export function slackEnv(secret: string, apiUrl: string): Record<string, string> {
  return { SLACK_SIGNING_SECRET: secret, SLACK_BOT_TOKEN: "xoxb-test", SLACK_API_URL: apiUrl };
}

/** Posts an activity to /api/messages as Teams would; the invoke response body, parsed, or null. */
export async function sendActivity(server: RunningServer, activity: object): Promise<{ type?: string; value?: unknown } | null> {
  const res = await fetch(`${server.url}/api/messages`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(activity) });
  const text = await res.text();
  return text ? (JSON.parse(text) as { type?: string; value?: unknown }) : null;
}

/** Posts a signed Slack request to /slack/events, timestamped by `clock`; the ack body, parsed, or null. */
export async function postToSlack(server: RunningServer, secret: string, clock: Clock, req: SlackRequest): Promise<Record<string, unknown> | null> {
  const res = await fetch(`${server.url}/slack/events`, { method: "POST", headers: signedHeaders(secret, req, Math.floor(clock.now().getTime() / 1000)), body: req.body });
  const text = await res.text();
  return text ? (JSON.parse(text) as Record<string, unknown>) : null;
}
