import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { ActionId } from "../../src/app/conversation/action-id";
import { putAgencyDirectoryEntry } from "../../src/app/use-cases/put-agency-directory-entry";
import { registerPractitioner } from "../../src/app/use-cases/register-practitioner";
import { slackActionId } from "../../src/cards/slack/slack-action-id";
import { fixedClock } from "../../src/domain/shared/clock";
import { drainOutbox } from "../../src/server/mount-delivery";
import type { RunningServer } from "../../src/server/start-server";
import { FakeConnector } from "../helpers/fake-teams-connector";
import { postToSlack, sendActivity, startTestServer } from "../helpers/e2e-server";
import { blockAction, FakeSlackWebApi, slashCommand, viewSubmission, type SlackRequest, type TestSlackUser } from "../helpers/slack-requests";
import { actionActivity, messageActivity, type ActivityContext, type TestTeamsUser } from "../helpers/teams-activities";

// Agency comes from identity, never from a claim: a police duty desk row can be claimed by
// police only. Tried in Teams and in Slack through the real server, with the agency directory
// an administrator keeps (Teams tenants, Slack teams, email domains).

const CASE = "CS-2026-0300";
const clock = fixedClock("2026-11-23T09:00:00Z");
const admin = "test:admin";

function start(dir: string, name: string, env: Record<string, string> = {}): Promise<RunningServer> {
  return startTestServer(dir, name, clock, env);
}

async function policeRow(server: RunningServer): Promise<{ id: string; response: string; inviteeLabel: string }> {
  return server.context.prisma.invitation.findFirstOrThrow({ where: { role: "police" } });
}

