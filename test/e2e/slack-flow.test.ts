import { e2eDecisionValues } from "../fixtures/e2e-decision-values.fixture";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { RunningServer } from "../../src/server/start-server";
import { startTestServer } from "../helpers/e2e-server";
import { fixedClock } from "../../src/domain/shared/clock";
import { drainOutbox, runNudgePassNow } from "../../src/server/mount-delivery";
import { blockKitProblems, modalProblems } from "../../src/cards/slack/block-kit-limits";
import { ActionId } from "../../src/app/conversation/action-id";
import { parseSlackActionId, slackActionId } from "../../src/cards/slack/slack-action-id";
import { registerPractitioner } from "../../src/app/use-cases/register-practitioner";
import {
  appMention,
  blockAction,
  FakeSlackWebApi,
  signedHeaders,
  slashCommand,
  viewSubmission,
  type SlackRequest,
  type SlackTestContext,
  type TestSlackUser,
} from "../helpers/slack-requests";

// The real server (SQLite file, real app, real outbox dispatcher and SlackGateway) driven
// over HTTP with signed Slack requests; a fake Slack Web API on loopback answers Bolt's and
// the gateway's calls and records them.

const SECRET = "test-signing-secret-0123456789";
const TEAM = "T0CASE";
const sw: TestSlackUser = { id: "U0SW", name: "Sam Okafor", email: "sam@la.example", teamId: TEAM };
const police: TestSlackUser = { id: "U0POLICE", name: "DC Priya Shah", email: "priya@police.example", teamId: "T0POLICE" };
const health: TestSlackUser = { id: "U0HEALTH", name: "Hana Lewis", email: "hana@nhs.example", teamId: TEAM };
const intruder: TestSlackUser = { id: "U0OTHER", name: "Alex Other", email: null, teamId: TEAM };
const manager: TestSlackUser = { id: "U0TM", name: "Tom Reid", email: "tom@la.example", teamId: TEAM };

