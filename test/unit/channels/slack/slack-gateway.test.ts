import { WebClient } from "@slack/web-api";
import { SlackGateway, slackChannelOf, slackClientOptions } from "../../../../src/channels/slack/slack-gateway";
import { DeliveryError } from "../../../../src/delivery/channel-gateway";
import type { ChannelLink } from "../../../../src/app/ports/channel-link";
import { FakeSlackWebApi } from "../../../helpers/slack-requests";
import { nudgeView, rosterView } from "../../cards/slack/slack-view-fixtures";

const link: ChannelLink = { id: "l1", caseId: "c1", platform: "slack", conversationId: "C0CASE", conversationRef: JSON.stringify({ teamId: "T0CASE", channelId: "C0CASE" }) };

describe("SlackGateway", () => {
  let slack: FakeSlackWebApi;
  let gateway: SlackGateway;

  beforeAll(async () => {
    slack = new FakeSlackWebApi();
    await slack.start();
    gateway = new SlackGateway(new WebClient("xoxb-test", slackClientOptions({ SLACK_API_URL: slack.apiUrl })));
  });
  afterAll(() => slack.stop());

  it("posts with chat.postMessage and returns the message ts", async () => {
    const ts = await gateway.post(link, { type: "roster", view: rosterView() });
    expect(ts).toMatch(/^\d+\.\d+$/);
    const call = slack.callsOf("chat.postMessage").at(-1)!;
    expect(call.args.channel).toBe("C0CASE");
    expect(JSON.stringify(call.args.blocks)).toContain("Strategy discussion · CS-2026-0142");
    expect(call.args.text).toBeTruthy();
  });

  it("updates in place with chat.update and the stored ts", async () => {
    await gateway.update(link, "1800000000.000001", { type: "roster", view: rosterView(3, { revision: 2 }) });
    const call = slack.callsOf("chat.update").at(-1)!;
    expect(call.args).toMatchObject({ channel: "C0CASE", ts: "1800000000.000001" });
  });

  it("turns a 429 into a retryable DeliveryError carrying Retry-After, with no retry of its own", async () => {
    const before = slack.callsOf("chat.postMessage").length;
    slack.failNext("chat.postMessage", { status: 429, body: { ok: false, error: "ratelimited" }, headers: { "retry-after": "7" } });
    const err = await gateway.post(link, { type: "nudge", view: nudgeView() }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DeliveryError);
    expect(err).toMatchObject({ retryAfterMs: 7000, permanent: false });
    expect(slack.callsOf("chat.postMessage").length).toBe(before + 1);
  });

  it.each(["channel_not_found", "not_in_channel", "is_archived", "invalid_auth"])("treats %s as permanent", async (code) => {
    slack.failNext("chat.postMessage", { status: 200, body: { ok: false, error: code } });
    await expect(gateway.post(link, { type: "nudge", view: nudgeView() })).rejects.toMatchObject({ permanent: true, retryAfterMs: null });
  });

  it("retries server errors and unknown platform errors", async () => {
    slack.failNext("chat.update", { status: 200, body: { ok: false, error: "internal_error" } });
    await expect(gateway.update(link, "1.1", { type: "nudge", view: nudgeView() })).rejects.toMatchObject({ permanent: false });
    slack.failNext("chat.postMessage", { status: 503, body: { ok: false } });
    await expect(gateway.post(link, { type: "nudge", view: nudgeView() })).rejects.toMatchObject({ permanent: false });
  });

  it("reads the channel from the stored conversation ref, falling back to the conversation id", () => {
    expect(slackChannelOf({ ...link, conversationRef: JSON.stringify({ teamId: "T", channelId: "C0REF" }) })).toBe("C0REF");
    expect(slackChannelOf({ ...link, conversationRef: "not json" })).toBe("C0CASE");
  });
});
