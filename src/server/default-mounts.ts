import type { Mount } from "./server-context";
import { mountDelivery } from "./mount-delivery";
import { mountTeams } from "../channels/teams/mount-teams";
import { mountSlack } from "../channels/slack/mount-slack";
import { mountCalendar } from "./mount-calendar";

/**
 * Channels and jobs, mounted in order. Each returns null when it is disabled by config.
 * Add a line here when adding a channel; keep protocol code in its own folder. The mounts
 * import only server-context.ts, never start-server.ts, so this list closes no cycle.
 */
export const defaultMounts: readonly Mount[] = [
  // Outbox dispatcher (every second) + nudge scheduler (every minute; CONVENE_SCHEDULER=off disables it).
  mountDelivery,
  // Teams: POST /api/messages; in local mode also the playground and its fake connector.
  mountTeams,
  // Slack: POST /slack/events (events, slash commands, interactivity); null unless SLACK_* are set.
  mountSlack,
  // Calendar invites: GET /calendar/<signed token>.ics, from the roster card's "Add to calendar".
  mountCalendar,
];