describe("Slack end to end through the real server", () => {
  let dir: string;
  let server: RunningServer;
  let slack: FakeSlackWebApi;
  const clock = fixedClock("2026-11-23T09:00:00Z");
  const ctx: SlackTestContext = { teamId: TEAM, channelId: "C0CASE" };
  const now = () => Math.floor(clock.now().getTime() / 1000);

  const post = async (req: SlackRequest, headers: Record<string, string> = signedHeaders(SECRET, req, now())) => {
    const res = await fetch(`${server.url}/slack/events`, { method: "POST", headers, body: req.body });
    const text = await res.text();
    let body: Record<string, unknown> | null = null;
    try {
      body = text ? (JSON.parse(text) as Record<string, unknown>) : null;
    } catch {
      body = { text };
    }
    return { status: res.status, body };
  };

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), "convene-slack-e2e-"));
    slack = new FakeSlackWebApi([sw, police, health, intruder, manager], TEAM);
    await slack.start();
    server = await startTestServer(dir, "e2e", clock, { SLACK_SIGNING_SECRET: SECRET, SLACK_BOT_TOKEN: "xoxb-test-token", SLACK_API_URL: slack.apiUrl });
  });

  afterAll(async () => {
    await server?.close();
    await slack?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  let meetingId = "";
  let rosterTs = "";
  const rowId = async (role: string) => (await server.context.app.getRoster(meetingId)).rows.find((r) => r.role === role)!.invitationId;

  it("links the channel with /convene link, once even when the command is redelivered", async () => {
    const link = slashCommand(ctx, sw, "link CS-2026-0142");
    const first = await post(link);
    expect(first.status).toBe(200);
    expect(first.body?.response_type).toBe("in_channel");
    expect(JSON.stringify(first.body)).toContain("Linked to case CS-2026-0142");
    // A replay (same trigger_id, inside the signature window) is acknowledged and shows nothing twice.
    const again = await post(link);
    expect(again.status).toBe(200);
    expect(again.body).toBeNull();
    const links = await server.context.prisma.channelLink.findMany({ where: { conversationId: "C0CASE" } });
    expect(links).toHaveLength(1);
    expect(JSON.parse(links[0]!.conversationRef)).toEqual({ teamId: TEAM, channelId: "C0CASE" });
    // The actor's name came from users.info, not from the payload's user_name.
    expect(slack.callsOf("users.info").map((c) => c.args.user)).toContain("U0SW");
  });

  it("opens the convene modal from /convene strategy", async () => {
    const res = await post(slashCommand(ctx, sw, "strategy CS-2026-0142"));
    expect(res.status).toBe(200);
    const view = slack.lastOpenedView();
    expect(view.callback_id).toBe(ActionId.SubmitConvene);
    expect(modalProblems(view as never)).toEqual([]);
    const blockIds = view.blocks.map((b) => b.block_id);
    expect(blockIds).toEqual(expect.arrayContaining(["concern", "date", "time", "person_police", "contact_police"]));
  });

  it("does not reopen the form for a replayed /convene strategy (same trigger_id, inside the signature window)", async () => {
    const command = slashCommand(ctx, sw, "strategy CS-2026-0142");
    const opened = slack.callsOf("views.open").length;
    expect((await post(command)).status).toBe(200);
    expect(slack.callsOf("views.open")).toHaveLength(opened + 1);
    const replay = await post(command);
    expect(replay.status).toBe(200);
    expect(slack.callsOf("views.open")).toHaveLength(opened + 1);
  });

  it("shows field errors beside the fields, then convenes and posts the roster through the outbox", async () => {
    const view = slack.lastOpenedView();
    const base = {
      concern: "Bruising reported by school <!channel> <http://evil.example|click> & more",
      urgency: "today",
      mode: "meeting",
      "person_social-worker": sw.id,
      "person_health": health.id,
      "contact_school": "School DSL duty line",
    };
    const bad = await post(viewSubmission(ctx, sw, view, { ...base, date: "2026-11-24" }));
    expect(bad.body?.response_action).toBe("errors");
    const errors = bad.body?.errors as Record<string, string>;
    expect(errors["person_police"]).toMatch(/police/i);
    expect(errors.time).toMatch(/time/i);

    const good = viewSubmission(ctx, sw, view, { ...base, date: "2026-11-24", time: "10:00", person_police: police.id });
    const ok = await post(good);
    expect(ok.status).toBe(200);
    expect(ok.body).toBeNull();
    // The same submission redelivered convenes nothing new.
    await post(good);
    await drainOutbox(server.context);
    const rosters = slack.callsOf("chat.postMessage").filter((c) => JSON.stringify(c.args).includes("Strategy discussion · CS-2026-0142"));
    expect(rosters).toHaveLength(1);
    const args = rosters[0]!.args as { channel: string; blocks: unknown[]; text: string };
    expect(args.channel).toBe("C0CASE");
    expect(blockKitProblems("message", args.blocks)).toEqual([]);
    const text = JSON.stringify(args.blocks);
    expect(text).toContain("DC Priya Shah");
    expect(text).toContain("Hana Lewis");
    expect(text).toContain("School DSL duty line");
    expect(text).toContain("&lt;!channel&gt;");
    // Each named invitee is @mentioned on the roster post, so Slack tells them.
    expect(text).toContain("<@U0POLICE>");
    expect(text).toContain("<@U0HEALTH>");
    expect(text).not.toContain("<!channel>");
    expect(text).not.toContain("<http://evil");
    meetingId = (await server.context.prisma.meeting.findFirstOrThrow()).id;
    expect(text).toContain(slackActionId(ActionId.MarkHeld, meetingId));
    rosterTs = (await server.context.prisma.outboxMessage.findFirstOrThrow({ where: { operation: "post", platformMessageId: { not: null } } })).platformMessageId!;
  });

  it("refuses an answer from someone who is not the invitee, privately", async () => {
    const before = slack.callsOf("chat.postEphemeral").length;
    const res = await post(blockAction(ctx, intruder, { actionId: slackActionId(ActionId.Accept, await rowId("health")), value: await rowId("health") }));
    expect(res.status).toBe(200);
    const refusals = slack.callsOf("chat.postEphemeral").slice(before);
    expect(refusals).toHaveLength(1);
    expect(refusals[0]!.args.user).toBe(intruder.id);
    expect(String(refusals[0]!.args.text)).toContain("Only Hana Lewis");
    const roster = await server.context.app.getRoster(meetingId);
    expect(roster.rows.find((r) => r.role === "health")!.response).toBe("invited");
  });

  it("lets an agency invitation be claimed and delegated with the row's user picker, then declined through the reason modal", async () => {
    const school = await rowId("school");
    // The school row names an agency contact: the first person to answer claims it.
    await post(blockAction(ctx, intruder, { actionId: slackActionId(ActionId.Delegate, school), selectedUser: health.id }));
    let row = (await server.context.app.getRoster(meetingId)).rows.find((r) => r.role === "school")!;
    expect(row.response).toBe("delegated");
    expect(row.responseLabel).toContain("Hana Lewis");

    await post(blockAction(ctx, health, { actionId: slackActionId(ActionId.Decline, school), value: school }));
    const view = slack.lastOpenedView();
    expect(view.callback_id).toBe(ActionId.Decline);
    expect(modalProblems(view as never)).toEqual([]);
    // Someone else submitting the same modal is refused beside the reason box.
    const refused = await post(viewSubmission(ctx, police, view, { reason: "Not mine to decline" }));
    expect(refused.body?.response_action).toBe("errors");
    const ok = await post(viewSubmission(ctx, health, view, { reason: "School nurse will send a written report instead." }));
    expect(ok.body).toBeNull();
    row = (await server.context.app.getRoster(meetingId)).rows.find((r) => r.role === "school")!;
    expect(row.response).toBe("declined");
  });

  it("asks for an override reason when the meeting is marked held without quorum", async () => {
    // The meeting is on Tuesday 24 November: "held" is marked on or after its day.
    clock.set("2026-11-24T11:00:00Z");
    await post(blockAction(ctx, sw, { actionId: slackActionId(ActionId.MarkHeld, meetingId), value: meetingId }));
    const view = slack.lastOpenedView();
    expect(view.callback_id).toBe(ActionId.MarkHeld);
    expect(modalProblems(view as never)).toEqual([]);
    expect(JSON.stringify(view.blocks)).toMatch(/Police|Health/);
    const tooShort = await post(viewSubmission(ctx, sw, view, { reason: "short" }));
    expect(tooShort.body?.response_action).toBe("errors");
    expect(Object.keys(tooShort.body?.errors as object)).toEqual(["reason"]);
    expect((await server.context.app.getRoster(meetingId)).status).not.toBe("held");
  });

  it("records three agencies' answers from three users and updates the roster in place", async () => {
    for (const [user, role] of [[sw, "social-worker"], [police, "police"], [health, "health"]] as const) {
      const click = blockAction(ctx, user, { actionId: slackActionId(ActionId.Accept, await rowId(role)), value: await rowId(role) });
      expect((await post(click)).status).toBe(200);
      // Slack redelivers the same click: one answer.
      await post(click);
    }
    await drainOutbox(server.context);
    const updates = slack.callsOf("chat.update");
    expect(updates.length).toBeGreaterThan(0);
    expect(updates.every((u) => u.args.ts === rosterTs && u.args.channel === "C0CASE")).toBe(true);
    const latest = JSON.stringify(updates.at(-1)!.args.blocks);
    expect(latest).toContain("Accepted");
    const roster = await server.context.app.getRoster(meetingId);
    expect(roster.rows.filter((r) => r.response === "accepted").map((r) => r.role).sort()).toEqual(["health", "police", "social-worker"]);
    expect(slack.callsOf("chat.postMessage").filter((c) => JSON.stringify(c.args).includes("Strategy discussion · CS-2026-0142"))).toHaveLength(1);
  });

  it("marks the meeting held, then records the decision through the modal built from formFor", async () => {
    await post(blockAction(ctx, sw, { actionId: slackActionId(ActionId.MarkHeld, meetingId), value: meetingId }));
    // "Mark held" asks who took part; the accepted rows default to "Took part".
    const asked = slack.lastOpenedView();
    expect(asked.callback_id).toBe(ActionId.MarkHeld);
    expect(JSON.stringify(asked.blocks)).toContain("Took part");
    expect((await post(viewSubmission(ctx, sw, asked, {}))).body).toBeNull();
    expect((await server.context.app.getRoster(meetingId)).status).toBe("held");

    await post(blockAction(ctx, sw, { actionId: slackActionId(ActionId.OpenRecord, meetingId), value: meetingId }));
    const view = slack.lastOpenedView();
    expect(view.callback_id).toBe(ActionId.SubmitRecord);
    expect(modalProblems(view as never)).toEqual([]);
    const ids = view.blocks.map((b) => b.block_id);
    expect(ids).toEqual(expect.arrayContaining(["decision.s47", "signsOfSafety.safetyScale.0.score", "attendeesSenior", "meeting.time"]));

    const bad = await post(viewSubmission(ctx, sw, view, { "meeting.date": "2026-11-24" }));
    expect(bad.body?.response_action).toBe("errors");
    const errorKeys = Object.keys(bad.body?.errors as object);
    expect(errorKeys.length).toBeGreaterThan(0);
    for (const k of errorKeys) expect(ids).toContain(k);

    // The worries box carries a mention, which must arrive escaped.
    const values = e2eDecisionValues({ "signsOfSafety.worries": "Unexplained bruising <@U0OTHER>." });
    // "Check" replaces the form (response_action "update") with the record as it will be saved.
    const checked = await post(viewSubmission(ctx, sw, view, values));
    expect(checked.body?.response_action).toBe("update");
    const preview = checked.body?.view as typeof view;
    expect(modalProblems(preview as never)).toEqual([]);
    expect(JSON.stringify(preview.blocks)).toContain("Check the record before saving");
    expect(JSON.stringify(preview.blocks)).toContain("Plain-language check");
    expect(await server.context.prisma.decisionRecord.count({ where: { meetingId } })).toBe(0);
    const ok = await post(viewSubmission(ctx, sw, { ...preview, id: `${view.id}-preview`, hash: `${view.hash}-preview` } as typeof view, {}));
    expect(ok.status).toBe(200);
    expect(ok.body).toBeNull();
    await drainOutbox(server.context);
    const record = slack.callsOf("chat.postMessage").find((c) => JSON.stringify(c.args).includes("Decision record · CS-2026-0142"));
    expect(record).toBeDefined();
    const blocks = (record!.args as { blocks: unknown[] }).blocks;
    expect(blockKitProblems("message", blocks)).toEqual([]);
    const text = JSON.stringify(blocks);
    expect(text).toContain("held Tuesday 24 November 2026");
    expect(text).toContain("*Section 47 enquiries*: Yes");
    expect(text).not.toContain("U0OTHER");
    expect((await server.context.app.getRoster(meetingId)).status).toBe("recorded");
  });

  describe("need to know: a summary in the channel, the full record in a modal for those entitled", () => {
    const CONFIDENTIAL = ["No previous call-outs to the address.", "Goes to school most days", "calmer at home", "Police will interview", "Child protection medical by the paediatrician", "Sharing now may jeopardise", "Unexplained bruising"];
    const openings = () => server.context.prisma.informationSharing.count({ where: { kind: "record-opened" } });
    const summary = () => slack.callsOf("chat.postMessage").find((c) => JSON.stringify(c.args).includes("Decision record · CS-2026-0142"))!;

    it("posts the summary with a View full record button and none of the confidential detail", () => {
      const text = JSON.stringify(summary().args);
      for (const words of CONFIDENTIAL) expect(text).not.toContain(words);
      expect(text).toContain(slackActionId(ActionId.ViewFullRecord, meetingId));
      expect(text).toContain("Arrange the medical");
    });

    it("opens the full record in a modal for an attendee, and logs the opening once", async () => {
      const before = await openings();
      const click = blockAction(ctx, police, { actionId: slackActionId(ActionId.ViewFullRecord, meetingId), value: meetingId });
      await post(click);
      const view = slack.lastOpenedView();
      expect(modalProblems(view as never)).toEqual([]);
      const text = JSON.stringify(view.blocks);
      expect(text).toContain("OFFICIAL-SENSITIVE");
      for (const words of CONFIDENTIAL) expect(text).toContain(words);
      expect(text).toContain("Tuesday 24 November 2026");
      expect(text).not.toMatch(/(Agency|Action|Safety scale) \d+:/);
      expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}/);
      expect(await openings()).toBe(before + 1);
      // Slack redelivers the same click: no second row.
      await post(click);
      expect(await openings()).toBe(before + 1);
      const row = await server.context.prisma.informationSharing.findFirstOrThrow({ where: { kind: "record-opened" }, orderBy: { at: "desc" } });
      expect(row).toMatchObject({ recipientLabel: "DC Priya Shah", why: "Attended the meeting" });
    });

    it("refuses a channel member who was not at the meeting, privately, with no modal and no log row", async () => {
      const before = await openings();
      const opened = slack.callsOf("views.open").length;
      const ephemerals = slack.callsOf("chat.postEphemeral").length;
      await post(blockAction(ctx, intruder, { actionId: slackActionId(ActionId.ViewFullRecord, meetingId), value: meetingId }));
      expect(slack.callsOf("views.open").length).toBe(opened);
      const refusal = slack.callsOf("chat.postEphemeral").slice(ephemerals);
      expect(refusal).toHaveLength(1);
      expect(refusal[0]!.args.user).toBe(intruder.id);
      expect(String(refusal[0]!.args.text)).toContain("shared only with the people who attended");
      expect(await openings()).toBe(before);
    });
  });

  it("answers /convene deadlines privately", async () => {
    const res = await post(slashCommand(ctx, sw, "deadlines CS-2026-0142"));
    expect(res.body?.response_type).toBe("ephemeral");
    expect(JSON.stringify(res.body)).toContain("Deadlines and actions for CS-2026-0142");
    const help = await post(slashCommand(ctx, sw, "help"));
    expect(help.body?.response_type).toBe("ephemeral");
    expect(JSON.stringify(help.body)).toContain("/convene link");
  });

  it("posts a nudge to the linked channel when a deadline is due", async () => {
    const before = slack.callsOf("chat.postMessage").length;
    clock.set("2026-12-11T10:00:00Z");
    const pass = await runNudgePassNow(server.context);
    expect(pass.sent.length).toBeGreaterThan(0);
    await drainOutbox(server.context);
    const nudges = slack.callsOf("chat.postMessage").slice(before);
    expect(nudges.length).toBeGreaterThan(0);
    const nudge = nudges.find((c) => JSON.stringify(c.args).includes(ActionId.ShowDeadlines))!;
    expect(nudge).toBeDefined();
    expect(nudge.args.channel).toBe("C0CASE");
    const text = JSON.stringify(nudge.args);
    expect(text).toContain("CS-2026-0142");
    expect(text).toMatch(/working day|due today|overdue/);
    expect(text).toContain("<@U0SW>");
    expect(blockKitProblems("message", nudge.args.blocks as unknown[])).toEqual([]);

    // The nudge's button answers privately with the case's deadlines.
    const ephemerals = slack.callsOf("chat.postEphemeral").length;
    await post(blockAction(ctx, police, { actionId: slackActionId(ActionId.ShowDeadlines, "CS-2026-0142"), value: "CS-2026-0142" }));
    const answer = slack.callsOf("chat.postEphemeral").slice(ephemerals);
    expect(answer).toHaveLength(1);
    expect(answer[0]!.args.user).toBe(police.id);
    expect(JSON.stringify(answer[0]!.args)).toContain("Deadlines and actions for CS-2026-0142");
  });

  describe("case events and waivers", () => {
    /** The Waive buttons of a deadlines answer: the line's text and the deadline id each carries. */
    const waiveButtons = (blocks: unknown[]): Array<{ text: string; deadlineId: string; actionId: string }> => {
      const out: Array<{ text: string; deadlineId: string; actionId: string }> = [];
      for (const b of blocks as Array<{ text?: { text: string }; accessory?: { action_id: string; value: string } }>) {
        const parsed = b.accessory ? parseSlackActionId(b.accessory.action_id) : null;
        if (parsed?.action === ActionId.WaiveDeadline) out.push({ text: b.text!.text, deadlineId: b.accessory!.value, actionId: b.accessory!.action_id });
      }
      return out;
    };
    const deadlines = async (user: TestSlackUser) => {
      const res = await post(slashCommand(ctx, user, "deadlines CS-2026-0142"));
      expect(res.body?.response_type).toBe("ephemeral");
      const blocks = res.body?.blocks as unknown[];
      expect(blockKitProblems("message", blocks)).toEqual([]);
      return { blocks, text: JSON.stringify(blocks) };
    };

    it("answers incomplete or impossible case events privately", async () => {
      const usage = await post(slashCommand(ctx, sw, "referral CS-2026-0142"));
      expect(usage.body?.response_type).toBe("ephemeral");
      expect(JSON.stringify(usage.body)).toContain("/convene referral CS-2026-0142 2026-11-20");
      const future = await post(slashCommand(ctx, sw, "referral CS-2026-0142 2099-01-01"));
      expect(future.body?.response_type).toBe("ephemeral");
      expect(JSON.stringify(future.body)).toContain("in the future");
      const stranger = await post(slashCommand(ctx, police, "referral CS-2026-0142 2026-11-20"));
      expect(stranger.body?.response_type).toBe("ephemeral");
      expect(JSON.stringify(stranger.body)).toContain("Only the case's social worker or team manager");
    });

    it("records a referral with /convene referral, in the channel, once; both clocks show in deadlines with Waive buttons", async () => {
      const referral = slashCommand(ctx, sw, "referral CS-2026-0142 2026-11-20");
      const first = await post(referral);
      expect(first.body?.response_type).toBe("in_channel");
      const text = JSON.stringify(first.body);
      expect(text).toContain("CS-2026-0142: clocks started");
      expect(text).toContain("Decision on a referral");
      expect(text).toContain("Assessment concluded");
      // The replay (same trigger_id) changes nothing and posts nothing twice.
      expect((await post(referral)).body).toBeNull();
      expect(await server.context.prisma.deadline.count({ where: { rule: { in: ["referral-decision", "assessment"] } } })).toBe(2);

      const list = await deadlines(sw);
      expect(list.text).toContain("Decision on a referral");
      expect(list.text).toContain("Assessment concluded");
      const buttons = waiveButtons(list.blocks);
      expect(buttons.map((b) => b.text).join("\n")).toMatch(/Decision on a referral[\s\S]*Assessment concluded|Assessment concluded[\s\S]*Decision on a referral/);
      expect(new Set(buttons.map((b) => b.actionId)).size).toBe(buttons.length);
    });

    it("keeps /convene transfer-in <ref> (no date) for convening the conference", async () => {
      await post(slashCommand(ctx, sw, "transfer-in CS-2026-0142"));
      const view = slack.lastOpenedView();
      expect(view.callback_id).toBe(ActionId.SubmitConvene);
      expect(JSON.parse(view.private_metadata!).kind).toBe("transfer-in-conference");
    });

    it("opens the waive modal from the button, refuses a non-manager beside the reason, and lets a team manager waive", async () => {
      const line = waiveButtons((await deadlines(sw)).blocks).find((b) => b.text.includes("Decision on a referral"))!;
      await post(blockAction(ctx, sw, { actionId: line.actionId, value: line.deadlineId }));
      const view = slack.lastOpenedView();
      expect(view.callback_id).toBe(ActionId.WaiveDeadline);
      expect(modalProblems(view as never)).toEqual([]);
      expect(JSON.stringify(view.blocks)).toContain("Decision on a referral");

      const reason = "The referral was withdrawn by the school.";
      // The case's own social worker is not a team manager.
      const refused = await post(viewSubmission(ctx, sw, view, { reason }));
      expect(refused.body?.response_action).toBe("errors");
      expect((refused.body?.errors as Record<string, string>).reason).toContain("Only a team manager can waive");

      await registerPractitioner(server.context, {
        identity: { platform: "slack", tenant: TEAM, userId: manager.id, displayName: manager.name, email: manager.email },
        agency: "Children's social care",
        role: "team-manager",
        operator: "test:admin",
      });
      const tooShort = await post(viewSubmission(ctx, manager, view, { reason: "no" }));
      expect(tooShort.body?.response_action).toBe("errors");
      expect(Object.keys(tooShort.body?.errors as object)).toEqual(["reason"]);

      const ephemerals = slack.callsOf("chat.postEphemeral").length;
      const ok = await post(viewSubmission(ctx, manager, view, { reason }));
      expect(ok.status).toBe(200);
      expect(ok.body).toBeNull();
      const told = slack.callsOf("chat.postEphemeral").slice(ephemerals);
      expect(told).toHaveLength(1);
      expect(told[0]!.args.user).toBe(manager.id);
      expect(JSON.stringify(told[0]!.args)).toContain("Deadline waived for CS-2026-0142");

      const after = await deadlines(sw);
      expect(after.text).toContain("Waived: Decision on a referral");
      expect(after.text).toContain("Assessment concluded");
      expect(waiveButtons(after.blocks).map((b) => b.deadlineId)).not.toContain(line.deadlineId);
      const row = await server.context.prisma.deadline.findUniqueOrThrow({ where: { id: line.deadlineId } });
      expect(row.status).toBe("waived");
    });

    it("records a transfer-in and a date of birth, also by mention", async () => {
      const transfer = await post(slashCommand(ctx, sw, "transfer-in CS-2026-0142 2026-12-01"));
      expect(transfer.body?.response_type).toBe("in_channel");
      expect(JSON.stringify(transfer.body)).toContain("Transfer-in child protection conference");
      const before = slack.callsOf("chat.postMessage").length;
      await post(appMention(ctx, sw, "dob CS-2026-0142 2010-05-14"));
      const reply = slack.callsOf("chat.postMessage").slice(before);
      expect(reply).toHaveLength(1);
      expect(JSON.stringify(reply[0]!.args)).toContain("Review conference before the 18th birthday");
    });
  });

  it("answers a mention that asks for a form with an Open the form button, which opens the modal", async () => {
    const before = slack.callsOf("chat.postEphemeral").length;
    await post(appMention(ctx, sw, "convene core-group CS-2026-0142"));
    const told = slack.callsOf("chat.postEphemeral").slice(before);
    expect(told).toHaveLength(1);
    const button = JSON.stringify(told[0]!.args);
    expect(button).toContain("Open the form");
    expect(button).toContain(slackActionId(ActionId.OpenConveneForm, "CS-2026-0142"));
    const value = (told[0]!.args.blocks as Array<{ elements?: Array<{ value?: string }> }>).flatMap((b) => b.elements ?? [])[0]!.value!;
    await post(blockAction(ctx, sw, { actionId: slackActionId(ActionId.OpenConveneForm, "CS-2026-0142"), value }));
    const view = slack.lastOpenedView();
    expect(view.callback_id).toBe(ActionId.SubmitConvene);
    expect(JSON.parse(view.private_metadata!).kind).toBe("core-group");
  });

  it("names a word it did not understand, privately, and lists the commands", async () => {
    const res = await post(slashCommand(ctx, sw, "frobnicate CS-2026-0142"));
    expect(res.body?.response_type).toBe("ephemeral");
    expect(JSON.stringify(res.body)).toContain("did not understand");
    expect(JSON.stringify(res.body)).toContain("frobnicate");
    expect(JSON.stringify(res.body)).toContain("/convene link CS-2026-0142");
  });

  describe("ingress guards", () => {
    it("refuses a forged signature with 401 and does nothing", async () => {
      const req = slashCommand(ctx, sw, "link CS-2026-0999");
      const calls = slack.calls.length;
      const res = await post(req, signedHeaders("not-the-secret", req, now()));
      expect(res.status).toBe(401);
      const tampered = await post({ ...req, body: req.body.replace("0999", "0998") }, signedHeaders(SECRET, req, now()));
      expect(tampered.status).toBe(401);
      const unsigned = await post(req, { "content-type": req.contentType });
      expect(unsigned.status).toBe(401);
      expect(slack.calls.length).toBe(calls);
    });

    it("refuses a correctly signed request older than five minutes with 401", async () => {
      const req = slashCommand(ctx, sw, "help");
      const stale = await post(req, signedHeaders(SECRET, req, now() - 5 * 60 - 1));
      expect(stale.status).toBe(401);
      const fresh = await post(req, signedHeaders(SECRET, req, now() - 60));
      expect(fresh.status).toBe(200);
    });

    it("answers Slack's url_verification challenge", async () => {
      const req: SlackRequest = { contentType: "application/json", body: JSON.stringify({ type: "url_verification", challenge: "abc123", token: "x" }) };
      expect((await post(req)).body).toEqual({ challenge: "abc123" });
    });

    it("has one effect when the same event is delivered four times (X-Slack-Retry-Num 1..3)", async () => {
      const other: SlackTestContext = { teamId: TEAM, channelId: "C0OTHER" };
      const mention = appMention(other, sw, "link CS-2026-0777");
      for (let retry = 0; retry <= 3; retry++) {
        const extra: Record<string, string> = retry ? { "x-slack-retry-num": String(retry), "x-slack-retry-reason": "http_timeout" } : {};
        expect((await post(mention, signedHeaders(SECRET, mention, now(), extra))).status).toBe(200);
      }
      const links = await server.context.prisma.channelLink.findMany({ where: { conversationId: "C0OTHER" } });
      expect(links).toHaveLength(1);
      const replies = slack.callsOf("chat.postMessage").filter((c) => c.args.channel === "C0OTHER");
      expect(replies).toHaveLength(1);
      expect(JSON.stringify(replies[0]!.args)).toContain("CS-2026-0777");
      const cases = await server.context.prisma.case.findMany({ where: { reference: "CS-2026-0777" } });
      expect(cases).toHaveLength(1);
    });
  });
});
