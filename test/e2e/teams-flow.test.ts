import { previewButtonData } from "../helpers/record-preview";
import { e2eDecisionValues } from "../fixtures/e2e-decision-values.fixture";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { RunningServer } from "../../src/server/start-server";
import { startTestServer } from "../helpers/e2e-server";
import { fixedClock } from "../../src/domain/shared/clock";
import { drainOutbox, runNudgePassNow } from "../../src/server/mount-delivery";
import { ActionId } from "../../src/app/conversation/action-id";
import { mountTeams } from "../../src/channels/teams/mount-teams";
import { createTeamsGateway } from "../../src/channels/teams/teams-gateway";
import { DeliveryError } from "../../src/delivery/channel-gateway";
import { registerPractitioner } from "../../src/app/use-cases/register-practitioner";
import { waiveReasonInputId } from "../../src/cards/deadlines.card";
import { actionActivity, messageActivity, nextActivityId, type ActivityContext, type TestTeamsUser } from "../helpers/teams-activities";
import { FakeConnector } from "../helpers/fake-teams-connector";

// The real server (SQLite file, real app, real outbox dispatcher and Teams gateway) driven
// over HTTP with Bot Framework activities; a fake Teams connector on loopback captures what
// the bot posts and updates, and answers member lookups.

const sw: TestTeamsUser = { id: "29:sw", aadObjectId: "aad-sw-1", name: "Sam Okafor", email: "sam@la.example" };
const police: TestTeamsUser = { id: "29:police", aadObjectId: "aad-police-1", name: "DC Priya Shah", email: "priya@police.example" };
const health: TestTeamsUser = { id: "29:health", aadObjectId: "aad-health-1", name: "Hana Lewis", email: "hana@nhs.example" };
const manager: TestTeamsUser = { id: "29:tm", aadObjectId: "aad-tm-1", name: "Tom Reid", email: "tom@la.example" };
const members = [sw, police, health, manager];

