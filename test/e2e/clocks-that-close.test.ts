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
import { actionActivity, messageActivity, type ActivityContext, type TestTeamsUser } from "../helpers/teams-activities";
import { FakeConnector } from "../helpers/fake-teams-connector";

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
    const config = loadConfig({ DATABASE_URL: `file:${path.join(dir, "e2e.db")}`, PORT: "0", CONVENE_SCHEDULER: "off", LOG_LEVEL: "silent", NODE_ENV: "test" });
    server = await startServer(config, { clock });
    ctx = { serviceUrl: connector.url, conversationId: "19:clocks@thread.tacv2" };
    await send(messageActivity(ctx, sw, "link CS-2026-0912"));
  });

  afterAll(async () => {
    await server?.close();
    await connector?.stop();
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
    await send(messageActivity(ctx, sw, "deadlines CS-2026-0912"));
    expect(connector.replyTexts().at(-1)).toContain("Met: Initial child protection conference");
  });
});
