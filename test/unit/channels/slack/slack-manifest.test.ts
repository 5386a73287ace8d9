import { readFileSync } from "node:fs";
import path from "node:path";
import { parse } from "yaml";
import { SLACK_EVENTS_PATH } from "../../../../src/channels/slack/mount-slack";

interface Manifest {
  display_information: { name: string; description: string; long_description: string };
  features: { app_home?: { home_tab_enabled?: boolean; messages_tab_enabled?: boolean }; bot_user: { display_name: string }; slash_commands: { command: string; url: string; usage_hint: string }[] };
  oauth_config: { scopes: { bot: string[]; user?: string[] } };
  settings: {
    event_subscriptions?: { request_url: string; bot_events: string[] };
    interactivity: { is_enabled: boolean; request_url: string };
    org_deploy_enabled: boolean;
    socket_mode_enabled: boolean;
  };
}

const manifest = parse(readFileSync(path.join(__dirname, "../../../../manifests/slack/manifest.yaml"), "utf8")) as Manifest;

describe("Slack app manifest", () => {
  it("asks for least-privilege bot scopes only", () => {
    expect(manifest.oauth_config.scopes.bot.sort()).toEqual(["app_mentions:read", "chat:write", "commands", "users:read", "users:read.email"]);
    expect(manifest.oauth_config.scopes.user).toBeUndefined();
  });

  it("sends the slash command, interactivity and events to the one verified path", () => {
    const urls = [manifest.features.slash_commands[0]!.url, manifest.settings.interactivity.request_url, manifest.settings.event_subscriptions!.request_url];
    for (const url of urls) expect(new URL(url).pathname).toBe(SLACK_EVENTS_PATH);
    expect(manifest.features.slash_commands.map((c) => c.command)).toEqual(["/convene"]);
    expect(manifest.settings.interactivity.is_enabled).toBe(true);
  });

  it("subscribes only to the events Convene handles, with socket mode and org deploy off", () => {
    // app_home_opened publishes each person's own "My meetings and actions" on the Home tab (issue 11, part 4).
    expect(manifest.settings.event_subscriptions!.bot_events).toEqual(["app_mention", "app_home_opened"]);
    expect(manifest.settings.socket_mode_enabled).toBe(false);
    expect(manifest.settings.org_deploy_enabled).toBe(false);
  });

  it("enables the Home tab for each person's own meetings and actions, and keeps the Messages tab for /convene in the DM", () => {
    expect(manifest.features.app_home?.home_tab_enabled).toBe(true);
    expect(manifest.features.app_home?.messages_tab_enabled).toBe(true);
  });

  it("fits Slack's display limits", () => {
    expect(manifest.display_information.name.length).toBeLessThanOrEqual(35);
    expect(manifest.display_information.description.length).toBeLessThanOrEqual(140);
    expect(manifest.display_information.long_description.length).toBeGreaterThanOrEqual(175);
    expect(manifest.features.bot_user.display_name.length).toBeLessThanOrEqual(80);
    expect(manifest.features.slash_commands[0]!.usage_hint.length).toBeLessThanOrEqual(1000);
  });
});
