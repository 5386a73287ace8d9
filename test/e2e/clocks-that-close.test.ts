import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { loadConfig } from "../../src/config/config";
import { startServer, type RunningServer } from "../../src/server/start-server";
import { fixedClock } from "../../src/domain/shared/clock";
import { drainOutbox, runNudgePassNow } from "../../src/server/mount-delivery";
import { ActionId } from "../../src/app/conversation/action-id";
import { previewButtonData } from "../helpers/record-preview";
import { e2eDecisionValues } from "../fixtures/e2e-decision-values.fixture";
import { actionActivity, messageActivity, type ActivityContext, type TestTeamsUser, nextActivityId } from "../helpers/teams-activities";
import { FakeConnector } from "../helpers/fake-teams-connector";
import { runCli } from "../../src/cli/cli-errors";
import { COMMANDS } from "../../src/cli/main";
import { databaseEnv, dropTestDatabase, freshDatabaseUrl } from "../helpers/test-database";

// Issue 12's scenario through the real server (Teams activities over HTTP, a fake connector
// on loopback), across the Christmas 2026 bank holidays: two strategy discussions both start
// section 47 enquiries, the initial conference is held on its own date though marked later,
// and an agreed action is marked done by its owner.

const sw: TestTeamsUser = { id: "29:sw", aadObjectId: "aad-sw-12", name: "Sam Okafor", email: "sam@la.example" };
const police: TestTeamsUser = { id: "29:police", aadObjectId: "aad-police-12", name: "DC Priya Shah", email: "priya@police.example" };
const health: TestTeamsUser = { id: "29:health", aadObjectId: "aad-health-12", name: "Hana Lewis", email: "hana@nhs.example" };