describe("Teams end to end through the real server", () => {
  let dir: string;
  let server: RunningServer;
  let connector: FakeConnector;
  let ctx: ActivityContext;
  const clock = fixedClock("2026-11-23T09:00:00Z");

  const send = async (activity: object) => {
    const res = await fetch(`${server.url}/api/messages`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(activity) });
    const text = await res.text();
    return { status: res.status, body: text ? (JSON.parse(text) as { type?: string; value?: unknown }) : null };
  };
  const cardText = (body: { value?: unknown } | null) => JSON.stringify(body?.value ?? {});

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), "convene-teams-e2e-"));
    connector = new FakeConnector(members);
    await connector.start();
    server = await startTestServer(dir, "e2e", clock);
    ctx = { serviceUrl: connector.url, conversationId: "19:case-channel@thread.tacv2" };
  });

  afterAll(async () => {
    await server?.close();
    await connector?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  let meetingId = "";

  it("links the channel to a case, once even when the activity is redelivered", async () => {
    const link = messageActivity(ctx, sw, "link CS-2026-0142");
    expect((await send(link)).status).toBe(200);
    expect((await send(link)).status).toBe(200);
    const replies = connector.captured.filter((c) => c.method === "POST");
    expect(replies).toHaveLength(1);
    expect(connector.cardTexts()[0]).toContain("Linked to case CS-2026-0142");
  });

  it("answers convene with the form, listing the conversation's members", async () => {
    const reply1 = nextActivityId();
    await send(messageActivity(ctx, sw, "convene strategy CS-2026-0142", reply1));
    const form = connector.replyTextTo(reply1);
    expect(form).toContain("Convene: Strategy discussion");
    expect(form).toContain("person_police");
    expect(form).toContain("DC Priya Shah");
    expect(form).toContain("Input.Date");
    expect(form).toContain(ActionId.SubmitConvene);
  });

  it("convenes from the submitted form and posts the roster through the outbox", async () => {
    const before = connector.captured.length;
    const submit = actionActivity(ctx, sw, ActionId.SubmitConvene, {
      caseRef: "CS-2026-0142",
      kind: "strategy-discussion",
      concern: "Bruising reported by school [click](http://evil.example) *urgent*",
      urgency: "today",
      date: "2026-11-24",
      time: "10:00",
      mode: "meeting",
      person_social_worker: "",
      "person_social-worker": sw.aadObjectId,
      person_police: police.aadObjectId,
      person_health: health.aadObjectId,
      contact_school: "School DSL duty line",
    });
    const res = await send(submit);
    expect(res.status).toBe(200);
    expect(res.body?.type).toBe("application/vnd.microsoft.card.adaptive");
    expect(cardText(res.body)).toContain("convened");
    // Redelivered submit: no second meeting.
    await send(submit);
    await drainOutbox(server.context);
    const posted = connector.captured.slice(before).filter((c) => c.method === "POST").map((c) => JSON.stringify(c.body.attachments?.[0]?.content ?? {}));
    const rosters = posted.filter((t) => t.includes("Who is coming"));
    expect(rosters).toHaveLength(1);
    const roster = rosters[0]!;
    expect(roster).toContain("DC Priya Shah");
    expect(roster).toContain("Hana Lewis");
    expect(roster).toContain("School DSL duty line");
    expect(roster).not.toContain("[click](");
    // Each named invitee is @mentioned on the roster post, so Teams tells them.
    expect(roster).toContain("<at>DC Priya Shah</at>");
    expect(roster).toContain('"mentioned":{"id":"aad-police-1","name":"DC Priya Shah"}');
    meetingId = /"meetingId":"([^"]+)"/.exec(roster)![1]!;
    expect(meetingId).toBeTruthy();
  });

  const rowId = async (role: string) => {
    const roster = await server.context.app.getRoster(meetingId);
    return roster.rows.find((r) => r.role === role)!.invitationId;
  };

  it("refuses an answer from the wrong user", async () => {
    const res = await send(actionActivity(ctx, police, ActionId.Accept, { invitationId: await rowId("health") }));
    expect(res.status).toBe(200);
    expect(res.body?.type).toBe("application/vnd.microsoft.activity.message");
    expect(String(res.body?.value)).toContain("Only Hana Lewis");
    const roster = await server.context.app.getRoster(meetingId);
    expect(roster.rows.find((r) => r.role === "health")!.response).toBe("invited");
  });

  it("gives each person's refreshed copy only the buttons they may press; the shared card keeps them all", async () => {
    const refresh = async (user: TestTeamsUser) => {
      const res = await send(actionActivity(ctx, user, ActionId.RefreshRoster, { meetingId, revision: "0" }));
      expect(res.body?.type).toBe("application/vnd.microsoft.card.adaptive");
      return cardText(res.body);
    };
    const respondTitles = (card: string) => [...card.matchAll(/"title":"Respond \(([^)]+)\)"/g)].map((m) => m[1]);
    const asPolice = await refresh(police);
    expect(respondTitles(asPolice)).toContain("Police");
    expect(respondTitles(asPolice)).not.toContain("Health");
    expect(respondTitles(asPolice)).not.toContain("Social worker");
    expect(asPolice).not.toContain('"title":"Mark held"');
    const asHealth = await refresh(health);
    expect(respondTitles(asHealth)).toContain("Health");
    expect(respondTitles(asHealth)).not.toContain("Police");
    expect(asHealth).not.toContain('"title":"Mark held"');
    // The convenor (the case's social worker) answers their own row and has the convenor's buttons.
    const asConvenor = await refresh(sw);
    expect(respondTitles(asConvenor)).toContain("Social worker");
    expect(respondTitles(asConvenor)).not.toContain("Police");
    expect(asConvenor).toContain('"title":"Mark held"');
    // The shared copy in the channel still offers everything; the wrong person is refused privately.
    const shared = connector.cardTexts().filter((t) => t.includes("Who is coming")).at(-1)!;
    expect(respondTitles(shared)).toEqual(expect.arrayContaining(["Police", "Health", "Social worker"]));
    expect(shared).toContain('"title":"Mark held"');
  });

  it("answers a press with the presser's own copy", async () => {
    const res = await send(actionActivity(ctx, police, ActionId.Tentative, { invitationId: await rowId("police") }));
    const card = cardText(res.body);
    expect(card).toContain("Your answer is recorded");
    expect(card).toContain('"title":"Respond (Police)"');
    expect(card).not.toContain('"title":"Respond (Health)"');
    expect(card).not.toContain('"title":"Mark held"');
  });

  it("records three agencies' answers from three users and updates the card in place", async () => {
    for (const [user, role] of [[sw, "social-worker"], [police, "police"], [health, "health"]] as const) {
      const res = await send(actionActivity(ctx, user, ActionId.Accept, { invitationId: await rowId(role) }));
      expect(res.body?.type).toBe("application/vnd.microsoft.card.adaptive");
      expect(cardText(res.body)).toContain("Your answer is recorded");
    }
    await drainOutbox(server.context);
    const updates = connector.cardTexts("PUT");
    expect(updates.length).toBeGreaterThan(0);
    const latest = updates.at(-1)!;
    expect(latest).toContain("Accepted");
    expect(latest).not.toContain("Missing required roles");
    const roster = await server.context.app.getRoster(meetingId);
    expect(roster.rows.filter((r) => r.response === "accepted").map((r) => r.role).sort()).toEqual(["health", "police", "social-worker"]);
  });

  it("marks the meeting held and opens the decision form", async () => {
    // The meeting is on Tuesday 24 November: "held" cannot be marked before its day.
    const early = await send(actionActivity(ctx, sw, ActionId.MarkHeld, { meetingId, step: "attendance" }));
    expect(String(early.body?.value)).toContain("Mark it held on or after that day");
    clock.set("2026-11-24T11:00:00Z");
    // "Mark held" first asks who took part, row by row; accepted rows default to "Took part".
    const asked = await send(actionActivity(ctx, sw, ActionId.MarkHeld, { meetingId }));
    expect(cardText(asked.body)).toContain("Save attendance and mark held");
    expect(cardText(asked.body)).toContain("attendance_");
    const held = await send(actionActivity(ctx, sw, ActionId.MarkHeld, { meetingId, step: "attendance" }));
    expect(cardText(held.body)).toContain("Marked held");
    expect(cardText(held.body)).toContain("Took part");
    const form = await send(actionActivity(ctx, sw, ActionId.OpenRecord, { meetingId }));
    const text = cardText(form.body);
    expect(text).toContain("Record the decision");
    expect(text).toContain("decision.s47");
    expect(text).toContain("Input.Toggle");
    expect(text).toContain("Input.Number");
  });

  it("shows field errors beside the fields, then records the decision and posts the record", async () => {
    const bad = await send(actionActivity(ctx, sw, ActionId.SubmitRecord, { meetingId, "meeting.date": "2026-11-24" }));
    expect(cardText(bad.body)).toContain("Please fix");
    expect(cardText(bad.body)).toContain("Attention");

    const values = e2eDecisionValues();
    // "Check" first: the record as it will be saved, with the advice, and nothing saved yet.
    const checked = await send(actionActivity(ctx, sw, ActionId.SubmitRecord, { meetingId, ...values }));
    expect(cardText(checked.body)).toContain("Check the record before saving");
    expect(cardText(checked.body)).toContain("Plain-language check");
    expect(cardText(checked.body)).toContain("Tuesday 24 November 2026");
    expect(await server.context.prisma.decisionRecord.count({ where: { meetingId } })).toBe(0);
    const ok = await send(actionActivity(ctx, sw, ActionId.SubmitRecord, previewButtonData(checked.body)));
    expect(cardText(ok.body)).toContain("Decision record version 1 saved");
    await drainOutbox(server.context);
    const record = connector.cardTexts("POST").find((t) => t.includes("Decision record ·"));
    expect(record).toBeDefined();
    expect(record).toContain("CS-2026-0142");
    expect(record).toContain("Tuesday 24 November 2026");
  });

  describe("need to know: a summary in the channel, the full record for those entitled", () => {
    /** Words from the confidential parts of the e2e record: what agencies shared, the child, the police, the medical, the family. */
    const CONFIDENTIAL = [
      "No previous call-outs to the address.",
      "Goes to school most days",
      "calmer at home",
      "Police will interview",
      "Child protection medical by the paediatrician",
      "Sharing now may jeopardise",
      "Unexplained bruising.",
    ];
    const summaryPost = () => connector.cardTexts("POST").find((t) => t.includes("Decision record ·") && t.includes(ActionId.RefreshRecord))!;
    const openings = () => server.context.prisma.informationSharing.count({ where: { kind: "record-opened" } });

    it("posts a summary without the confidential detail, refreshing for the entitled members only", () => {
      const summary = summaryPost();
      expect(summary).toBeDefined();
      for (const words of CONFIDENTIAL) expect(summary).not.toContain(words);
      expect(summary).toContain("Section 47 enquiries");
      expect(summary).toContain("Initial child protection conference");
      expect(summary).toContain("Arrange the medical");
      expect(summary).toContain("View full record");
      const card = JSON.parse(summary) as { refresh: { action: { verb: string }; userIds: string[] } };
      expect(card.refresh.action.verb).toBe(ActionId.RefreshRecord);
      expect(card.refresh.userIds.sort()).toEqual([health.id, police.id, sw.id].sort());
      expect(card.refresh.userIds).not.toContain(manager.id);
    });

    it("gives an attendee the full record as a document, and logs each opening once", async () => {
      const before = await openings();
      const press = actionActivity(ctx, police, ActionId.ViewFullRecord, { meetingId });
      const res = await send(press);
      expect(res.body?.type).toBe("application/vnd.microsoft.card.adaptive");
      const full = cardText(res.body);
      expect(full).toContain("OFFICIAL-SENSITIVE");
      for (const words of CONFIDENTIAL) expect(full).toContain(words);
      expect(full).toContain("Tuesday 24 November 2026");
      expect(full).toContain("The child's lived experience and voice");
      expect(full).toContain('"type":"Table"');
      // A document, not a form dump: no numbered row labels, no ISO dates.
      expect(full).not.toMatch(/(Agency|Action|Safety scale) \d+:/);
      expect(full).not.toMatch(/\d{4}-\d{2}-\d{2}/);
      expect(await openings()).toBe(before + 1);
      // Teams redelivers the same invoke: no second row.
      await send(press);
      expect(await openings()).toBe(before + 1);
      // The automatic refresh (Universal Actions) is an opening too.
      const refreshed = await send(actionActivity(ctx, health, ActionId.RefreshRecord, { meetingId }));
      expect(cardText(refreshed.body)).toContain("No previous call-outs to the address.");
      expect(await openings()).toBe(before + 2);
      const row = await server.context.prisma.informationSharing.findFirstOrThrow({ where: { kind: "record-opened" }, orderBy: { at: "asc" } });
      expect(row).toMatchObject({ recipientLabel: "DC Priya Shah", why: "Attended the meeting", lawfulBasis: "safeguarding" });
    });

    it("refuses a channel member who was not at the meeting, privately, and logs nothing", async () => {
      const before = await openings();
      const res = await send(actionActivity(ctx, manager, ActionId.ViewFullRecord, { meetingId }));
      expect(res.body?.type).toBe("application/vnd.microsoft.activity.message");
      expect(String(res.body?.value)).toContain("shared only with the people who attended");
      // A refresh for them keeps the summary.
      const refreshed = cardText((await send(actionActivity(ctx, manager, ActionId.RefreshRecord, { meetingId }))).body);
      expect(refreshed).toContain("View full record");
      for (const words of CONFIDENTIAL) expect(refreshed).not.toContain(words);
      expect(await openings()).toBe(before);
    });

    it("logs what each agency shared and what the family are told, with the lawful basis", async () => {
      const rows = await server.context.prisma.informationSharing.findMany({ where: { kind: { in: ["agency-information", "family-information"] } } });
      expect(rows.map((r) => r.kind).sort()).toEqual(["agency-information", "family-information"]);
      expect(rows.find((r) => r.kind === "agency-information")).toMatchObject({ disclosedBy: "Police", recipientLabel: "Those at the meeting", lawfulBasis: "safeguarding" });
      expect(rows.find((r) => r.kind === "family-information")?.why).toContain("jeopardise the police investigation");
    });
  });

  it("lists deadlines and posts a nudge to the channel when one is due", async () => {
    const reply2 = nextActivityId();
    await send(messageActivity(ctx, sw, "deadlines CS-2026-0142", reply2));
    expect(connector.replyTextTo(reply2)).toContain("Deadlines · CS-2026-0142");
    const postsBefore = connector.captured.length;
    clock.set("2026-12-11T10:00:00Z");
    const pass = await runNudgePassNow(server.context);
    expect(pass.sent.length).toBeGreaterThan(0);
    await drainOutbox(server.context);
    const nudges = connector.captured.slice(postsBefore).filter((c) => c.method === "POST").map((c) => JSON.stringify(c.body.attachments?.[0]?.content ?? {}));
    expect(nudges.some((t) => t.includes("CS-2026-0142") && t.includes(ActionId.ShowDeadlines))).toBe(true);
  });

  describe("case events and waivers", () => {
    /** The open deadline lines of a deadlines card: title and the id its Waive… form carries. */
    const waivable = (cardJson: string): Array<{ title: string; deadlineId: string }> => {
      const card = JSON.parse(cardJson) as { body: Array<{ type: string; items?: Array<Record<string, unknown>> }> };
      const out: Array<{ title: string; deadlineId: string }> = [];
      for (const el of card.body) {
        if (el.type !== "Container" || !el.items) continue;
        const title = String(el.items[0]?.text ?? "");
        const set = el.items.find((i) => i.type === "ActionSet") as { actions: Array<{ card?: { actions: Array<{ verb: string; data: { deadlineId: string } }> } }> } | undefined;
        const execute = set?.actions.flatMap((a) => a.card?.actions ?? []).find((a) => a.verb === ActionId.WaiveDeadline);
        if (execute) out.push({ title, deadlineId: execute.data.deadlineId });
      }
      return out;
    };
    const listDeadlines = async (user: TestTeamsUser) => {
      const reply3 = nextActivityId();
      await send(messageActivity(ctx, user, "deadlines CS-2026-0142", reply3));
      return connector.replyTextTo(reply3);
    };

    it("answers a case event with no date with the usage, and refuses a referral from the future", async () => {
      const reply4 = nextActivityId();
      await send(messageActivity(ctx, sw, "referral CS-2026-0142", reply4));
      expect(connector.replyTextTo(reply4)).toContain("referral CS-2026-0142 2026-11-20");
      const reply5 = nextActivityId();
      await send(messageActivity(ctx, sw, "referral CS-2026-0142 2099-01-01", reply5));
      const refused = connector.replyTextTo(reply5);
      expect(refused).toContain("Convene could not do that");
      expect(refused).toContain("in the future");
      const reply6 = nextActivityId();
      await send(messageActivity(ctx, sw, "referral CS-2026-9999 2026-11-20", reply6));
      expect(connector.replyTextTo(reply6)).toContain("not CS-2026-9999");
    });

    it("records a referral: the decision and assessment clocks start and show in deadlines with a Waive… form", async () => {
      const referral = messageActivity(ctx, sw, "referral CS-2026-0142 2026-11-20");
      await send(referral);
      const notice = connector.replyTextTo(referral.id);
      expect(notice).toContain("CS-2026-0142: clocks started");
      expect(notice).toContain("Decision on a referral");
      expect(notice).toContain("Assessment concluded");
      // Redelivered: no second reply, no second pair of deadlines.
      const posts = connector.captured.length;
      await send(referral);
      expect(connector.captured.length).toBe(posts);
      expect(await server.context.prisma.deadline.count({ where: { rule: { in: ["referral-decision", "assessment"] } } })).toBe(2);

      const card = await listDeadlines(sw);
      expect(card).toContain("Deadline: Decision on a referral");
      expect(card).toContain("Deadline: Assessment concluded");
      expect(card).toContain(waiveReasonInputId(waivable(card)[0]!.deadlineId));
      const titles = waivable(card).map((l) => l.title);
      expect(titles).toEqual(expect.arrayContaining(["Deadline: Decision on a referral", "Deadline: Assessment concluded"]));
    });

    it("refuses a waiver from someone who is not a team manager, for them alone, and keeps the deadline open", async () => {
      const line = waivable(await listDeadlines(sw)).find((l) => l.title.includes("Decision on a referral"))!;
      const data = { deadlineId: line.deadlineId, [waiveReasonInputId(line.deadlineId)]: "The referral was withdrawn by the school." };
      // Even the case's own social worker cannot waive.
      const res = await send(actionActivity(ctx, sw, ActionId.WaiveDeadline, data));
      expect(res.body?.type).toBe("application/vnd.microsoft.activity.message");
      expect(String(res.body?.value)).toContain("Only a team manager can waive");
      expect(waivable(await listDeadlines(sw)).map((l) => l.deadlineId)).toContain(line.deadlineId);
    });

    it("lets a team manager waive with a reason; the deadline leaves the open list", async () => {
      await registerPractitioner(server.context, {
        identity: { platform: "teams", tenant: "local", userId: manager.aadObjectId, displayName: manager.name, email: manager.email },
        agency: "Children's social care",
        role: "team-manager",
        operator: "test:admin",
      });
      const line = waivable(await listDeadlines(manager)).find((l) => l.title.includes("Decision on a referral"))!;
      const tooShort = await send(actionActivity(ctx, manager, ActionId.WaiveDeadline, { deadlineId: line.deadlineId, [waiveReasonInputId(line.deadlineId)]: "no" }));
      expect(tooShort.body?.type).toBe("application/vnd.microsoft.activity.message");
      expect(String(tooShort.body?.value)).toContain("Say in a sentence why");

      const ok = await send(actionActivity(ctx, manager, ActionId.WaiveDeadline, { deadlineId: line.deadlineId, [waiveReasonInputId(line.deadlineId)]: "The referral was withdrawn by the school." }));
      expect(ok.body?.type).toBe("application/vnd.microsoft.card.adaptive");
      const answer = cardText(ok.body);
      expect(answer).toContain("Deadline waived for CS-2026-0142");
      expect(answer).toContain("waived by Tom Reid: The referral was withdrawn by the school.");
      expect(answer).not.toContain("Deadline: Decision on a referral"); // named only in the waiver notice, not listed
      expect(answer).toContain("Assessment concluded");

      const after = await listDeadlines(sw);
      // Now listed among the closed clocks, with the waiver's reason, and no longer waivable.
      expect(after).toContain("Waived: Decision on a referral");
      expect(waivable(after).map((l) => l.deadlineId)).not.toContain(line.deadlineId);
      expect(after).toContain("Assessment concluded");
      const row = await server.context.prisma.deadline.findUniqueOrThrow({ where: { id: line.deadlineId } });
      expect(row.status).toBe("waived");
      expect(row.waivedReason).toBe("The referral was withdrawn by the school.");
    });

    it("records a transfer-in notification and a date of birth (dob and date-of-birth)", async () => {
      // The waiver's channel notice goes through the outbox, which the background dispatcher
      // delivers whenever its round comes: deliver it now, or it can land after the reply read below.
      await drainOutbox(server.context);
      const reply7 = nextActivityId();
      await send(messageActivity(ctx, sw, "transfer-in CS-2026-0142 2026-12-01", reply7));
      expect(connector.replyTextTo(reply7)).toContain("Transfer-in child protection conference");
      const reply8 = nextActivityId();
      await send(messageActivity(ctx, sw, "dob CS-2026-0142 2010-05-14", reply8));
      expect(connector.replyTextTo(reply8)).toContain("Review conference before the 18th birthday");
      const reply9 = nextActivityId();
      await send(messageActivity(ctx, sw, "date-of-birth CS-2026-0142 2010-05-14", reply9));
      expect(connector.replyTextTo(reply9)).toContain("clocks started");
      expect(await server.context.prisma.deadline.count({ where: { rule: "review-before-18" } })).toBe(1);
    });
  });

  it("ignores a redelivered answer: nothing changes and nothing is posted twice", async () => {
    const again = actionActivity(ctx, police, ActionId.Accept, { invitationId: await rowId("police") }, nextActivityId());
    await send(again);
    await drainOutbox(server.context);
    const count = connector.captured.length;
    await send(again);
    await drainOutbox(server.context);
    expect(connector.captured.length).toBe(count);
  });

  it("maps connector throttling and refusals to delivery errors", async () => {
    const link = await server.context.uow.run((r) => r.channelLinks.findByConversation("teams", ctx.conversationId));
    const gateway = createTeamsGateway(server.context);
    const card = { type: "notice" as const, view: { title: "t", text: "x" } };
    // The SDK's own pipeline retries a 429 three times (honouring Retry-After) before giving up.
    connector.failNext = { status: 429, retryAfter: "1", times: 4 };
    const throttled = await gateway.post(link!, card).catch((e: unknown) => e);
    expect(throttled).toBeInstanceOf(DeliveryError);
    expect((throttled as DeliveryError).retryAfterMs).toBe(1000);
    expect((throttled as DeliveryError).permanent).toBe(false);
    connector.failNext = { status: 403 };
    const refused = await gateway.post(link!, card).catch((e: unknown) => e);
    expect((refused as DeliveryError).permanent).toBe(true);
  });

  it("refuses activities from other machines in local mode", async () => {
    const mounted = await mountTeams(server.context);
    const route = mounted!.routes.find((r) => r.path === "/api/messages")!;
    let status = 0;
    const res = { headersSent: false, writeHead: (s: number) => { status = s; }, end: () => undefined } as never;
    await route.handle({ socket: { remoteAddress: "10.1.2.3" }, headers: {}, method: "POST" } as never, res);
    expect(status).toBe(403);
  });
});
