import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { ActionId } from "../../src/app/conversation/action-id";
import { putAgencyDirectoryEntry } from "../../src/app/use-cases/put-agency-directory-entry";
import { exportCase } from "../../src/app/use-cases/export-case";
import { buildCaseExportJson } from "../../src/cards/case-export.json";
import { slackActionId } from "../../src/cards/slack/slack-action-id";
import { fixedClock } from "../../src/domain/shared/clock";
import { drainOutbox, runChasePassNow } from "../../src/server/mount-delivery";
import { type RunningServer } from "../../src/server/start-server";
import { FakeConnector } from "../helpers/fake-teams-connector";
import { postToSlack, sendActivity, slackEnv, startTestServer } from "../helpers/e2e-server";
import { blockAction, FakeSlackWebApi, slashCommand, viewSubmission, type SlackRequest, type TestSlackUser } from "../helpers/slack-requests";
import { actionActivity, messageActivity, type ActivityContext, type TestTeamsUser } from "../helpers/teams-activities";
import { PLAYGROUND_CONVERSATION_ID, PLAYGROUND_USERS } from "../../src/channels/playground/playground-users";

// Find a time: the convenor proposes up to five times for a meeting still to be timed, each
// invitee ticks the times they can make, the roster shows which required roles can make each
// and stars the earliest at which social worker, health and police all can, and the convenor
// picks it: the meeting is scheduled and its calendar invite appears. In Teams and in Slack.
// Monday 30 November 2026, 10:00. Options: Tue 1 Dec 09:00 (health cannot), Tue 1 Dec 14:00
// (all three can: the one to pick), Wed 2 Dec 10:00 (all three can, but later).

const clock = fixedClock("2026-11-30T10:00:00Z");
const admin = "test:admin";
const OPTIONS = { option_1_date: "2026-12-01", option_1_time: "09:00", option_2_date: "2026-12-01", option_2_time: "14:00", option_3_date: "2026-12-02", option_3_time: "10:00" };
const BEST = "Tue 1 Dec 2026, 14:00 (UK time)";

/** Which of the three options each person ticks: the answers that make option 2 the first all three can make. */
const CAN_MAKE: Record<"sw" | "health" | "police", number[]> = { sw: [1, 2, 3], health: [2, 3], police: [1, 2, 3] };