describe("clocks that close: the section 47 enquiry across Christmas", () => {
  let dir: string;
  let server: RunningServer;
  let connector: FakeConnector;
  let ctx: ActivityContext;
  let dbUrl = "";
  const clock = fixedClock("2026-12-18T09:00:00Z");
  const send = async (activity: object) => {
    const res = await fetch(`${server.url}/api/messages`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(activity) });
    const text = await res.text();
    return text ? (JSON.parse(text) as { type?: string; value?: unknown }) : null;
  };

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), "convene-clocks-e2e-"));
    connector = new FakeConnector([sw, police, health]);
    await connector.start();
    dbUrl = await freshDatabaseUrl(dir, "e2e");
    const config = loadConfig({ DATABASE_URL: dbUrl, PORT: "0", CONVENE_SCHEDULER: "off", LOG_LEVEL: "silent", NODE_ENV: "test", ...databaseEnv(dbUrl) });
    server = await startServer(config, { clock });
    ctx = { serviceUrl: connector.url, conversationId: "19:clocks@thread.tacv2" };
    await send(messageActivity(ctx, sw, "link CS-2026-0912"));
  });

  afterAll(async () => {
    await server?.close();
    await connector?.stop();
    if (dbUrl) await dropTestDatabase(dbUrl);
    rmSync(dir, { recursive: true, force: true });
  });

  /** Convenes a meeting of `kind` for `date` 10:00 with the three agencies, all of whom accept; returns its id. */
  const convene = async (kind: string, date: string): Promise<string> => {
    await send(actionActivity(ctx, sw, ActionId.SubmitConvene, {
      caseRef: "CS-2026-0912", kind, concern: "Bruising reported by school", urgency: "routine", date, time: "10:00", mode: "meeting",
      "person_social-worker": sw.aadObjectId, person_police: police.aadObjectId, person_health: health.aadObjectId,
    }));
    const m = await server.context.prisma.meeting.findFirstOrThrow({ where: { kind }, orderBy: { createdAt: "desc" } });
    for (const [user, role] of [[sw, "social-worker"], [police, "police"], [health, "health"]] as const) {
      const inv = await server.context.prisma.invitation.findFirstOrThrow({ where: { meetingId: m.id, role } });
      await send(actionActivity(ctx, user, ActionId.Accept, { invitationId: inv.id }));
    }
    return m.id;
  };
  const strategy = async (date: string, byWhen: string) => {
    const meetingId = await convene("strategy-discussion", date);
    clock.set(`${date}T15:00:00Z`);
    await send(actionActivity(ctx, sw, ActionId.MarkHeld, { meetingId, step: "attendance" }));
    const checked = await send(actionActivity(ctx, sw, ActionId.SubmitRecord, { meetingId, ...e2eDecisionValues({ "meeting.date": date, "actions.0.byWhen": byWhen }) }));
    const ok = await send(actionActivity(ctx, sw, ActionId.SubmitRecord, previewButtonData(checked?.value)));
    expect(JSON.stringify(ok?.value)).toContain("Decision record version 1 saved");
    return meetingId;
  };

  let firstId = "";
  let secondId = "";

  it("opens one initial conference clock for two discussions that both start section 47, counted from the first", async () => {
    firstId = await strategy("2026-12-18", "2026-12-23");
    clock.set("2026-12-22T09:00:00Z");
    secondId = await strategy("2026-12-22", "2026-12-24");
    const icpc = await server.context.prisma.deadline.findMany({ where: { rule: "icpc" } });
    expect(icpc).toHaveLength(1);
    // 15 working days from Fri 18 Dec, skipping 25 and 28 Dec and 1 Jan.
    expect(icpc[0]).toMatchObject({ sourceDate: "2026-12-18", dueDate: "2027-01-13", status: "open", sourceKind: "s47-enquiry" });
    const enquiries = await server.context.prisma.section47Enquiry.findMany({ include: { discussions: true } });
    expect(enquiries).toHaveLength(1);
    expect(enquiries[0]).toMatchObject({ startDate: "2026-12-18", startedByMeetingId: firstId, status: "open" });
    // The record says which enquiry the second discussion continues.
    expect(enquiries[0]!.discussions.map((d) => [d.meetingId, d.role]).sort()).toEqual([[firstId, "initiated"], [secondId, "continued"]].sort());
    expect(icpc[0]!.sourceId).toBe(enquiries[0]!.id);
  });

  it("lets the owner mark an agreed action done from chat; its clock closes and its nudges stop", async () => {
    clock.set("2026-12-23T10:00:00Z");
    const action = await server.context.prisma.action.findFirstOrThrow({ where: { meetingId: firstId } });
    const done = await send(actionActivity(ctx, sw, ActionId.MarkActionDone, { actionId: action.id }));
    expect(JSON.stringify(done?.value)).toContain("Agreed action marked done");
    const d = await server.context.prisma.deadline.findFirstOrThrow({ where: { actionId: action.id } });
    // Agreed on Fri 18 Dec, done on Wed 23 Dec: 3 working days (Mon 21 to Wed 23).
    expect(d).toMatchObject({ status: "met", closedOn: "2026-12-23", closingEvent: "action-done", nextNudgeAt: null, workingDaysTaken: 3 });
    // A police officer is not its owner, convenor or social worker: refused, nothing changes.
    const other = await server.context.prisma.action.findFirstOrThrow({ where: { meetingId: secondId } });
    const refused = await send(actionActivity(ctx, police, ActionId.MarkActionDone, { actionId: other.id }));
    expect(String(refused?.value)).toContain("Only the action's owner");
    clock.set("2027-01-04T09:05:00Z");
    const pass = await runNudgePassNow(server.context);
    expect(pass.sent.map((s) => s.deadlineId)).not.toContain(d.id);
    expect(pass.sent.some((s) => s.rule === "action")).toBe(true); // the other action still nudges
    await drainOutbox(server.context);
  });

  it("judges the initial conference on its own date, not the day Mark held was pressed", async () => {
    clock.set("2027-01-05T09:00:00Z");
    const icpcId = await convene("icpc", "2027-01-12");
    // Pressed on Fri 15 Jan, two days after the due date; the conference was held on Tue 12 Jan.
    clock.set("2027-01-15T11:00:00Z");
    await send(actionActivity(ctx, sw, ActionId.MarkHeld, { meetingId: icpcId, step: "attendance" }));
    const d = await server.context.prisma.deadline.findFirstOrThrow({ where: { rule: "icpc" } });
    expect(d).toMatchObject({ status: "met", closedOn: "2027-01-12", closingEvent: "meeting-held", closedByMeetingId: icpcId, nextNudgeAt: null });
    // Fri 18 Dec → Tue 12 Jan: 14 working days across Christmas.
    expect(d.workingDaysTaken).toBe(14);
    const enquiry = await server.context.prisma.section47Enquiry.findFirstOrThrow();
    expect(enquiry).toMatchObject({ status: "closed", outcome: "substantiated-icpc" });
    // The deadlines card lists it as met.
    const reply1 = nextActivityId();
    await send(messageActivity(ctx, sw, "deadlines CS-2026-0912", reply1));
    expect(connector.replyTextTo(reply1)).toContain("Met: Initial child protection conference");
  });

  /** Records a held meeting's decision through the form's two steps (check, then save). */
  const record = async (meetingId: string, values: Record<string, string>) => {
    const checked = await send(actionActivity(ctx, sw, ActionId.SubmitRecord, { meetingId, ...values }));
    const ok = await send(actionActivity(ctx, sw, ActionId.SubmitRecord, previewButtonData(checked?.value)));
    expect(JSON.stringify(ok?.value)).toContain("Decision record version 1 saved");
  };
  /** Convenes, holds (on the meeting's own day) and records a meeting of `kind` on `date`. */
  const hold = async (kind: string, date: string, values: Record<string, string>) => {
    clock.set(`${date}T07:00:00Z`);
    const id = await convene(kind, date);
    clock.set(`${date}T15:00:00Z`);
    await send(actionActivity(ctx, sw, ActionId.MarkHeld, { meetingId: id, step: "attendance" }));
    await record(id, values);
    return id;
  };
  const clockOf = (rule: string, sourceId?: string) => server.context.prisma.deadline.findFirstOrThrow({ where: { rule, ...(sourceId ? { sourceId } : {}) }, orderBy: { createdAt: "desc" } });
  const coreGroupValues = { "changes.0.what": "Home conditions improve", "changes.0.howMuch": "Visits find the home safe and warm", "changes.0.byWhen": "2027-03-01", inDepthAssessmentBy: "Sam Okafor" };
  let icpcMeetingId = "";

  it("opens the core group and review clocks from the initial conference's record of a plan", async () => {
    // 18 on Mon 20 Sep 2027: the review before 18 is due by Fri 17 Sep.
    await send(messageActivity(ctx, sw, "dob CS-2026-0912 2009-09-20"));
    expect(await clockOf("review-before-18")).toMatchObject({ dueDate: "2027-09-17", status: "open" });
    const icpc = await server.context.prisma.meeting.findFirstOrThrow({ where: { kind: "icpc" } });
    icpcMeetingId = icpc.id;
    await record(icpc.id, {
      plan: "yes", category: "neglect", decisionReason: "All agencies agreed the child needs a plan.", leadSocialWorker: "Sam Okafor",
      coreGroupMembers: "Sam Okafor, social worker\nHana Lewis, named nurse\nDC Priya Shah, police", "actions.0.who": "Hana Lewis", "actions.0.what": "Weekly health visits",
      "actions.0.byWhen": "2027-02-26", reviewDate: "2027-04-08", chair: "Jo Chair", chairIndependent: "true", leadStatutoryBody: "Northshire children's services", firstCoreGroupDate: "2027-01-21",
    });
    // Held Tue 12 Jan 2027: first core group within 10 working days (Tue 26 Jan); first review within 3 months (Mon 12 Apr).
    expect(await clockOf("core-group", icpc.id)).toMatchObject({ sourceDate: "2027-01-12", dueDate: "2027-01-26", status: "open" });
    expect(await clockOf("first-review", icpc.id)).toMatchObject({ sourceDate: "2027-01-12", dueDate: "2027-04-12", status: "open" });
  });

  it("closes the first core group when it is held, and later core groups follow the 6-week cadence", async () => {
    const first = await hold("core-group", "2027-01-21", coreGroupValues);
    // Tue 12 Jan → Thu 21 Jan: 7 working days.
    expect(await clockOf("core-group", icpcMeetingId)).toMatchObject({ status: "met", closedOn: "2027-01-21", closedByMeetingId: first, workingDaysTaken: 7 });
    // Thu 21 Jan + 6 weeks = Thu 4 Mar.
    expect(await clockOf("next-core-group", first)).toMatchObject({ dueDate: "2027-03-04", status: "open" });
    const second = await hold("core-group", "2027-02-25", coreGroupValues);
    expect(await clockOf("next-core-group", first)).toMatchObject({ status: "met", closedOn: "2027-02-25", closedByMeetingId: second });
    // Thu 25 Feb + 6 weeks = Thu 8 Apr (after Easter Monday, 29 Mar).
    expect(await clockOf("next-core-group", second)).toMatchObject({ dueDate: "2027-04-08", status: "open" });
  });

  it("lets an ordinary review close the first review but not the review before 18", async () => {
    const review = await hold("review-conference", "2027-04-08", {
      childrenConsidered: "Child A: plan continues", allChildrenConsidered: "true", outcome: "continues",
      reason: "Progress is steady but the risks remain.", nextReviewDate: "2027-10-07", chair: "Jo Chair",
    });
    expect(await clockOf("first-review", icpcMeetingId)).toMatchObject({ status: "met", closedOn: "2027-04-08", closedByMeetingId: review });
    expect(await clockOf("review-before-18")).toMatchObject({ status: "open" });
    // Thu 8 Apr + 6 months = Fri 8 Oct.
    expect(await clockOf("next-review", review)).toMatchObject({ dueDate: "2027-10-08", status: "open" });
  });

  it("ends the plan with its reason: the plan's clocks close and everyone invited to the initial conference is told", async () => {
    clock.set("2027-05-10T09:00:00Z");
    await drainOutbox(server.context);
    const before = connector.captured.length;
    // Typed, it opens the form with the date filled in.
    const reply2 = nextActivityId();
    await send(messageActivity(ctx, sw, "plan-ends CS-2026-0912 2027-05-07", reply2));
    const form = connector.replyTextTo(reply2);
    expect(form).toContain("End the child protection plan");
    expect(form).toContain("2027-05-07");
    // Only the case's social worker or team manager may end it.
    const refused = await send(actionActivity(ctx, police, ActionId.EndPlan, { caseRef: "CS-2026-0912", planEndReason: "no-longer-at-risk", endedOn: "2027-05-07" }));
    expect(JSON.stringify(refused?.value)).toContain("Only the case's social worker or team manager");
    // A move waits for the receiving authority's transfer-in conference: refused beside that box.
    const moved = await send(actionActivity(ctx, sw, ActionId.EndPlan, { caseRef: "CS-2026-0912", planEndReason: "moved-to-another-authority", endedOn: "2027-05-07" }));
    expect(JSON.stringify(moved?.value)).toContain("The plan stays open until the receiving authority has held its transfer-in conference");
    expect(await server.context.prisma.planEnd.count()).toBe(0);
    const ended = await send(actionActivity(ctx, sw, ActionId.EndPlan, { caseRef: "CS-2026-0912", planEndReason: "no-longer-at-risk", endedOn: "2027-05-07" }));
    expect(JSON.stringify(ended?.value)).toContain("child protection plan ended");
    expect(await server.context.prisma.planEnd.findMany()).toEqual([expect.objectContaining({ reason: "no-longer-at-risk", endedOn: "2027-05-07", planStartedOn: "2027-01-12" })]);
    // Each closes on the end's own date: met where it was not yet due; the core group due Thu 8 Apr
    // never happened, so that one is recorded as missed rather than quietly dropped.
    for (const [rule, status] of [["next-review", "met"], ["review-before-18", "met"], ["next-core-group", "missed"]] as const) {
      expect(await server.context.prisma.deadline.findFirstOrThrow({ where: { rule }, orderBy: { createdAt: "desc" } })).toMatchObject({ status, closedOn: "2027-05-07", closingEvent: "plan-ended", nextNudgeAt: null });
    }
    expect(await server.context.prisma.deadline.count({ where: { rule: { in: ["core-group", "next-core-group", "first-review", "next-review", "review-before-18"] }, status: "open" } })).toBe(0);
    // The case channel is told, mentioning every person invited to the initial conference.
    await drainOutbox(server.context);
    const told = connector.captured.slice(before).filter((c) => c.method === "POST" && JSON.stringify(c.body).includes("child protection plan ended"));
    const posts = told.filter((c) => c.path.includes(encodeURIComponent(ctx.conversationId)));
    expect(posts).toHaveLength(1);
    // Each of them is also told personally, in a personal chat the bot opens with them.
    expect(told.filter((c) => !c.path.includes(encodeURIComponent(ctx.conversationId)))).toHaveLength(2);
    const invited = await server.context.prisma.invitation.findMany({ where: { meetingId: icpcMeetingId } });
    expect(invited).toHaveLength(3);
    // Teams mentions live in the card's msteams.entities, each matching an <at> in its text.
    const card = posts[0]!.body.attachments?.[0]?.content as { msteams?: { entities?: { type: string; mentioned: { id: string } }[] } };
    const mentioned = (card.msteams?.entities ?? []).filter((e) => e.type === "mention").map((e) => e.mentioned.id);
    expect(mentioned.sort()).toEqual([sw, police, health].map((u) => u.aadObjectId).sort());
    // Audited, and a second end is refused: the plan is no longer in force.
    expect(await server.context.prisma.auditEvent.count({ where: { entityType: "plan-end" } })).toBe(1);
    const again = await send(actionActivity(ctx, sw, ActionId.EndPlan, { caseRef: "CS-2026-0912", planEndReason: "died", endedOn: "2027-05-08" }));
    expect(JSON.stringify(again?.value)).toContain("has no child protection plan in force");
  });

  it("writes the census row for the case with the dates worked out by hand", async () => {
    const r = await runCli(["census", "--from", "2026-04-01", "--to", "2027-03-31"], { commands: COMMANDS, env: { DATABASE_URL: dbUrl, CONVENE_TENANT: "local", ...databaseEnv(dbUrl) } });
    const [header, ...rows] = r.stdout.trim().split("\n");
    expect(header).toBe("Case reference,N00148 S47 start date,N00109 ICPC target date,N00110 ICPC date,CPP start date,CPP category of abuse,CPP end date,CPP review dates,Working days S47 start to ICPC,ICPC within 15 working days");
    // s47 start: the first discussion, Fri 18 Dec 2026. Target: 15 working days on, skipping
    // 25 and 28 Dec and 1 Jan → Wed 13 Jan 2027. Held Tue 12 Jan (14 working days: met), the plan
    // starting that day under neglect; reviewed Thu 8 Apr; ended Fri 7 May.
    expect(rows).toEqual(["CS-2026-0912,2026-12-18,2027-01-13,2027-01-12,2027-01-12,NEG,2027-05-07,2027-04-08,14,met"]);
  });
});
