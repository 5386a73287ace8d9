import type { Mount } from "./server-context";
import { mountDelivery } from "./mount-delivery";
import { mountCalendar } from "./mount-calendar";

// The Teams and Slack edges are required only when their channel is on (require, not a
// dynamic import, keeps mounting synchronous and works unchanged under ts-jest): the Bot Framework SDK
// costs about 45 MB of resident memory and Bolt about 30 MB (measured with `npm run bench --
// memory`), which a deployment with one channel has no use for.

/** Teams: POST /api/messages; in local mode also the playground and its fake connector. */
const mountTeamsWhenOn: Mount = (ctx) => (ctx.config.teamsEnabled ? (require("../channels/teams/mount-teams") as typeof import("../channels/teams/mount-teams")).mountTeams(ctx) : null);

/** Slack: POST /slack/events (events, slash commands, interactivity); null unless SLACK_* are set. */
const mountSlackWhenOn: Mount = (ctx) => (ctx.config.slackEnabled ? (require("../channels/slack/mount-slack") as typeof import("../channels/slack/mount-slack")).mountSlack(ctx) : null);

/**
 * Channels and jobs, mounted in order. Each returns null when it is disabled by config.
 * Add a line here when adding a channel; keep protocol code in its own folder. The mounts
 * import only server-context.ts, never start-server.ts, so this list closes no cycle.
 */
export const defaultMounts: readonly Mount[] = [
  // Outbox dispatcher (every second) + nudge scheduler (every minute; CONVENE_SCHEDULER=off disables it).
  mountDelivery,
  mountTeamsWhenOn,
  mountSlackWhenOn,
  // Calendar invites: GET /calendar/<signed token>.ics, from the roster card's "Add to calendar".
  mountCalendar,
];