describe("find a time", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "convene-times-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  describe("in Teams", () => {
    const CASE = "CS-2026-0700";
    const sw: TestTeamsUser = { id: "29:sw", aadObjectId: "aad-sw", name: "Sam Okafor", email: "sam@la.example" };
    const officer: TestTeamsUser = { id: "29:pc", aadObjectId: "aad-pc", name: "DC Priya Shah", email: "priya@force.example", tenantId: "tenant-police" };
    const nurse: TestTeamsUser = { id: "29:rn", aadObjectId: "aad-rn", name: "Hana Lewis", email: "hana@nhs.net" };
    const outsider: TestTeamsUser = { id: "29:x", aadObjectId: "aad-x", name: "Alex Other", email: "alex@la.example" };
    const connector = new FakeConnector([sw, officer, nurse, outsider]);
    let server: RunningServer;
    let ctx: ActivityContext;
    let meetingId = "";
    const send = (activity: object) => sendActivity(server, activity);
    const slotIds = async () => (await server.context.prisma.meetingSlot.findMany({ where: { meetingId }, orderBy: { ordinal: "asc" } })).map((s) => s.id);

    beforeAll(async () => {
      await connector.start();
      server = await startTestServer(dir, "teams", clock);
      ctx = { serviceUrl: connector.url, conversationId: "19:times@thread.tacv2" };
      await putAgencyDirectoryEntry(server.context, { entry: { match: "teams-tenant", value: "tenant-police", agency: "police" }, operator: admin });
      await send(messageActivity(ctx, sw, `link ${CASE}`));
      // No date: the time is still to be agreed. The police row is the duty desk's, answered by an officer of that force.
      await send(actionActivity(ctx, sw, ActionId.SubmitConvene, { caseRef: CASE, kind: "strategy-discussion", concern: "Concern.", urgency: "routine", mode: "call", "person_social-worker": sw.aadObjectId, contact_police: "Police CAIT duty desk", person_health: nurse.aadObjectId }));
      await drainOutbox(server.context);
      meetingId = (await server.context.prisma.meeting.findFirstOrThrow()).id;
    });
    afterAll(async () => {
      await server?.close();
      await connector.stop();
    });

    it("offers Find a time… while the meeting has no time, and refuses a past, a late and a repeated time beside its own boxes", async () => {
      const roster = connector.captured.map((c) => JSON.stringify(c.body.attachments?.[0]?.content ?? {})).find((t) => t.includes("Who is coming"))!;
      expect(roster).toContain("Find a time…");
      const asked = JSON.stringify((await send(actionActivity(ctx, sw, ActionId.ProposeTimes, { meetingId })))?.value);
      expect(asked).toContain("Option 1: date");
      expect(asked).toContain("Propose these times");
      const bad = JSON.stringify((await send(actionActivity(ctx, sw, ActionId.ProposeTimes, { meetingId, step: "times", option_1_date: "2026-11-27", option_1_time: "10:00", option_2_date: "2026-12-01", option_2_time: "21:30", option_3_date: "2026-12-01", option_3_time: "09:00", option_4_date: "2026-12-01", option_4_time: "09:00" })))?.value);
      expect(bad).toContain("Fri 27 Nov 2026, 10:00 has passed");
      expect(bad).toContain("21:30 is outside 07:00–20:00");
      expect(bad).toContain("Tue 1 Dec 2026, 09:00 is already option 3");
      const one = JSON.stringify((await send(actionActivity(ctx, sw, ActionId.ProposeTimes, { meetingId, step: "times", option_1_date: "2026-12-01", option_1_time: "09:00" })))?.value);
      expect(one).toContain("Propose at least 2 times");
      const stranger = await send(actionActivity(ctx, officer, ActionId.ProposeTimes, { meetingId, step: "times", ...OPTIONS }));
      expect(String(stranger?.value)).toContain("Only the convenor or the case's social worker or team manager can propose times");
      expect(await server.context.prisma.meetingSlot.count()).toBe(0);
    });

    it("shows the poll on the roster, tallies each person's ticks by role, and stars the earliest time all three required roles can make", async () => {
      const proposed = JSON.stringify((await send(actionActivity(ctx, sw, ActionId.ProposeTimes, { meetingId, step: "times", ...OPTIONS })))?.value);
      expect(proposed).toContain("Possible times");
      expect(proposed).toContain("Times I can make…");
      expect(proposed).toContain("No time suits every required role yet.");
      const ids = await slotIds();
      const ticks = (who: keyof typeof CAN_MAKE) => Object.fromEntries(CAN_MAKE[who].map((n) => [`can_${ids[n - 1]}`, "true"]));
      const form = JSON.stringify((await send(actionActivity(ctx, nurse, ActionId.AnswerTimes, { meetingId })))?.value);
      expect(form).toContain("I can make Tue 1 Dec 2026, 09:00 (UK time)");
      const refused = await send(actionActivity(ctx, outsider, ActionId.AnswerTimes, { meetingId, step: "times", ...ticks("sw") }));
      expect(String(refused?.value)).toContain("You have no row on this roster");
      await send(actionActivity(ctx, sw, ActionId.AnswerTimes, { meetingId, step: "times", ...ticks("sw") }));
      await send(actionActivity(ctx, nurse, ActionId.AnswerTimes, { meetingId, step: "times", ...ticks("health") }));
      const last = JSON.stringify((await send(actionActivity(ctx, officer, ActionId.AnswerTimes, { meetingId, step: "times", ...ticks("police") })))?.value);
      expect(last).toContain(`Earliest time social worker, health and police can all make: **${BEST}**`);
      expect(last).toContain(`★ **${BEST}** · required roles can all make it`);
      expect(last).toContain("can make it: Social worker, Police · cannot: Health");
      expect(last).toContain("3 of 3 rows have marked their times.");
      // Answering times is not claiming the duty desk's row.
      expect((await server.context.prisma.invitation.findFirstOrThrow({ where: { role: "police" } })).claimedById).toBeNull();
    });

    it("picks the starred time: the meeting is scheduled, the calendar invite appears, and the channel is told", async () => {
      const asked = JSON.stringify((await send(actionActivity(ctx, sw, ActionId.PickTime, { meetingId })))?.value);
      expect(asked).toContain(`${BEST} is the earliest time the required roles can all make.`);
      const best = (await slotIds())[1]!;
      const posts = connector.captured.length;
      const picked = JSON.stringify((await send(actionActivity(ctx, sw, ActionId.PickTime, { meetingId, step: "times", slotId: best })))?.value);
      expect(picked).toContain(`Scheduled for ${BEST}`);
      expect(picked).toContain("Add to calendar");
      expect(picked).not.toContain("Possible times");
      expect(await server.context.prisma.meeting.findUniqueOrThrow({ where: { id: meetingId } })).toMatchObject({ status: "scheduled", scheduledAt: new Date("2026-12-01T14:00:00Z") });
      await drainOutbox(server.context);
      const notice = connector.captured.slice(posts).map((c) => JSON.stringify(c.body.attachments?.[0]?.content ?? {})).find((t) => t.includes(`Time picked · Strategy discussion · ${CASE}`))!;
      expect(notice).toContain("Social worker, Health and Police can all make it.");
      expect(notice).toContain("<at>Hana Lewis</at>");
      // The case file keeps how the time was found.
      const file = buildCaseExportJson(await exportCase(server.context, { tenant: "local", caseRef: CASE, exportedBy: "Sam Okafor", reason: "Case file check", format: "JSON", operator: "cli:test" }));
      expect(file.meetings[0]!.proposedTimes).toEqual([
        { startsAt: "2026-12-01T09:00:00.000Z", canMake: ["Social worker", "Police"], cannotMake: ["Health"] },
        { startsAt: "2026-12-01T14:00:00.000Z", canMake: ["Social worker", "Health", "Police"], cannotMake: [] },
        { startsAt: "2026-12-02T10:00:00.000Z", canMake: ["Social worker", "Health", "Police"], cannotMake: [] },
      ]);
      const again = await send(actionActivity(ctx, sw, ActionId.ProposeTimes, { meetingId, step: "times", ...OPTIONS }));
      expect(String(again?.value)).toContain("This meeting already has a time. To move it, use Reschedule…");
    });
  });

  describe("in Slack", () => {
    const CASE = "CS-2026-0701";
    const SECRET = "times-signing-secret-0123456789";
    const TEAM = "T0CASE";
    const sw: TestSlackUser = { id: "U0SW", name: "Sam Okafor", email: "sam@la.example", teamId: TEAM };
    const police: TestSlackUser = { id: "U0PC", name: "DC Priya Shah", email: "priya@force.example", teamId: TEAM };
    const nurse: TestSlackUser = { id: "U0RN", name: "Hana Lewis", email: "hana@nhs.example", teamId: TEAM };
    const slack = new FakeSlackWebApi([sw, police, nurse], TEAM);
    const sctx = { teamId: TEAM, channelId: "C0TIMES" };
    let server: RunningServer;
    let meetingId = "";
    const post = (req: SlackRequest) => postToSlack(server, SECRET, clock, req);
    const people = { sw, health: nurse, police };

    beforeAll(async () => {
      await slack.start();
      server = await startTestServer(dir, "slack", clock, { ...slackEnv(SECRET, slack.apiUrl) });
      await post(slashCommand(sctx, sw, `link ${CASE}`));
      await post(slashCommand(sctx, sw, `strategy ${CASE}`));
      await post(viewSubmission(sctx, sw, slack.lastOpenedView(), { concern: "Concern.", urgency: "routine", mode: "call", "person_social-worker": sw.id, person_health: nurse.id, person_police: police.id }));
      await drainOutbox(server.context);
      meetingId = (await server.context.prisma.meeting.findFirstOrThrow()).id;
    });
    afterAll(async () => {
      await server?.close();
      await slack.stop();
    });

    it("proposes times in the Find a time… modal, takes each person's ticks in the Times I can make… modal, and picks the first time all three can make", async () => {
      await post(blockAction(sctx, sw, { actionId: slackActionId(ActionId.ProposeTimes, meetingId), value: meetingId }));
      const proposeView = slack.lastOpenedView();
      expect(proposeView.callback_id).toBe(ActionId.ProposeTimes);
      const late = await post(viewSubmission(sctx, sw, proposeView, { ...OPTIONS, option_3_time: "06:30" }));
      expect(late?.response_action).toBe("errors");
      expect(JSON.stringify(late?.errors)).toContain("06:30 is outside 07:00–20:00");
      expect(await post(viewSubmission(sctx, sw, proposeView, OPTIONS))).toBeNull();
      const ids = (await server.context.prisma.meetingSlot.findMany({ where: { meetingId }, orderBy: { ordinal: "asc" } })).map((s) => s.id);
      for (const who of ["sw", "health", "police"] as const) {
        await post(blockAction(sctx, people[who], { actionId: slackActionId(ActionId.AnswerTimes, meetingId), value: meetingId }));
        const view = slack.lastOpenedView();
        expect(view.callback_id).toBe(ActionId.AnswerTimes);
        expect(await post(viewSubmission(sctx, people[who], view, Object.fromEntries(CAN_MAKE[who].map((n) => [`can_${ids[n - 1]}`, "true"]))))).toBeNull();
      }
      const roster = await server.context.app.getRoster(meetingId);
      expect(roster.timePoll).toMatchObject({ bestLabel: BEST, answered: 3, asked: 3 });
      // The message ends as the roster stands: the last update Slack got (a newer update waits while an older one is in flight, so drain until it has gone).
      const lastUpdate = () => slack.callsOf("chat.update").map((c) => JSON.stringify(c.args)).filter((t) => t.includes("Possible times")).at(-1) ?? "";
      for (let i = 0; i < 50 && !lastUpdate().includes("3 of 3 rows"); i++) {
        await drainOutbox(server.context);
        await new Promise((r) => setTimeout(r, 100));
      }
      const updated = lastUpdate();
      expect(updated).toContain(`:star: *${BEST}* · required roles can all make it`);
      await post(blockAction(sctx, sw, { actionId: slackActionId(ActionId.PickTime, meetingId), value: meetingId }));
      const pickView = slack.lastOpenedView();
      expect(pickView.callback_id).toBe(ActionId.PickTime);
      expect(await post(viewSubmission(sctx, sw, pickView, { slotId: ids[1]! }))).toBeNull();
      expect((await server.context.app.getRoster(meetingId)).whenLabel).toBe(BEST);
      await drainOutbox(server.context);
      expect(slack.callsOf("chat.postMessage").some((c) => JSON.stringify(c.args).includes(`Time picked · Strategy discussion · ${CASE}`))).toBe(true);
    });
  });

  describe("in the playground", () => {
    const CASE = "CS-2026-0702";
    const user = (role: string): TestTeamsUser => {
      const u = PLAYGROUND_USERS.find((p) => p.role === role)!;
      return { id: u.id, aadObjectId: u.aadObjectId, name: u.name, email: u.email };
    };
    const people = { sw: user("social-worker"), health: user("health"), police: user("police") };
    let server: RunningServer;
    let ctx: ActivityContext;
    const send = (activity: object) => sendActivity(server, activity);
    const feed = async () => JSON.stringify(await (await fetch(`${server.url}/playground/messages?conversationId=${encodeURIComponent(PLAYGROUND_CONVERSATION_ID)}&since=0`)).json());

    beforeAll(async () => {
      server = await startTestServer(dir, "playground", clock);
      ctx = { serviceUrl: `${server.url}/playground/connector`, conversationId: PLAYGROUND_CONVERSATION_ID };
    });
    afterAll(async () => {
      await server?.close();
    });

    it("shows the poll on the roster in the conversation, then the picked time with its calendar invite link", async () => {
      await send(messageActivity(ctx, people.sw, `link ${CASE}`));
      await send(actionActivity(ctx, people.sw, ActionId.SubmitConvene, { caseRef: CASE, kind: "strategy-discussion", concern: "Concern.", urgency: "routine", mode: "call", "person_social-worker": people.sw.aadObjectId, person_health: people.health.aadObjectId, person_police: people.police.aadObjectId }));
      const meetingId = (await server.context.prisma.meeting.findFirstOrThrow()).id;
      await send(actionActivity(ctx, people.sw, ActionId.ProposeTimes, { meetingId, step: "times", ...OPTIONS }));
      const ids = (await server.context.prisma.meetingSlot.findMany({ where: { meetingId }, orderBy: { ordinal: "asc" } })).map((x) => x.id);
      for (const who of ["sw", "health", "police"] as const) {
        await send(actionActivity(ctx, people[who], ActionId.AnswerTimes, { meetingId, step: "times", ...Object.fromEntries(CAN_MAKE[who].map((n) => [`can_${ids[n - 1]}`, "true"])) }));
      }
      await drainOutbox(server.context);
      const polled = await feed();
      expect(polled).toContain("Possible times");
      expect(polled).toContain(`★ **${BEST}** · required roles can all make it`);
      await send(actionActivity(ctx, people.sw, ActionId.PickTime, { meetingId, step: "times", slotId: ids[1] }));
      await drainOutbox(server.context);
      const picked = await feed();
      expect(picked).toContain(`Time picked · Strategy discussion · ${CASE}`);
      expect(picked).toMatch(/"title":"Add to calendar","url":"http:\/\/127\.0\.0\.1:\d+\/calendar\/[^"]+\.ics"/);
    });
  });

  describe("chasing the rows that have not marked their times, then the time picked", () => {
    const CASE = "CS-2026-0703";
    const sw: TestTeamsUser = { id: "29:sw", aadObjectId: "aad-sw", name: "Sam Okafor", email: "sam@la.example" };
    const officer: TestTeamsUser = { id: "29:pc", aadObjectId: "aad-pc", name: "DC Priya Shah", email: "priya@force.example" };
    const nurse: TestTeamsUser = { id: "29:rn", aadObjectId: "aad-rn", name: "Hana Lewis", email: "hana@nhs.net" };
    const connector = new FakeConnector([sw, officer, nurse]);
    const chaseClock = fixedClock("2026-11-30T10:00:00Z"); // Monday 10:00
    let server: RunningServer;
    let ctx: ActivityContext;
    let meetingId = "";
    const send = (activity: object) => sendActivity(server, activity);
    const passAt = async (at: string) => {
      chaseClock.set(at);
      const before = connector.captured.length;
      await runChasePassNow(server.context);
      await drainOutbox(server.context);
      return connector.captured.slice(before).map((c) => JSON.stringify(c.body.attachments?.[0]?.content ?? {})).filter((t) => t.includes("Reminder "));
    };

    beforeAll(async () => {
      await connector.start();
      server = await startTestServer(dir, "chase-times", chaseClock);
      ctx = { serviceUrl: connector.url, conversationId: "19:chase-times@thread.tacv2" };
      await send(messageActivity(ctx, sw, `link ${CASE}`));
      await send(actionActivity(ctx, sw, ActionId.SubmitConvene, { caseRef: CASE, kind: "strategy-discussion", concern: "Concern.", urgency: "routine", mode: "call", "person_social-worker": sw.aadObjectId, person_police: officer.aadObjectId, person_health: nurse.aadObjectId }));
      meetingId = (await server.context.prisma.meeting.findFirstOrThrow()).id;
      await send(actionActivity(ctx, sw, ActionId.ProposeTimes, { meetingId, step: "times", ...OPTIONS }));
      const ids = (await server.context.prisma.meetingSlot.findMany({ where: { meetingId }, orderBy: { ordinal: "asc" } })).map((x) => x.id);
      await send(actionActivity(ctx, sw, ActionId.AnswerTimes, { meetingId, step: "times", [`can_${ids[1]}`]: "true" }));
      await send(actionActivity(ctx, nurse, ActionId.AnswerTimes, { meetingId, step: "times", [`can_${ids[1]}`]: "true" }));
      await drainOutbox(server.context);
    });
    afterAll(async () => {
      await server?.close();
      await connector.stop();
    });

    it("asks only the row that has not marked its times, and once only across a second pass", async () => {
      const first = await passAt("2026-12-01T09:30:00Z");
      expect(first).toHaveLength(1);
      expect(first[0]).toContain('Please mark the times you can make for the Police row: press \\"Times I can make…\\" on the roster card.');
      expect(first[0]).toContain("<at>DC Priya Shah</at>");
      expect(await passAt("2026-12-01T09:31:00Z")).toHaveLength(0);
    });

    it("once a time is picked, chases the rows that have not accepted it, afresh", async () => {
      // Wednesday 10:00: the pass on Wednesday morning comes before the meeting.
      const slot = (await server.context.prisma.meetingSlot.findMany({ where: { meetingId }, orderBy: { ordinal: "asc" } }))[2]!;
      await send(actionActivity(ctx, nurse, ActionId.Accept, { invitationId: (await server.context.prisma.invitation.findFirstOrThrow({ where: { role: "health" } })).id }));
      await send(actionActivity(ctx, sw, ActionId.PickTime, { meetingId, step: "times", slotId: slot.id }));
      const chased = await passAt("2026-12-02T09:30:00Z");
      expect(chased.filter((t) => t.includes("Please answer the Police row on the roster card"))).toHaveLength(1);
      expect(chased.some((t) => t.includes("Health row"))).toBe(false);
    });
  });
});
