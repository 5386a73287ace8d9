import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { ActionId } from "../../src/app/conversation/action-id";
import { putAgencyDirectoryEntry } from "../../src/app/use-cases/put-agency-directory-entry";
import { fixedClock } from "../../src/domain/shared/clock";
import { dispatchOnce, drainOutbox } from "../../src/server/mount-delivery";
import { type RunningServer } from "../../src/server/start-server";
import { FakeConnector } from "../helpers/fake-teams-connector";
import { FakeGraphServer } from "../helpers/fake-graph-server";
import { postToSlack, sendActivity, slackEnv, startTestServer } from "../helpers/e2e-server";
import { FakeSlackWebApi, slashCommand, viewSubmission, type SlackRequest, type TestSlackUser } from "../helpers/slack-requests";
import { actionActivity, messageActivity, type ActivityContext, type TestTeamsUser } from "../helpers/teams-activities";

// Teams meetings through Microsoft Graph, through the real server: a fake identity platform and
// a fake Graph on loopback (HTTPS, as msal insists). Convening makes an Outlook event with a
// Teams meeting in the service mailbox, the roster shows its join link, a move updates it and
// a cancel cancels it; with Graph down, convening still works and the dispatcher retries.

const MAILBOX = "convene@council.example";
const APP = { tenantId: "tenant-graph-e2e", clientId: "client-graph-e2e", clientSecret: "graph-e2e-secret-value" };
const CONCERN = "Bruising seen on the child's arm at nursery.";