describe("only the right agency fills an agency's row", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "convene-agency-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  describe("in Teams", () => {
    const sw: TestTeamsUser = { id: "29:sw", aadObjectId: "aad-sw", name: "Sam Okafor", email: "sam@la.example" };
    const dsl: TestTeamsUser = { id: "29:dsl", aadObjectId: "aad-dsl", name: "Sara Ahmed", email: "sara@school.example", tenantId: "tenant-school" };
    const stranger: TestTeamsUser = { id: "29:x", aadObjectId: "aad-x", name: "Alex Other", email: "alex@housing.example", tenantId: "tenant-housing" };
    const officer: TestTeamsUser = { id: "29:pc", aadObjectId: "aad-pc", name: "DC Priya Shah", email: "priya@force.example", tenantId: "tenant-police" };
    const nurse: TestTeamsUser = { id: "29:rn", aadObjectId: "aad-rn", name: "Hana Lewis", email: "hana@nhs.net" };
    const connector = new FakeConnector([sw, dsl, stranger, officer, nurse]);
    let server: RunningServer;
    let ctx: ActivityContext;
    const send = (activity: object) => sendActivity(server, activity);

    beforeAll(async () => {
      await connector.start();
      server = await start(dir, "teams");
      ctx = { serviceUrl: connector.url, conversationId: "19:agency@thread.tacv2" };
      const deps = server.context;
      await registerPractitioner(deps, { identity: { platform: "teams", tenant: "local", userId: dsl.aadObjectId, displayName: dsl.name, email: dsl.email }, agency: "Education", role: "school", operator: admin });
      await putAgencyDirectoryEntry(deps, { entry: { match: "teams-tenant", value: "tenant-police", agency: "police" }, operator: admin });
      await putAgencyDirectoryEntry(deps, { entry: { match: "email-domain", value: "nhs.net", agency: "health" }, operator: admin });
      await send(messageActivity(ctx, sw, `link ${CASE}`));
      await send(
        actionActivity(ctx, sw, ActionId.SubmitConvene, {
          caseRef: CASE, kind: "strategy-discussion", concern: "Bruising reported by school.", urgency: "today", mode: "meeting",
          "person_social-worker": sw.aadObjectId, contact_police: "Police CAIT duty desk", person_health: nurse.aadObjectId,
        }),
      );
      await drainOutbox(server.context);
    });
    afterAll(async () => {
      await server?.close();
      await connector.stop();
    });

    it("refuses a school practitioner on the police duty desk row, privately, and changes nothing", async () => {
      const res = await send(actionActivity(ctx, dsl, ActionId.Accept, { invitationId: (await policeRow(server)).id }));
      expect(res?.type).toBe("application/vnd.microsoft.activity.message");
      expect(String(res?.value)).toContain("recorded as Education");
      expect((await policeRow(server)).response).toBe("invited");
    });

    it("refuses someone from a tenant the directory does not place", async () => {
      const res = await send(actionActivity(ctx, stranger, ActionId.Accept, { invitationId: (await policeRow(server)).id }));
      expect(String(res?.value)).toContain("Convene cannot tell which agency you are from");
      expect((await policeRow(server)).response).toBe("invited");
    });

    it("lets a police officer from the directory's police tenant claim and accept it", async () => {
      const res = await send(actionActivity(ctx, officer, ActionId.Accept, { invitationId: (await policeRow(server)).id }));
      expect(res?.type).toBe("application/vnd.microsoft.card.adaptive");
      const row = await policeRow(server);
      expect(row.response).toBe("accepted");
      expect(row.inviteeLabel).toContain("DC Priya Shah");
    });

    it("refuses a named person whose agency does not match the row, beside that field", async () => {
      const res = await send(
        actionActivity(ctx, sw, ActionId.SubmitConvene, {
          caseRef: CASE, kind: "core-group", concern: "Core group after the conference.", urgency: "routine", mode: "meeting",
          "person_social-worker": sw.aadObjectId, person_police: nurse.aadObjectId,
        }),
      );
      const card = JSON.stringify(res?.value);
      expect(card).toContain("Hana Lewis is recorded as Health");
      expect(await server.context.prisma.meeting.count()).toBe(1);
    });
  });

  describe("in Slack", () => {
    const SECRET = "agency-signing-secret-0123456789";
    const TEAM = "T0CASE";
    const sw: TestSlackUser = { id: "U0SW", name: "Sam Okafor", email: "sam@la.example", teamId: TEAM };
    const dsl: TestSlackUser = { id: "U0DSL", name: "Sara Ahmed", email: "sara@school.example", teamId: "T0SCHOOL" };
    const stranger: TestSlackUser = { id: "U0X", name: "Alex Other", email: null, teamId: "T0HOUSING" };
    const officer: TestSlackUser = { id: "U0PC", name: "DC Priya Shah", email: "priya@force.example", teamId: "T0POLICE" };
    const nurse: TestSlackUser = { id: "U0RN", name: "Hana Lewis", email: "hana@nhs.net", teamId: TEAM };
    const slack = new FakeSlackWebApi([sw, dsl, stranger, officer, nurse], TEAM);
    const sctx = { teamId: TEAM, channelId: "C0AGENCY" };
    let server: RunningServer;
    const post = (req: SlackRequest) => postToSlack(server, SECRET, clock, req);
    const press = async (who: TestSlackUser, action: ActionId, target: string) => {
      const before = slack.callsOf("chat.postEphemeral").length;
      await post(blockAction(sctx, who, { actionId: slackActionId(action, target), value: target }));
      return JSON.stringify(slack.callsOf("chat.postEphemeral").slice(before).map((c) => c.args));
    };

    beforeAll(async () => {
      await slack.start();
      server = await start(dir, "slack", { SLACK_SIGNING_SECRET: SECRET, SLACK_BOT_TOKEN: "xoxb-test", SLACK_API_URL: slack.apiUrl });
      await registerPractitioner(server.context, { identity: { platform: "slack", tenant: TEAM, userId: dsl.id, displayName: dsl.name }, agency: "Education", role: "school", operator: admin });
      await putAgencyDirectoryEntry(server.context, { entry: { match: "slack-team", value: "T0POLICE", agency: "police" }, operator: admin });
      await post(slashCommand(sctx, sw, `link ${CASE}`));
      await post(slashCommand(sctx, sw, `strategy ${CASE}`));
      await post(viewSubmission(sctx, sw, slack.lastOpenedView(), { concern: "Bruising reported by school.", urgency: "today", mode: "meeting", "person_social-worker": sw.id, contact_police: "Police CAIT duty desk", person_health: nurse.id }));
      await drainOutbox(server.context);
    });
    afterAll(async () => {
      await server?.close();
      await slack.stop();
    });

    it("refuses a school practitioner and an unplaced Slack Connect guest on the police row, privately", async () => {
      expect(await press(dsl, ActionId.Accept, (await policeRow(server)).id)).toContain("recorded as Education");
      expect(await press(stranger, ActionId.Accept, (await policeRow(server)).id)).toContain("cannot tell which agency you are from");
      expect((await policeRow(server)).response).toBe("invited");
    });

    it("lets a police officer from the directory's Slack Connect team claim it", async () => {
      expect(await press(officer, ActionId.Accept, (await policeRow(server)).id)).toBe("[]");
      expect((await policeRow(server)).response).toBe("accepted");
    });
  });
});
