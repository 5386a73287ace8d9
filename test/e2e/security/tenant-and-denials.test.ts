import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { ActionId } from "../../../src/app/conversation/action-id";
import { fixedClock } from "../../../src/domain/shared/clock";
import { drainOutbox } from "../../../src/server/mount-delivery";
import type { RunningServer } from "../../../src/server/start-server";
import { startTestServer } from "../../helpers/e2e-server";
import { FakeConnector } from "../../helpers/fake-teams-connector";
import { actionActivity, messageActivity, type ActivityContext, type TestTeamsUser } from "../../helpers/teams-activities";

// Issue 14, item 5, over HTTP: a Teams user of another tenant names the linked case channel
// in a card refresh, and gets nothing of the case; the refusal is audited once, however often
// it is repeated.

const sw: TestTeamsUser = { id: "29:sw", aadObjectId: "aad-sw-1", name: "Sam Okafor", email: "sam@la.example" };
const police: TestTeamsUser = { id: "29:police", aadObjectId: "aad-police-1", name: "DC Priya Shah", email: "priya@police.example" };
const health: TestTeamsUser = { id: "29:health", aadObjectId: "aad-health-1", name: "Hana Lewis", email: "hana@nhs.example" };
const intruder: TestTeamsUser = { id: "29:ivy", aadObjectId: "aad-ivy", name: "Ivy Elsewhere", email: "ivy@elsewhere.example", tenantId: "t-elsewhere" };

describe("tenant checks and denial audit through the real server", () => {
  let dir: string;
  let server: RunningServer;
  let connector: FakeConnector;
  let ctx: ActivityContext;
  let meetingId = "";
  const clock = fixedClock("2026-11-23T09:00:00Z");

  const send = async (activity: object) => {
    const res = await fetch(`${server.url}/api/messages`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(activity) });
    const text = await res.text();
    return { status: res.status, text };
  };
  const denials = async () => server.context.prisma.auditEvent.findMany({ where: { action: "deny" } });

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), "convene-tenant-e2e-"));
    connector = new FakeConnector([sw, police, health, intruder]);
    await connector.start();
    server = await startTestServer(dir, "e2e", clock);
    ctx = { serviceUrl: connector.url, conversationId: "19:case-channel@thread.tacv2" };
    await send(messageActivity(ctx, sw, "link CS-2026-0142"));
    await send(
      actionActivity(ctx, sw, ActionId.SubmitConvene, {
        caseRef: "CS-2026-0142", kind: "strategy-discussion", concern: "Bruising reported by school", urgency: "today",
        date: "2026-11-24", time: "10:00", mode: "meeting",
        "person_social-worker": sw.aadObjectId, person_police: police.aadObjectId, person_health: health.aadObjectId,
      }),
    );
    await drainOutbox(server.context);
    meetingId = (await server.context.prisma.meeting.findFirstOrThrow()).id;
  });

  afterAll(async () => {
    await server?.close();
    await connector?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it("a member of the case's tenant refreshes the roster as before", async () => {
    const res = await send(actionActivity(ctx, sw, ActionId.RefreshRoster, { meetingId }));
    expect(res.status).toBe(200);
    expect(res.text).toContain("Who is coming");
    expect(res.text).toContain("DC Priya Shah");
  });

  it("refuses a user of another tenant who refreshes the roster naming the linked conversation, showing nothing of the case", async () => {
    const foreignCtx = { ...ctx, tenantId: "t-elsewhere" };
    const res = await send(actionActivity(foreignCtx, intruder, ActionId.RefreshRoster, { meetingId }));
    expect(res.status).toBe(200);
    expect(res.text).toContain("another organisation");
    for (const leak of ["CS-2026-0142", "DC Priya Shah", "Hana Lewis", "Sam Okafor", "Who is coming"]) expect(res.text).not.toContain(leak);
    // Nor the deadlines or the record.
    const deadlines = await send(messageActivity(foreignCtx, intruder, "deadlines"));
    expect(deadlines.status).toBe(200);
    expect(connector.replyTexts().at(-1)).toContain("another organisation");
  });

  it("audits the refusal once, against the case, however often it is pressed", async () => {
    const foreignCtx = { ...ctx, tenantId: "t-elsewhere" };
    for (let i = 0; i < 20; i++) expect((await send(actionActivity(foreignCtx, intruder, ActionId.RefreshRoster, { meetingId }))).status).toBe(200);
    const rows = await denials();
    const wrongTenant = rows.filter((r) => (JSON.parse(r.detail) as { code: string }).code === "WRONG_TENANT");
    expect(wrongTenant).toHaveLength(1);
    const c = await server.context.prisma.case.findFirstOrThrow();
    expect(wrongTenant[0]).toMatchObject({ actorId: "teams:t-elsewhere:aad-ivy", caseId: c.id });
    expect(JSON.parse(wrongTenant[0]!.detail)).toEqual({ code: "WRONG_TENANT", useCase: "getRoster", tenant: "t-elsewhere" });
  });

  it("audits a refused press by a member of the tenant too (not the convenor marking held)", async () => {
    const before = (await denials()).length;
    const res = await send(actionActivity(ctx, health, ActionId.MarkHeld, { meetingId, step: "attendance" }));
    expect(res.status).toBe(200);
    const added = (await denials()).slice(before);
    expect(added.map((r) => (JSON.parse(r.detail) as { code: string }).code)).toEqual(["NOT_AUTHORISED"]);
  });
});
