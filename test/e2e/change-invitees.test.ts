import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { ActionId } from "../../src/app/conversation/action-id";
import { putAgencyDirectoryEntry } from "../../src/app/use-cases/put-agency-directory-entry";
import { slackActionId } from "../../src/cards/slack/slack-action-id";
import { fixedClock } from "../../src/domain/shared/clock";
import { drainOutbox } from "../../src/server/mount-delivery";
import { type RunningServer } from "../../src/server/start-server";
import { FakeConnector } from "../helpers/fake-teams-connector";
import { postToSlack, sendActivity, slackEnv, startTestServer } from "../helpers/e2e-server";
import { blockAction, FakeSlackWebApi, slashCommand, viewSubmission, type SlackRequest, type TestSlackUser } from "../helpers/slack-requests";
import { actionActivity, messageActivity, type ActivityContext, type TestTeamsUser } from "../helpers/teams-activities";

// Who is invited can change after convening: the duty desk names an officer, a nurse goes on
// leave, an optional row is no longer needed. The convenor (or the case's social worker or
// manager) changes rows from the roster, in Teams and in Slack; the agency rule still holds;
// new invitees are asked personally, anyone taken off is told, the channel sees the change,
// and a redelivered submission changes nothing twice.

const CASE = "CS-2026-0610";
const clock = fixedClock("2026-11-30T10:00:00Z");
const admin = "test:admin";

