import { WebClient } from "@slack/web-api";
import { SlackDirectory } from "../../../../src/channels/slack/slack-directory";
import { slackClientOptions } from "../../../../src/channels/slack/slack-gateway";
import { fixedClock } from "../../../../src/domain/shared/clock";
import { FakeSlackWebApi } from "../../../helpers/slack-requests";

describe("SlackDirectory", () => {
  let slack: FakeSlackWebApi;
  const clock = fixedClock("2026-11-23T09:00:00Z");
  const directory = () => new SlackDirectory(new WebClient("xoxb-test", slackClientOptions({ SLACK_API_URL: slack.apiUrl })), clock);

  beforeAll(async () => {
    slack = new FakeSlackWebApi(
      [
        { id: "U0SW", name: "Sam Okafor", email: "sam@la.example", teamId: "T0CASE" },
        { id: "U0GUEST", name: "Guest Person", email: null, teamId: "T0OTHER" },
        { id: "U0BOT", name: "Some App", email: null, teamId: "T0CASE", isBot: true },
      ],
      "T0CASE",
    );
    await slack.start();
  });
  afterAll(() => slack.stop());

  it("resolves names and emails through users.info, with the installation's team as tenant", async () => {
    const d = directory();
    expect(await d.actor("U0SW")).toEqual({ platform: "slack", tenant: "T0CASE", userId: "U0SW", displayName: "Sam Okafor", email: "sam@la.example", homeTenant: "T0CASE" });
    // A Slack Connect guest keeps the installation's tenant; a hidden email is null.
    expect(await d.actor("U0GUEST")).toMatchObject({ tenant: "T0CASE", email: null });
    expect((await d.person("U0BOT")).isBot).toBe(true);
  });

  it("caches lookups for five minutes", async () => {
    const d = directory();
    await d.person("U0SW");
    const calls = slack.callsOf("users.info").length;
    await d.person("U0SW");
    expect(slack.callsOf("users.info").length).toBe(calls);
    clock.set("2026-11-23T09:06:00Z");
    await d.person("U0SW");
    expect(slack.callsOf("users.info").length).toBe(calls + 1);
  });

  it("reports an unknown user as USER_NOT_FOUND", async () => {
    await expect(directory().person("U0NOBODY")).rejects.toMatchObject({ code: "USER_NOT_FOUND" });
  });

  it("does not cache a failed auth.test: Slack down at boot heals on the next request", async () => {
    const d = directory();
    slack.failNext("auth.test", { status: 500, body: { ok: false } });
    await expect(d.installation()).rejects.toBeDefined();
    await expect(d.installation()).resolves.toMatchObject({ teamId: "T0CASE", botUserId: "UBOT" });
  });
});
