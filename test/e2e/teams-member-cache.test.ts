import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { ActionId } from "../../src/app/conversation/action-id";
import { fixedClock } from "../../src/domain/shared/clock";
import { drainOutbox } from "../../src/server/mount-delivery";
import type { RunningServer } from "../../src/server/start-server";
import { TEAMS_MEMBER_TTL_MS } from "../../src/channels/teams/teams-member-cache";
import { sendActivity, startTestServer } from "../helpers/e2e-server";
import { FakeConnector } from "../helpers/fake-teams-connector";
import { actionActivity, messageActivity, type ActivityContext, type TestTeamsUser } from "../helpers/teams-activities";

// The real server and Teams edge against a fake connector that counts member lookups: a
// press needs who pressed (getMember) and the members for the card (getMembers); within a
// minute, the next press and the roster updates it causes reuse both.

const sw: TestTeamsUser = { id: "29:sw", aadObjectId: "aad-sw-1", name: "Sam Okafor", email: "sam@la.example" };
const health: TestTeamsUser = { id: "29:health", aadObjectId: "aad-health-1", name: "Hana Lewis", email: "hana@nhs.example" };
const police: TestTeamsUser = { id: "29:police", aadObjectId: "aad-police-1", name: "DC Priya Shah", email: "priya@police.example" };

describe("Teams member lookups are cached briefly", () => {
  let dir: string;
  let server: RunningServer;
  let connector: FakeConnector;
  let ctx: ActivityContext;
  const clock = fixedClock("2026-11-23T09:00:00Z");
  let rows: Array<{ role: string; invitationId: string }> = [];

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), "convene-teams-members-"));
    connector = new FakeConnector([sw, health, police]);
    await connector.start();
    server = await startTestServer(dir, "members", clock);
    ctx = { serviceUrl: connector.url, conversationId: "19:case-channel@thread.tacv2" };
    await sendActivity(server, messageActivity(ctx, sw, "link CS-2026-0142"));
    const res = await sendActivity(
      server,
      actionActivity(ctx, sw, ActionId.SubmitConvene, {
        caseRef: "CS-2026-0142", kind: "strategy-discussion", concern: "Bruising reported by school", urgency: "today",
        date: "2026-11-24", time: "10:00", mode: "meeting",
        "person_social-worker": sw.aadObjectId, person_health: health.aadObjectId, person_police: police.aadObjectId,
      }),
    );
    expect(JSON.stringify(res?.value ?? {})).toContain("convened");
    await drainOutbox(server.context);
    const meetings = await server.context.prisma.meeting.findMany();
    rows = (await server.context.prisma.invitation.findMany({ where: { meetingId: meetings[0]!.id }, orderBy: { id: "asc" } })).map((i) => ({ role: i.role, invitationId: i.id }));
  });

  afterAll(async () => {
    await server?.close();
    await connector?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  const row = (role: string) => rows.find((r) => r.role === role)!.invitationId;

  it("two presses and the roster updates they cause look each thing up once", async () => {
    // Start from an empty cache: everything the set-up looked up has aged out.
    clock.set(new Date(clock.now().getTime() + TEAMS_MEMBER_TTL_MS + 1));
    connector.memberLookups.length = 0;

    const first = await sendActivity(server, actionActivity(ctx, sw, ActionId.Accept, { invitationId: row("social-worker") }));
    expect(JSON.stringify(first?.value ?? {})).toContain("Sam Okafor");
    expect(connector.memberLookups.sort()).toEqual(["member:29:sw", "members"]);

    // Another member presses: who they are comes from the member list already fetched.
    const second = await sendActivity(server, actionActivity(ctx, health, ActionId.Accept, { invitationId: row("health") }));
    expect(JSON.stringify(second?.value ?? {})).toContain("Hana Lewis");
    // The roster updates go out through the gateway, which shares the cache.
    expect((await drainOutbox(server.context)).sent).toBeGreaterThan(0);
    expect(connector.memberLookups).toHaveLength(2);

    // A minute on, the connector is asked again: someone who left is not kept for long.
    clock.set(new Date(clock.now().getTime() + TEAMS_MEMBER_TTL_MS + 1));
    await sendActivity(server, actionActivity(ctx, police, ActionId.Accept, { invitationId: row("police") }));
    expect(connector.memberLookups.slice(2).sort()).toEqual(["member:29:police", "members"]);
  });
});