async function until(what: string, check: () => Promise<boolean>, step: () => Promise<unknown>): Promise<void> {
  for (let i = 0; i < 50; i++) {
    if (await check()) return;
    await step();
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error(`timed out waiting for ${what}`);
}

describe("Teams meetings through Microsoft Graph", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "convene-graph-"));
  const graph = new FakeGraphServer(APP);
  beforeAll(() => graph.start());
  afterAll(async () => {
    await graph.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  describe("in Teams", () => {
    const sw: TestTeamsUser = { id: "29:sw", aadObjectId: "aad-sw", name: "Sam Okafor", email: "sam@la.example" };
    const police: TestTeamsUser = { id: "29:pc", aadObjectId: "aad-pc", name: "DC Priya Shah", email: "priya@force.example" };
    const nurse: TestTeamsUser = { id: "29:rn", aadObjectId: "aad-rn", name: "Hana Lewis", email: "hana@nhs.example" };
    const tom: TestTeamsUser = { id: "29:tr", aadObjectId: "aad-tr", name: "DC Tom Reed", email: "tom@force.example" };
    const ola: TestTeamsUser = { id: "29:ob", aadObjectId: "aad-ob", name: "Ola Bello", email: "ola@nhs.example" };
    const connector = new FakeConnector([sw, police, nurse, tom, ola]);
    const clock = fixedClock("2026-11-30T10:00:00Z");
    let server: RunningServer;
    let ctx: ActivityContext;
    let meetingId = "";
    const send = (activity: object) => sendActivity(server, activity);
    const convene = (caseRef: string, where: ActivityContext = ctx) =>
      send(
        actionActivity(where, sw, ActionId.SubmitConvene, {
          caseRef, kind: "strategy-discussion", concern: CONCERN, urgency: "today", date: "2026-12-01", time: "10:00", mode: "meeting",
          "person_social-worker": sw.aadObjectId, person_police: police.aadObjectId, person_health: nurse.aadObjectId,
        }),
      );

    beforeAll(async () => {
      await connector.start();
      server = await startTestServer(dir, "teams", clock, graph.env(MAILBOX));
      ctx = { serviceUrl: connector.url, conversationId: "19:graph@thread.tacv2" };
      // So a police row can be passed to another officer: the force's addresses are police.
      await putAgencyDirectoryEntry(server.context, { entry: { match: "email-domain", value: "force.example", agency: "police" }, operator: "test:admin" });
      await send(messageActivity(ctx, sw, "link CS-2026-0701"));
    });
    afterAll(async () => {
      await server?.close();
      await connector.stop();
    });

    it("convening asks the identity platform for an app token and creates the event with the invitees; the roster shows the join link", async () => {
      await convene("CS-2026-0701");
      meetingId = (await server.context.prisma.meeting.findFirstOrThrow()).id;
      await drainOutbox(server.context);

      const tokenCalls = graph.calls("POST", new RegExp(`^/${APP.tenantId}/oauth2/v2\\.0/token$`));
      expect(tokenCalls.length).toBeGreaterThanOrEqual(1);
      expect(tokenCalls[0]!.body).toMatchObject({ grant_type: "client_credentials", client_id: APP.clientId, scope: `${graph.url}/.default` });

      const creates = graph.calls("POST", /^\/v1\.0\/users\/[^/]+\/events$/);
      expect(creates).toHaveLength(1);
      const create = creates[0]!;
      expect(create.path).toBe(`/v1.0/users/${encodeURIComponent(MAILBOX)}/events`);
      expect(create.authorization).toMatch(/^Bearer fake-graph-token-\d+$/);
      expect(create.body).toMatchObject({
        subject: "Strategy discussion · CS-2026-0701",
        isOnlineMeeting: true,
        onlineMeetingProvider: "teamsForBusiness",
        transactionId: meetingId,
        start: { dateTime: "2026-12-01T10:00:00", timeZone: "Europe/London" },
        end: { dateTime: "2026-12-01T11:00:00", timeZone: "Europe/London" },
      });
      const emails = (create.body.attendees as Array<{ emailAddress: { address: string } }>).map((a) => a.emailAddress.address).sort();
      expect(emails).toEqual(["hana@nhs.example", "priya@force.example", "sam@la.example"]);
      // Only the kind and the case reference leave: never the concern.
      expect(JSON.stringify(create.body)).not.toContain("Bruising");

      const joinUrl = "https://teams.example/l/meetup-join/event-1";
      expect((await server.context.app.getRoster(meetingId)).joinUrl).toBe(joinUrl);
      expect(await server.context.prisma.meeting.findUniqueOrThrow({ where: { id: meetingId } })).toMatchObject({ onlineEventId: "event-1", onlineJoinUrl: joinUrl, onlineEventState: "created" });
      // The roster card in the channel was updated in place with the link.
      const updated = connector.cardTexts("PUT").filter((t) => t.includes("Join Teams meeting"));
      expect(updated.length).toBeGreaterThanOrEqual(1);
      expect(updated.at(-1)).toContain(joinUrl);
    });

    it("a delegation changes who attends: the event's attendees follow", async () => {
      const row = await server.context.prisma.invitation.findFirstOrThrow({ where: { meetingId, role: "police" } });
      await send(actionActivity(ctx, police, ActionId.Delegate, { invitationId: row.id, delegate: tom.aadObjectId }));
      expect((await server.context.prisma.invitation.findUniqueOrThrow({ where: { id: row.id } })).delegateId).not.toBeNull();
      await drainOutbox(server.context);
      const patches = graph.calls("PATCH", /\/events\/event-1$/);
      expect(patches).toHaveLength(1);
      const emails = (patches[0]!.body.attendees as Array<{ emailAddress: { address: string } }>).map((a) => a.emailAddress.address).sort();
      expect(emails).toEqual(["hana@nhs.example", "sam@la.example", "tom@force.example"]);
    });

    it("a reschedule patches the event with the new time", async () => {
      await send(actionActivity(ctx, sw, ActionId.RescheduleMeeting, { meetingId, step: "reschedule", date: "2026-12-03", time: "14:00", reason: "Police cannot attend" }));
      await drainOutbox(server.context);
      const patches = graph.calls("PATCH", /\/events\/event-1$/).slice(1);
      expect(patches).toHaveLength(1);
      expect(patches[0]!.body).toMatchObject({ start: { dateTime: "2026-12-03T14:00:00", timeZone: "Europe/London" }, end: { dateTime: "2026-12-03T15:00:00", timeZone: "Europe/London" } });
      expect(JSON.stringify(patches[0]!.body)).not.toContain("Police cannot attend");
      expect(graph.calls("POST", /\/events$/)).toHaveLength(1);
      expect((await server.context.app.getRoster(meetingId)).joinUrl).toBe("https://teams.example/l/meetup-join/event-1");
    });

    it("changing invitees patches the event's attendees", async () => {
      const before = graph.calls("PATCH", /\/events\/event-1$/).length;
      await send(actionActivity(ctx, sw, ActionId.ChangeInvitees, { meetingId, step: "invitees", person_health: ola.aadObjectId }));
      await drainOutbox(server.context);
      const patches = graph.calls("PATCH", /\/events\/event-1$/).slice(before);
      expect(patches).toHaveLength(1);
      const emails = (patches[0]!.body.attendees as Array<{ emailAddress: { address: string } }>).map((a) => a.emailAddress.address).sort();
      expect(emails).toEqual(["ola@nhs.example", "sam@la.example", "tom@force.example"]);
    });

    it("a cancel cancels the event, with a comment that carries no case content, and the link goes", async () => {
      await send(actionActivity(ctx, sw, ActionId.CancelMeeting, { meetingId, reason: "The family have moved out of the area." }));
      await drainOutbox(server.context);
      const cancels = graph.calls("POST", /\/events\/event-1\/cancel$/);
      expect(cancels).toHaveLength(1);
      expect(String(cancels[0]!.body.comment)).toContain("CS-2026-0701");
      expect(String(cancels[0]!.body.comment)).not.toContain("moved out");
      expect(graph.events.get("event-1")?.cancelled).toBe(true);
      expect((await server.context.prisma.meeting.findUniqueOrThrow({ where: { id: meetingId } })).onlineEventState).toBe("cancelled");
      expect((await server.context.app.getRoster(meetingId)).joinUrl).toBeUndefined();
      // A second drain finds nothing more to do: no second cancel.
      await drainOutbox(server.context);
      expect(graph.calls("POST", /\/cancel$/)).toHaveLength(1);
    });

    it("with Graph down, convening still succeeds, the roster says the meeting is not created yet, and once Graph is back it is created once", async () => {
      const other = { ...ctx, conversationId: "19:graph-down@thread.tacv2" };
      await send(messageActivity(other, sw, "link CS-2026-0702"));
      graph.graphDown = true;
      const createsBefore = graph.calls("POST", /\/events$/).length;
      const answer = JSON.stringify((await convene("CS-2026-0702", other))?.value ?? {});
      expect(answer).toContain("CS-2026-0702");
      const m = await server.context.prisma.meeting.findFirstOrThrow({ where: { case: { reference: "CS-2026-0702" } } });
      expect(m.status).toBe("scheduled");

      // One round at a time (a drain would skip over the backoff and spend every retry).
      await until(
        "the failed create to show on the roster",
        async () => connector.cardTexts("PUT").some((t) => t.includes("could not be created yet; retrying")),
        () => dispatchOnce(server.context),
      );
      expect((await server.context.app.getRoster(m.id)).onlineMeetingNote).toBe("Teams meeting: could not be created yet; retrying");
      expect((await server.context.prisma.meeting.findUniqueOrThrow({ where: { id: m.id } })).onlineEventState).toBe("failed");
      const failed = graph.calls("POST", /\/events$/).slice(createsBefore);
      expect(failed.length).toBeGreaterThanOrEqual(1);
      expect(failed.every((r) => r.status === 503)).toBe(true);
      const job = await server.context.prisma.outboxMessage.findFirstOrThrow({ where: { anchorKey: `meeting/${m.id}/calendar` } });
      expect(job).toMatchObject({ status: "pending" });
      expect(job.lastError).toContain("503");

      graph.graphDown = false;
      await drainOutbox(server.context);
      expect(await server.context.prisma.outboxMessage.findUniqueOrThrow({ where: { id: job.id } })).toMatchObject({ status: "sent" });
      const made = [...graph.events.values()].filter((e) => e.transactionId === m.id);
      expect(made).toHaveLength(1);
      const roster = await server.context.app.getRoster(m.id);
      expect(roster.joinUrl).toBe(`https://teams.example/l/meetup-join/${made[0]!.id}`);
      expect(roster.onlineMeetingNote).toBeUndefined();
      expect(connector.cardTexts("PUT").at(-1)).toContain("Join Teams meeting");
      // A crash after Graph made the event but before its id was stored, then the job again:
      // the same transactionId gives back the same event, not a second one.
      await server.context.prisma.meeting.update({ where: { id: m.id }, data: { onlineEventId: null, onlineJoinUrl: null, onlineEventState: null } });
      expect(await server.context.app.syncCalendarEvent(m.id)).toBe("created");
      expect([...graph.events.values()].filter((e) => e.transactionId === m.id)).toHaveLength(1);
      expect((await server.context.prisma.meeting.findUniqueOrThrow({ where: { id: m.id } })).onlineEventId).toBe(made[0]!.id);
    });
  });

  describe("advisory free/busy for proposed times (find a time)", () => {
    // Health is a colleague in the council's own tenant (with an NHS address) whose Outlook shows a meeting at the
    // second option; the police officer is from the force's tenant, so never looked up.
    // Mon 30 Nov 2026; options Tue 1 Dec 09:00 and 14:00, Wed 2 Dec 10:00 (UK time = UTC in December).
    const sw: TestTeamsUser = { id: "29:sw", aadObjectId: "aad-sw", name: "Sam Okafor", email: "sam@la.example" };
    const nurse: TestTeamsUser = { id: "29:rn", aadObjectId: "aad-rn", name: "Hana Lewis", email: "hana@nhs.example" };
    const ola: TestTeamsUser = { id: "29:ob", aadObjectId: "aad-ob", name: "Ola Bello", email: "ola@nhs.example" };
    const officer: TestTeamsUser = { id: "29:pc", aadObjectId: "aad-pc", name: "DC Priya Shah", email: "priya@force.example", tenantId: "tenant-police" };
    const connector = new FakeConnector([sw, nurse, ola, officer]);
    const clock = fixedClock("2026-11-30T10:00:00Z");
    const OPTIONS = { option_1_date: "2026-12-01", option_1_time: "09:00", option_2_date: "2026-12-01", option_2_time: "14:00", option_3_date: "2026-12-02", option_3_time: "10:00" };
    const SECOND = "Tue 1 Dec 2026, 14:00 (UK time)";
    let server: RunningServer;
    const send = (activity: object) => sendActivity(server, activity);
    const schedules = () => graph.calls("POST", /\/calendar\/getSchedule$/);
    const conversation = (n: string): ActivityContext => ({ serviceUrl: connector.url, conversationId: `19:free-busy-${n}@thread.tacv2` });
    /** Links a case and convenes a meeting with no time yet: social worker and health named, police the officer from the other force. */
    const untimedMeeting = async (ctx: ActivityContext, caseRef: string) => {
      await send(messageActivity(ctx, sw, `link ${caseRef}`));
      await send(actionActivity(ctx, sw, ActionId.SubmitConvene, { caseRef, kind: "strategy-discussion", concern: CONCERN, urgency: "routine", mode: "call", "person_social-worker": sw.aadObjectId, person_health: nurse.aadObjectId, person_police: officer.aadObjectId }));
      await drainOutbox(server.context);
      return (await server.context.prisma.meeting.findFirstOrThrow({ where: { case: { reference: caseRef } } })).id;
    };
    const outlookLines = (cardText: string | undefined) => (cardText ?? "").match(/Outlook shows busy[^"\\]*/g) ?? [];

    beforeAll(async () => {
      graph.graphDown = false;
      graph.busy.set("hana@nhs.example", [{ start: "2026-12-01T14:15:00Z", end: "2026-12-01T15:00:00Z" }]);
      // Were the officer looked up, this would show; they must not be.
      graph.busy.set("priya@force.example", [{ start: "2026-12-01T08:00:00Z", end: "2026-12-02T18:00:00Z" }]);
      await connector.start();
      server = await startTestServer(dir, "free-busy", clock, graph.env(MAILBOX));
      await putAgencyDirectoryEntry(server.context, { entry: { match: "teams-tenant", value: "tenant-police", agency: "police" }, operator: "test:admin" });
      // Health colleagues use the NHS domain but sit in the council's tenant (a shared service): the tenant, not the domain, decides.
      await putAgencyDirectoryEntry(server.context, { entry: { match: "email-domain", value: "nhs.example", agency: "health" }, operator: "test:admin" });
    });
    afterAll(async () => {
      await server?.close();
      await connector.stop();
      graph.busy.clear();
    });

    it("proposing times asks Graph once, for the in-tenant people only; the roster shows Health busy at 14:00 as advisory, and the star still follows people's own ticks", async () => {
      const ctx = conversation("a");
      const meetingId = await untimedMeeting(ctx, "CS-2026-0731");
      const before = schedules().length;
      const proposed = JSON.stringify((await send(actionActivity(ctx, sw, ActionId.ProposeTimes, { meetingId, step: "times", ...OPTIONS })))?.value);
      // The person's own answer comes before any call to Graph.
      expect(proposed).toContain("Possible times");
      expect(proposed).not.toContain("Outlook");
      expect(schedules().length).toBe(before);
      await drainOutbox(server.context);

      const calls = schedules().slice(before);
      expect(calls).toHaveLength(1);
      expect(calls[0]!.path).toBe(`/v1.0/users/${encodeURIComponent(MAILBOX)}/calendar/getSchedule`);
      expect([...(calls[0]!.body.schedules as string[])].sort()).toEqual(["hana@nhs.example", "sam@la.example"]);
      expect(calls[0]!.body).toMatchObject({ startTime: { dateTime: "2026-12-01T09:00:00", timeZone: "UTC" }, endTime: { dateTime: "2026-12-02T11:00:00", timeZone: "UTC" }, availabilityViewInterval: 15 });
      expect(JSON.stringify(calls[0]!.body)).not.toContain("priya");

      const poll = (await server.context.app.getRoster(meetingId)).timePoll!;
      expect(poll.options.map((o) => o.outlookBusy)).toEqual([[], ["Health"], []]);
      expect(poll.outlookNotChecked).toEqual(["Police"]);
      const card = connector.cardTexts("PUT").at(-1);
      expect(outlookLines(card)).toEqual(["Outlook shows busy: Health (advisory)"]);
      expect(card).toContain("Outlook calendars not checked for: Police");
      // The event subjects Graph returned never reach the card.
      expect(card).not.toContain("Private appointment");

      // Everyone ticks 14:00 (Health too, whatever Outlook says): it gets the star.
      const ids = (await server.context.prisma.meetingSlot.findMany({ where: { meetingId }, orderBy: { ordinal: "asc" } })).map((x) => x.id);
      for (const who of [sw, nurse, officer]) await send(actionActivity(ctx, who, ActionId.AnswerTimes, { meetingId, step: "times", [`can_${ids[1]}`]: "true" }));
      const roster = await server.context.app.getRoster(meetingId);
      expect(roster.timePoll!.bestLabel).toBe(SECOND);
      expect(roster.timePoll!.options[1]).toMatchObject({ best: true, outlookBusy: ["Health"] });
      await drainOutbox(server.context);
      const last = connector.cardTexts("PUT").at(-1)!;
      expect(last).toContain(`★ **${SECOND}** · required roles can all make it`);
      expect(outlookLines(last)).toEqual(["Outlook shows busy: Health (advisory)"]);
      // Answering adds no Graph call: only proposing times and changing invitees do.
      expect(schedules().length).toBe(before + 1);

      // A new health person while the poll is open: their calendar is read, the old person's advice goes.
      await send(actionActivity(ctx, sw, ActionId.ChangeInvitees, { meetingId, step: "invitees", person_health: ola.aadObjectId }));
      await drainOutbox(server.context);
      const again = schedules().slice(before + 1);
      expect(again).toHaveLength(1);
      expect([...(again[0]!.body.schedules as string[])].sort()).toEqual(["ola@nhs.example", "sam@la.example"]);
      expect((await server.context.app.getRoster(meetingId)).timePoll!.options.map((o) => o.outlookBusy)).toEqual([[], [], []]);
      expect(outlookLines(connector.cardTexts("PUT").at(-1))).toEqual([]);

      // A delegation changes who attends for the row: their calendar is read in turn.
      const row = await server.context.prisma.invitation.findFirstOrThrow({ where: { meetingId, role: "health" } });
      const delegated = await send(actionActivity(ctx, ola, ActionId.Delegate, { invitationId: row.id, delegate: nurse.aadObjectId }));
      expect(JSON.stringify(delegated?.value)).toContain("Hana Lewis");
      expect((await server.context.prisma.invitation.findUniqueOrThrow({ where: { id: row.id } })).delegateId).not.toBeNull();
      await drainOutbox(server.context);
      const third = schedules().slice(before + 2);
      expect(third).toHaveLength(1);
      expect([...(third[0]!.body.schedules as string[])].sort()).toEqual(["hana@nhs.example", "sam@la.example"]);
      expect((await server.context.app.getRoster(meetingId)).timePoll!.options.map((o) => o.outlookBusy)).toEqual([[], ["Health"], []]);
    });

    it("with Graph down, proposing times still works and the roster has no Outlook line; once Graph is back the advice appears", async () => {
      const ctx = conversation("b");
      const meetingId = await untimedMeeting(ctx, "CS-2026-0732");
      graph.graphDown = true;
      try {
        const proposed = JSON.stringify((await send(actionActivity(ctx, sw, ActionId.ProposeTimes, { meetingId, step: "times", ...OPTIONS })))?.value);
        expect(proposed).toContain("Possible times");
        expect(await server.context.prisma.meetingSlot.count({ where: { meetingId } })).toBe(3);
        // One round at a time (a drain would skip over the backoff and spend every retry).
        const job = () => server.context.prisma.outboxMessage.findFirstOrThrow({ where: { anchorKey: `meeting/${meetingId}/free-busy` } });
        const card = () => connector.cardTexts("PUT").filter((t) => t.includes("CS-2026-0732") && t.includes("Possible times")).at(-1);
        await until("the check to fail against Graph and the poll to reach the card", async () => Boolean((await job()).lastError) && card() !== undefined, () => dispatchOnce(server.context));
        expect(await job()).toMatchObject({ status: "pending" });
        expect((await job()).lastError).toContain("503");
        const poll = (await server.context.app.getRoster(meetingId)).timePoll!;
        expect(poll.outlookChecked).toBe(false);
        expect(poll.options.every((o) => o.outlookBusy.length === 0)).toBe(true);
        expect(card()).not.toContain("Outlook");
      } finally {
        graph.graphDown = false;
      }
      await drainOutbox(server.context);
      expect(await server.context.prisma.outboxMessage.findFirstOrThrow({ where: { anchorKey: `meeting/${meetingId}/free-busy` } })).toMatchObject({ status: "sent" });
      expect((await server.context.app.getRoster(meetingId)).timePoll!.options.map((o) => o.outlookBusy)).toEqual([[], ["Health"], []]);
      expect(outlookLines(connector.cardTexts("PUT").filter((t) => t.includes("CS-2026-0732")).at(-1))).toEqual(["Outlook shows busy: Health (advisory)"]);
    });
  });

  describe("without Graph settings", () => {
    const sw: TestTeamsUser = { id: "29:sw", aadObjectId: "aad-sw", name: "Sam Okafor", email: "sam@la.example" };
    const police: TestTeamsUser = { id: "29:pc", aadObjectId: "aad-pc", name: "DC Priya Shah", email: "priya@force.example" };
    const nurse: TestTeamsUser = { id: "29:rn", aadObjectId: "aad-rn", name: "Hana Lewis", email: "hana@nhs.example" };
    const connector = new FakeConnector([sw, police, nurse]);
    const clock = fixedClock("2026-11-30T10:00:00Z");
    let server: RunningServer;
    beforeAll(async () => {
      await connector.start();
      server = await startTestServer(dir, "ics-only", clock);
    });
    afterAll(async () => {
      await server?.close();
      await connector.stop();
    });

    it("convenes with the .ics invite alone: no calendar job, no call to Graph, no join link", async () => {
      const ctx = { serviceUrl: connector.url, conversationId: "19:ics-only@thread.tacv2" };
      const graphCalls = graph.requests.length;
      await sendActivity(server, messageActivity(ctx, sw, "link CS-2026-0721"));
      await sendActivity(
        server,
        actionActivity(ctx, sw, ActionId.SubmitConvene, {
          caseRef: "CS-2026-0721", kind: "strategy-discussion", concern: CONCERN, urgency: "today", date: "2026-12-01", time: "10:00", mode: "meeting",
          "person_social-worker": sw.aadObjectId, person_police: police.aadObjectId, person_health: nurse.aadObjectId,
        }),
      );
      await drainOutbox(server.context);
      const m = await server.context.prisma.meeting.findFirstOrThrow();
      expect(await server.context.prisma.outboxMessage.count({ where: { anchorKey: `meeting/${m.id}/calendar` } })).toBe(0);
      expect(graph.requests.length).toBe(graphCalls);
      const roster = await server.context.app.getRoster(m.id);
      expect(roster.calendarUrl).toBeDefined();
      expect(roster.joinUrl).toBeUndefined();
      expect(connector.cardTexts().some((t) => t.includes("Add to calendar"))).toBe(true);
    });

    it("proposing times queues no free/busy check and calls nothing", async () => {
      const ctx = { serviceUrl: connector.url, conversationId: "19:ics-only-times@thread.tacv2" };
      const graphCalls = graph.requests.length;
      await sendActivity(server, messageActivity(ctx, sw, "link CS-2026-0722"));
      await sendActivity(
        server,
        actionActivity(ctx, sw, ActionId.SubmitConvene, {
          caseRef: "CS-2026-0722", kind: "strategy-discussion", concern: CONCERN, urgency: "routine", mode: "call",
          "person_social-worker": sw.aadObjectId, person_police: police.aadObjectId, person_health: nurse.aadObjectId,
        }),
      );
      const m = await server.context.prisma.meeting.findFirstOrThrow({ where: { case: { reference: "CS-2026-0722" } } });
      const answer = JSON.stringify((await sendActivity(server, actionActivity(ctx, sw, ActionId.ProposeTimes, { meetingId: m.id, step: "times", option_1_date: "2026-12-01", option_1_time: "09:00", option_2_date: "2026-12-01", option_2_time: "14:00" })))?.value);
      expect(answer).toContain("Possible times");
      await drainOutbox(server.context);
      expect(await server.context.prisma.outboxMessage.count({ where: { anchorKey: `meeting/${m.id}/free-busy` } })).toBe(0);
      expect(graph.requests.length).toBe(graphCalls);
      expect((await server.context.app.getRoster(m.id)).timePoll!.outlookChecked).toBe(false);
      expect(connector.cardTexts().some((t) => t.includes("Outlook"))).toBe(false);
    });
  });

  describe("in Slack", () => {
    const SECRET = "graph-signing-secret-0123456789";
    const TEAM = "T0GRAPH";
    const sw: TestSlackUser = { id: "U0SW", name: "Sam Okafor", email: "sam@la.example", teamId: TEAM };
    const police: TestSlackUser = { id: "U0PC", name: "DC Priya Shah", email: "priya@force.example", teamId: TEAM };
    const nurse: TestSlackUser = { id: "U0RN", name: "Hana Lewis", email: "hana@nhs.example", teamId: TEAM };
    const slack = new FakeSlackWebApi([sw, police, nurse], TEAM);
    const sctx = { teamId: TEAM, channelId: "C0GRAPH" };
    const clock = fixedClock("2026-11-30T10:00:00Z");
    let server: RunningServer;
    const post = (req: SlackRequest) => postToSlack(server, SECRET, clock, req);

    beforeAll(async () => {
      graph.graphDown = false;
      await slack.start();
      server = await startTestServer(dir, "slack", clock, { ...slackEnv(SECRET, slack.apiUrl), ...graph.env(MAILBOX) });
    });
    afterAll(async () => {
      await server?.close();
      await slack.stop();
    });

    it("convening in Slack creates the event the same way, and the roster message gets a Join Teams meeting button", async () => {
      await post(slashCommand(sctx, sw, "link CS-2026-0711"));
      await post(slashCommand(sctx, sw, "strategy CS-2026-0711"));
      await post(viewSubmission(sctx, sw, slack.lastOpenedView(), { concern: CONCERN, urgency: "today", date: "2026-12-01", time: "10:00", mode: "meeting", "person_social-worker": sw.id, person_health: nurse.id, person_police: police.id }));
      await drainOutbox(server.context);
      const m = await server.context.prisma.meeting.findFirstOrThrow();
      const create = graph.calls("POST", /\/events$/).find((r) => r.body.transactionId === m.id)!;
      expect(create.status).toBe(201);
      expect(create.body.subject).toBe("Strategy discussion · CS-2026-0711");
      expect((create.body.attendees as Array<{ emailAddress: { address: string } }>).map((a) => a.emailAddress.address).sort()).toEqual(["hana@nhs.example", "priya@force.example", "sam@la.example"]);
      const joinUrl = (await server.context.app.getRoster(m.id)).joinUrl!;
      expect(joinUrl).toMatch(/^https:\/\/teams\.example\/l\/meetup-join\/event-\d+$/);
      const update = slack.callsOf("chat.update").map((c) => JSON.stringify(c.args)).filter((t) => t.includes("Join Teams meeting")).at(-1);
      expect(update).toContain(joinUrl);
    });
  });
});
