import type { Platform } from "../app/ports/actor";
import type { ServerContext } from "./server-context";
import type { ChannelGateway } from "../delivery/channel-gateway";

// Each channel's module (and with it its SDK) is required only when that platform is on,
// so a one-channel deployment never loads the other's SDK (see default-mounts.ts).
type TeamsGatewayModule = typeof import("../channels/teams/teams-gateway");
type SlackGatewayModule = typeof import("../channels/slack/slack-gateway");

/**
 * How the delivery mount builds a gateway per platform. Each channel adds ONE line here
 * (e.g. `teams: (ctx) => createTeamsGateway(ctx)`), returning null when its platform is
 * disabled by config. This is composition-root code: src/delivery knows only the
 * ChannelGateway contract, never a channel's protocol module.
 */
export const GATEWAY_FACTORIES: Partial<Record<Platform, (ctx: ServerContext) => ChannelGateway | null>> = {
  // Production without Microsoft credentials has no Teams: nothing to post with.
  teams: (ctx) => (ctx.config.teamsEnabled ? (require("../channels/teams/teams-gateway") as TeamsGatewayModule).createTeamsGateway(ctx) : null),
  slack: (ctx) => (ctx.config.slackEnabled ? (require("../channels/slack/slack-gateway") as SlackGatewayModule).createSlackGateway(ctx) : null),
};

/** Builds the gateways of every enabled platform. */
export function buildGateways(ctx: ServerContext): Partial<Record<Platform, ChannelGateway>> {
  const gateways: Partial<Record<Platform, ChannelGateway>> = {};
  for (const [platform, factory] of Object.entries(GATEWAY_FACTORIES) as Array<[Platform, (ctx: ServerContext) => ChannelGateway | null]>) {
    const g = factory(ctx);
    if (g) gateways[platform] = g;
  }
  return gateways;
}