describe("change invitees", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "convene-invitees-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  describe("in Teams", () => {
    const sw: TestTeamsUser = { id: "29:sw", aadObjectId: "aad-sw", name: "Sam Okafor", email: "sam@la.example" };
    const officer: TestTeamsUser = { id: "29:pc", aadObjectId: "aad-pc", name: "DC Priya Shah", email: "priya@force.example", tenantId: "tenant-police" };
    const nurse: TestTeamsUser = { id: "29:rn", aadObjectId: "aad-rn", name: "Hana Lewis", email: "hana@nhs.net" };
    const nurse2: TestTeamsUser = { id: "29:rn2", aadObjectId: "aad-rn2", name: "Ola Bello", email: "ola@nhs.net" };
    const connector = new FakeConnector([sw, officer, nurse, nurse2]);
    let server: RunningServer;
    let ctx: ActivityContext;
    let meetingId = "";
    const send = (activity: object) => sendActivity(server, activity);
    const rowOf = (role: string) => server.context.prisma.invitation.findFirst({ where: { role } });

    beforeAll(async () => {
      await connector.start();
      server = await startTestServer(dir, "teams", clock);
      ctx = { serviceUrl: connector.url, conversationId: "19:invitees@thread.tacv2" };
      await putAgencyDirectoryEntry(server.context, { entry: { match: "teams-tenant", value: "tenant-police", agency: "police" }, operator: admin });
      await putAgencyDirectoryEntry(server.context, { entry: { match: "email-domain", value: "nhs.net", agency: "health" }, operator: admin });
      await send(messageActivity(ctx, sw, `link ${CASE}`));
      await send(
        actionActivity(ctx, sw, ActionId.SubmitConvene, {
          caseRef: CASE, kind: "strategy-discussion", concern: "Concern.", urgency: "today", date: "2026-12-01", time: "10:00", mode: "call",
          "person_social-worker": sw.aadObjectId, contact_police: "Police CAIT duty desk", person_health: nurse.aadObjectId, contact_school: "School DSL duty line",
        }),
      );
      await drainOutbox(server.context);
      meetingId = (await server.context.prisma.meeting.findFirstOrThrow()).id;
      await send(actionActivity(ctx, nurse, ActionId.Accept, { invitationId: (await rowOf("health"))!.id }));
    });
    afterAll(async () => {
      await server?.close();
      await connector.stop();
    });

    it("offers Change invitees… on the roster, and asks on the card who each row should have, saying who it has now", async () => {
      const roster = connector.captured.map((c) => JSON.stringify(c.body.attachments?.[0]?.content ?? {})).find((t) => t.includes("Who is coming"))!;
      expect(roster).toContain("Change invitees…");
      const asked = JSON.stringify((await send(actionActivity(ctx, sw, ActionId.ChangeInvitees, { meetingId })))?.value);
      expect(asked).toContain("Police (required)");
      expect(asked).toContain("Now: Police CAIT duty desk. Leave empty to keep.");
      expect(asked).toContain("Now: Hana Lewis. Leave empty to keep.");
      expect(asked).toContain("Remove the School or nursery row (School DSL duty line)");
      // Required rows can be given to someone else, never removed.
      expect(asked).not.toContain("Remove the Police row");
    });

    it("refuses, privately and changing nothing: someone who does not run the meeting, a nurse in the police row, removing a required row", async () => {
      const stranger = await send(actionActivity(ctx, officer, ActionId.ChangeInvitees, { meetingId, step: "invitees", person_police: officer.aadObjectId }));
      expect(String(stranger?.value)).toContain("Only the convenor or the case's social worker or team manager can change who is invited");
      const wrong = JSON.stringify((await send(actionActivity(ctx, sw, ActionId.ChangeInvitees, { meetingId, step: "invitees", person_police: nurse2.aadObjectId })))?.value);
      expect(wrong).toContain("Ola Bello is recorded as Health");
      const forged = JSON.stringify((await send(actionActivity(ctx, sw, ActionId.ChangeInvitees, { meetingId, step: "invitees", remove_police: "true" })))?.value);
      expect(forged).toContain("The Police row is required for a strategy discussion, so it cannot be removed");
      const empty = JSON.stringify((await send(actionActivity(ctx, sw, ActionId.ChangeInvitees, { meetingId, step: "invitees" })))?.value);
      expect(empty).toContain("Nothing changed");
      expect((await rowOf("police"))).toMatchObject({ inviteeLabel: "Police CAIT duty desk", inviteeKind: "agency" });
      expect((await rowOf("health"))).toMatchObject({ inviteeLabel: "Hana Lewis", response: "accepted" });
    });

    it("gives rows to someone else and removes an optional one: the roster updates, new invitees are asked, those taken off are told, once only", async () => {
      const posts = connector.captured.length;
      const submit = actionActivity(ctx, sw, ActionId.ChangeInvitees, { meetingId, step: "invitees", person_police: officer.aadObjectId, person_health: nurse2.aadObjectId, remove_school: "true" });
      const res = JSON.stringify((await send(submit))?.value);
      expect(res).toContain("Invitees changed.");
      expect(res).toContain("DC Priya Shah");
      expect(res).toContain("Ola Bello");
      // The new health invitee starts afresh: the last one's acceptance is not theirs.
      expect(await rowOf("health")).toMatchObject({ inviteeLabel: "Ola Bello", inviteeKind: "person", response: "invited", chaseCount: 0 });
      expect(await rowOf("school")).toBeNull();
      // Teams redelivers: the same activity again changes nothing and tells nobody twice.
      await send(submit);
      await drainOutbox(server.context);
      const sent = connector.captured.slice(posts);
      const cards = sent.map((c) => JSON.stringify(c.body.attachments?.[0]?.content ?? {}));
      const notices = cards.filter((t) => t.includes(`Invitees changed · Strategy discussion · ${CASE}`));
      expect(notices).toHaveLength(1);
      expect(notices[0]).toContain("Police: Police CAIT duty desk → DC Priya Shah");
      expect(notices[0]).toContain("Health: Hana Lewis → Ola Bello");
      expect(notices[0]).toContain("School or nursery: School DSL duty line → row removed");
      expect(notices[0]).toContain("<at>DC Priya Shah</at>");
      // Personal messages: an invitation with the answer buttons to each new invitee, a word to the nurse taken off.
      const personal = sent.filter((c) => /\/v3\/conversations\/msg-\d+\/activities/.test(c.path)).map((c) => JSON.stringify(c.body.attachments?.[0]?.content ?? {}));
      expect(personal.filter((t) => t.includes(`You are invited to a strategy discussion · ${CASE}`) && t.includes(ActionId.Accept))).toHaveLength(2);
      expect(personal.filter((t) => t.includes(`No longer invited · Strategy discussion · ${CASE}`))).toHaveLength(1);
      const chats = sent.filter((c) => c.method === "POST" && c.path.endsWith("/v3/conversations")).map((c) => (c.body as { members?: Array<{ id: string }> }).members?.[0]?.id);
      expect(chats.sort()).toEqual(["aad-pc", "aad-rn", "aad-rn2"]);
      for (const t of [...notices, ...personal]) expect(t).not.toContain("Concern.");
      const audit = await server.context.prisma.auditEvent.findMany({ where: { entityType: "meeting", entityId: meetingId, action: "change" } });
      expect(audit.filter((a) => a.detail.includes('"invitees"'))).toHaveLength(1);
    });

    it("lets the officer now named answer her own row", async () => {
      const res = await send(actionActivity(ctx, officer, ActionId.Accept, { invitationId: (await rowOf("police"))!.id }));
      expect(res?.type).toBe("application/vnd.microsoft.card.adaptive");
      expect((await rowOf("police"))!.response).toBe("accepted");
    });
  });

  describe("in Slack", () => {
    const SECRET = "invitees-signing-secret-0123456789";
    const TEAM = "T0CASE";
    const sw: TestSlackUser = { id: "U0SW", name: "Sam Okafor", email: "sam@la.example", teamId: TEAM };
    const police: TestSlackUser = { id: "U0PC", name: "DC Priya Shah", email: "priya@force.example", teamId: TEAM };
    const police2: TestSlackUser = { id: "U0PC2", name: "DS Tom Reed", email: "tom@force.example", teamId: TEAM };
    const nurse: TestSlackUser = { id: "U0RN", name: "Hana Lewis", email: "hana@nhs.example", teamId: TEAM };
    const slack = new FakeSlackWebApi([sw, police, police2, nurse], TEAM);
    const sctx = { teamId: TEAM, channelId: "C0INVITEES" };
    let server: RunningServer;
    let meetingId = "";
    const post = (req: SlackRequest) => postToSlack(server, SECRET, clock, req);

    beforeAll(async () => {
      await slack.start();
      server = await startTestServer(dir, "slack", clock, { ...slackEnv(SECRET, slack.apiUrl) });
      await putAgencyDirectoryEntry(server.context, { entry: { match: "email-domain", value: "force.example", agency: "police" }, operator: admin });
      await putAgencyDirectoryEntry(server.context, { entry: { match: "email-domain", value: "nhs.example", agency: "health" }, operator: admin });
      await post(slashCommand(sctx, sw, `link ${CASE}`));
      await post(slashCommand(sctx, sw, `strategy ${CASE}`));
      await post(viewSubmission(sctx, sw, slack.lastOpenedView(), { concern: "Concern.", urgency: "today", date: "2026-12-01", time: "10:00", mode: "call", "person_social-worker": sw.id, person_health: nurse.id, person_police: police.id }));
      await drainOutbox(server.context);
      meetingId = (await server.context.prisma.meeting.findFirstOrThrow()).id;
    });
    afterAll(async () => {
      await server?.close();
      await slack.stop();
    });

    it("changes the police row through the Change invitees… modal: refusals beside the box, the roster updated, both officers told", async () => {
      const roster = slack.callsOf("chat.postMessage").find((c) => JSON.stringify(c.args).includes("Change invitees…"));
      expect(roster).toBeDefined();
      await post(blockAction(sctx, sw, { actionId: slackActionId(ActionId.ChangeInvitees, meetingId), value: meetingId }));
      const view = slack.lastOpenedView();
      expect(view.callback_id).toBe(ActionId.ChangeInvitees);
      expect(JSON.stringify(view)).toContain("Now: DC Priya Shah. Leave empty to keep.");
      const wrong = await post(viewSubmission(sctx, sw, view, { person_police: nurse.id }));
      expect(wrong?.response_action).toBe("errors");
      expect(JSON.stringify(wrong?.errors)).toContain("person_police");
      const before = slack.callsOf("chat.postMessage").length;
      expect(await post(viewSubmission(sctx, sw, view, { person_police: police2.id }))).toBeNull();
      expect((await server.context.app.getRoster(meetingId)).rows.find((r) => r.role === "police")).toMatchObject({ inviteeLabel: "DS Tom Reed", response: "invited" });
      await drainOutbox(server.context);
      const after = slack.callsOf("chat.postMessage").slice(before).map((c) => ({ channel: String(c.args.channel), text: JSON.stringify(c.args) }));
      expect(after.find((m) => m.channel === "U0PC2")?.text).toContain(`You are invited to a strategy discussion · ${CASE}`);
      expect(after.find((m) => m.channel === "U0PC")?.text).toContain("No longer invited");
      const notice = after.find((m) => m.channel === sctx.channelId && m.text.includes("Invitees changed"))!;
      expect(notice.text).toContain("Police: DC Priya Shah → DS Tom Reed");
      expect(notice.text).toContain("<@U0PC2>");
      expect(slack.callsOf("chat.update").some((c) => JSON.stringify(c.args).includes("DS Tom Reed"))).toBe(true);
    });
  });
});
