// The real server for end-to-end tests, on a fresh database, with the scheduler off and logs
// silent, plus senders that speak to it as Teams and as signed Slack do. One place, so every
// e2e file starts Convene the same way.
import { loadConfig } from "../../src/config/config";
import type { Clock } from "../../src/domain/shared/clock";
import { startServer, type RunningServer } from "../../src/server/start-server";
import { signedHeaders, type SlackRequest } from "./slack-requests";
import { databaseEnv, dropTestDatabase, freshDatabaseUrl } from "./test-database";

/**
 * Starts Convene on a fresh database with `clock`: `<dir>/<name>.db`, or a new PostgreSQL
 * database when CONVENE_TEST_POSTGRES_URL is set (see test-database.ts). `env` adds settings
 * (Slack credentials, chase reminders…). Closing the server drops a PostgreSQL database.
 */
export async function startTestServer(dir: string, name: string, clock: Clock, env: Record<string, string> = {}): Promise<RunningServer> {
  const url = await freshDatabaseUrl(dir, name);
  const server = await startTestServerOn(url, clock, env);
  return { ...server, close: async () => { await server.close(); await dropTestDatabase(url); } };
}

/**
 * Starts Convene on a database the test already made and seeded (see test-database.ts), which
 * outlives the server: the test disposes of it. On PostgreSQL a fresh database per server (as
 * {@link startTestServer} makes) would not hold the test's rows.
 */
export async function startTestServerOn(url: string, clock: Clock, env: Record<string, string> = {}): Promise<RunningServer> {
  const config = loadConfig({ DATABASE_URL: url, PORT: "0", CONVENE_SCHEDULER: "off", LOG_LEVEL: "silent", NODE_ENV: "test", ...databaseEnv(url), ...env });
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
