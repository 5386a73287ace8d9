import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { ActionId } from "../../src/app/conversation/action-id";
import { slackActionId } from "../../src/cards/slack/slack-action-id";
import { PLAYGROUND_CONVERSATION_ID, PLAYGROUND_USERS } from "../../src/channels/playground/playground-users";
import { getRule } from "../../src/domain/deadline/statutory-rules";
import { fixedClock } from "../../src/domain/shared/clock";
import { drainOutbox } from "../../src/server/mount-delivery";
import type { RunningServer } from "../../src/server/start-server";
import { startTestServer } from "../helpers/e2e-server";
import { previewButtonData } from "../helpers/record-preview";
import { e2eDecisionValues } from "../fixtures/e2e-decision-values.fixture";
import { FakeConnector } from "../helpers/fake-teams-connector";
import { blockAction, FakeSlackWebApi, signedHeaders, slashCommand, viewSubmission, type SlackRequest, type TestSlackUser } from "../helpers/slack-requests";
import { actionActivity, messageActivity, nextActivityId, type ActivityContext, type TestTeamsUser } from "../helpers/teams-activities";

// One conversation, driven the same way through the three channels Convene speaks: Teams
// activities (fake connector), signed Slack requests (fake Web API) and the playground (its
// own connector). Each runs on its own real server and database; afterwards the stored
// rows must be the same apart from platform ids and names, and the replies must say the same.

const CASE = "CS-2026-0142";
type Person = "sw" | "police" | "health" | "intruder";
const ROLE_OF: Record<Exclude<Person, "intruder">, string> = { sw: "social-worker", police: "police", health: "health" };

/** What a channel answered: the text a person reads (card or message JSON), and whether it was a private refusal. */
interface Answer {
  text: string;
  refused: boolean;
}

/** The same six things a person does, in one channel's own protocol. */
interface ChannelDriver {
  readonly name: string;
  server: RunningServer;
  /** Display names this channel knows each person by, to compare stored rows across channels. */
  names: Record<Person, string>;
  start(dir: string): Promise<void>;
  stop(): Promise<void>;
  say(who: Person, text: string): Promise<Answer>;
  /** Opens the convene form by typing, then submits it with a person per statutory role and a school contact. */
  conveneStrategy(who: Person): Promise<Answer>;
  press(who: Person, action: ActionId, target: string): Promise<Answer>;
  /** Presses "Mark held", then saves the "who took part" form as it comes (accepted rows took part). */
  markHeld(who: Person, meetingId: string): Promise<Answer>;
  /** Opens the decision record form, then submits it. */
  recordDecision(who: Person, meetingId: string, values: Record<string, string>): Promise<Answer>;
  /** Presses "Change invitees…", then submits the form with these values. */
  changeInvitees(who: Person, meetingId: string, values: Record<string, string>): Promise<Answer>;
}

const clockStart = "2026-11-23T09:00:00Z";
const conveneValues = { concern: "Bruising reported by school; agencies need to share what they know.", urgency: "today", date: "2026-11-24", time: "10:00", mode: "meeting", contact_school: "School DSL duty line" };

function startConvene(dir: string, name: string, env: Record<string, string> = {}): Promise<RunningServer> {
  return startTestServer(dir, name, fixedClock(clockStart), env);
}

/** Teams, and the playground: both speak Bot Framework activities; they differ in connector, people and where replies land. */
abstract class ActivityDriver implements ChannelDriver {
  abstract readonly name: string;
  server!: RunningServer;
  abstract names: Record<Person, string>;
  protected abstract users: Record<Person, TestTeamsUser>;
  protected abstract ctx(): ActivityContext;
  /** The card the bot replied with to a message activity. */
  protected abstract replyTo(activityId: string): Promise<string>;
  abstract start(dir: string): Promise<void>;
  abstract stop(): Promise<void>;

  protected async send(activity: object): Promise<{ type?: string; value?: unknown } | null> {
    const res = await fetch(`${this.server.url}/api/messages`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(activity) });
    expect(res.status).toBe(200);
    const text = await res.text();
    return text ? (JSON.parse(text) as { type?: string; value?: unknown }) : null;
  }

  async say(who: Person, text: string): Promise<Answer> {
    const id = nextActivityId();
    await this.send(messageActivity(this.ctx(), this.users[who], text, id));
    return { text: await this.replyTo(id), refused: false };
  }

  async press(who: Person, action: ActionId, target: string, values: Record<string, string> = {}): Promise<Answer> {
    const key = { [ActionId.MarkHeld]: "meetingId", [ActionId.ChangeInvitees]: "meetingId", [ActionId.OpenRecord]: "meetingId", [ActionId.SubmitRecord]: "meetingId", [ActionId.ShowDeadlines]: "caseRef" }[action as string] ?? "invitationId";
    const body = await this.send(actionActivity(this.ctx(), this.users[who], action, { ...values, [key]: target }));
    const refused = body?.type === "application/vnd.microsoft.activity.message";
    return { text: refused ? String(body?.value) : JSON.stringify(body?.value ?? {}), refused };
  }

  async conveneStrategy(who: Person): Promise<Answer> {
    const form = await this.say(who, `strategy ${CASE}`);
    expect(form.text).toContain("person_police");
    const body = await this.send(
      actionActivity(this.ctx(), this.users[who], ActionId.SubmitConvene, {
        caseRef: CASE,
        kind: "strategy-discussion",
        ...conveneValues,
        "person_social-worker": this.users.sw.aadObjectId,
        person_police: this.users.police.aadObjectId,
        person_health: this.users.health.aadObjectId,
      }),
    );
    return { text: JSON.stringify(body?.value ?? {}), refused: false };
  }

  async markHeld(who: Person, meetingId: string): Promise<Answer> {
    const form = await this.press(who, ActionId.MarkHeld, meetingId);
    expect(form.text).toContain("Who took part");
    return this.press(who, ActionId.MarkHeld, meetingId, { step: "attendance" });
  }

  async changeInvitees(who: Person, meetingId: string, values: Record<string, string>): Promise<Answer> {
    const form = await this.press(who, ActionId.ChangeInvitees, meetingId);
    expect(form.text).toContain("Rows left empty keep who is invited now");
    return this.press(who, ActionId.ChangeInvitees, meetingId, { step: "invitees", ...values });
  }

  async recordDecision(who: Person, meetingId: string, values: Record<string, string>): Promise<Answer> {
    const form = await this.press(who, ActionId.OpenRecord, meetingId);
    expect(form.text).toContain("decision.s47");
    const checked = await this.press(who, ActionId.SubmitRecord, meetingId, values);
    if (checked.refused) return checked;
    expect(checked.text).toContain("Check the record before saving");
    const { meetingId: _target, ...save } = previewButtonData(checked.text);
    return this.press(who, ActionId.SubmitRecord, meetingId, save);
  }
}

class TeamsDriver extends ActivityDriver {
  readonly name = "teams";
  protected users: Record<Person, TestTeamsUser> = {
    sw: { id: "29:sw", aadObjectId: "aad-sw-1", name: "Sam Okafor", email: "sam@la.example" },
    police: { id: "29:police", aadObjectId: "aad-police-1", name: "DC Priya Shah", email: "priya@police.example" },
    health: { id: "29:health", aadObjectId: "aad-health-1", name: "Hana Lewis", email: "hana@nhs.example" },
    intruder: { id: "29:other", aadObjectId: "aad-other-1", name: "Alex Other", email: "alex@la.example" },
  };
  names = { sw: "Sam Okafor", police: "DC Priya Shah", health: "Hana Lewis", intruder: "Alex Other" };
  private connector = new FakeConnector(Object.values(this.users));
  protected ctx(): ActivityContext {
    return { serviceUrl: this.connector.url, conversationId: "19:case-channel@thread.tacv2" };
  }
  protected async replyTo(activityId: string): Promise<string> {
    const reply = this.connector.captured.find((c) => c.method === "POST" && c.path.endsWith(`/activities/${encodeURIComponent(activityId)}`));
    return JSON.stringify(reply?.body.attachments?.[0]?.content ?? {});
  }
  async start(dir: string): Promise<void> {
    await this.connector.start();
    this.server = await startConvene(dir, this.name);
  }
  async stop(): Promise<void> {
    await this.server?.close();
    await this.connector.stop();
  }
}

class PlaygroundDriver extends ActivityDriver {
  readonly name = "playground";
  private byRole = (role: string) => {
    const u = PLAYGROUND_USERS.find((p) => p.role === role)!;
    return { id: u.id, aadObjectId: u.aadObjectId, name: u.name, email: u.email };
  };
  protected users: Record<Person, TestTeamsUser> = { sw: this.byRole("social-worker"), police: this.byRole("police"), health: this.byRole("health"), intruder: this.byRole("school") };
  names = { sw: this.users.sw.name, police: this.users.police.name, health: this.users.health.name, intruder: this.users.intruder.name };
  protected ctx(): ActivityContext {
    return { serviceUrl: `${this.server.url}/playground/connector`, conversationId: PLAYGROUND_CONVERSATION_ID };
  }
  protected async replyTo(activityId: string): Promise<string> {
    const res = await fetch(`${this.server.url}/playground/messages?conversationId=${encodeURIComponent(PLAYGROUND_CONVERSATION_ID)}&since=0`);
    const messages = (await res.json()) as Array<{ replyToId: string | null; attachments: Array<{ content?: unknown }> }>;
    return JSON.stringify(messages.find((m) => m.replyToId === activityId)?.attachments[0]?.content ?? {});
  }
  async start(dir: string): Promise<void> {
    this.server = await startConvene(dir, this.name);
  }
  async stop(): Promise<void> {
    await this.server?.close();
  }
}

class SlackDriver implements ChannelDriver {
  readonly name = "slack";
  server!: RunningServer;
  private readonly secret = "scenario-signing-secret-0123456789";
  private readonly team = "T0CASE";
  private users: Record<Person, TestSlackUser> = {
    sw: { id: "U0SW", name: "Sam Okafor", email: "sam@la.example", teamId: "T0CASE" },
    police: { id: "U0POLICE", name: "DC Priya Shah", email: "priya@police.example", teamId: "T0POLICE" },
    health: { id: "U0HEALTH", name: "Hana Lewis", email: "hana@nhs.example", teamId: "T0CASE" },
    intruder: { id: "U0OTHER", name: "Alex Other", email: null, teamId: "T0CASE" },
  };
  names = { sw: "Sam Okafor", police: "DC Priya Shah", health: "Hana Lewis", intruder: "Alex Other" };
  private slack = new FakeSlackWebApi(Object.values(this.users), this.team);
  private readonly ctx = { teamId: this.team, channelId: "C0CASE" };

  async start(dir: string): Promise<void> {
    await this.slack.start();
    this.server = await startConvene(dir, this.name, { SLACK_SIGNING_SECRET: this.secret, SLACK_BOT_TOKEN: "xoxb-test-token", SLACK_API_URL: this.slack.apiUrl });
  }
  async stop(): Promise<void> {
    await this.server?.close();
    await this.slack.stop();
  }

  private async post(req: SlackRequest): Promise<Record<string, unknown> | null> {
    const now = Math.floor(this.server.context.clock.now().getTime() / 1000);
    const res = await fetch(`${this.server.url}/slack/events`, { method: "POST", headers: signedHeaders(this.secret, req, now), body: req.body });
    expect(res.status).toBe(200);
    const text = await res.text();
    return text ? (JSON.parse(text) as Record<string, unknown>) : null;
  }

  /** What reached the person privately since `before` ephemerals, as one text. */
  private ephemeralsSince(before: number, who: Person): string {
    return JSON.stringify(this.slack.callsOf("chat.postEphemeral").slice(before).filter((c) => c.args.user === this.users[who].id).map((c) => c.args));
  }

  async say(who: Person, text: string): Promise<Answer> {
    return { text: JSON.stringify(await this.post(slashCommand(this.ctx, this.users[who], text))), refused: false };
  }

  async press(who: Person, action: ActionId, target: string): Promise<Answer> {
    const before = this.slack.callsOf("chat.postEphemeral").length;
    await this.post(blockAction(this.ctx, this.users[who], { actionId: slackActionId(action, target), value: target }));
    const text = this.ephemeralsSince(before, who);
    return { text, refused: text !== "[]" };
  }

  async conveneStrategy(who: Person): Promise<Answer> {
    await this.say(who, `strategy ${CASE}`);
    const view = this.slack.lastOpenedView();
    const before = this.slack.callsOf("chat.postEphemeral").length;
    const ack = await this.post(
      viewSubmission(this.ctx, this.users[who], view, { ...conveneValues, "person_social-worker": this.users.sw.id, person_police: this.users.police.id, person_health: this.users.health.id }),
    );
    expect(ack).toBeNull();
    return { text: this.ephemeralsSince(before, who), refused: false };
  }

  async markHeld(who: Person, meetingId: string): Promise<Answer> {
    await this.press(who, ActionId.MarkHeld, meetingId);
    const view = this.slack.lastOpenedView();
    expect(view.callback_id).toBe(ActionId.MarkHeld);
    const ack = await this.post(viewSubmission(this.ctx, this.users[who], view, {}));
    return { text: JSON.stringify(ack), refused: ack !== null };
  }

  async changeInvitees(who: Person, meetingId: string, values: Record<string, string>): Promise<Answer> {
    await this.press(who, ActionId.ChangeInvitees, meetingId);
    const view = this.slack.lastOpenedView();
    expect(view.callback_id).toBe(ActionId.ChangeInvitees);
    const ack = await this.post(viewSubmission(this.ctx, this.users[who], view, values));
    return { text: JSON.stringify(ack), refused: ack !== null };
  }

  async recordDecision(who: Person, meetingId: string, values: Record<string, string>): Promise<Answer> {
    await this.press(who, ActionId.OpenRecord, meetingId);
    const view = this.slack.lastOpenedView();
    expect(view.callback_id).toBe(ActionId.SubmitRecord);
    const before = this.slack.callsOf("chat.postEphemeral").length;
    // "Check" replaces the form with the record as it will be saved; its submit is Save.
    const checked = await this.post(viewSubmission(this.ctx, this.users[who], view, values));
    if (checked?.response_action !== "update") return { text: JSON.stringify(checked), refused: true };
    const preview = checked.view as typeof view;
    expect(JSON.stringify(preview.blocks)).toContain("Check the record before saving");
    const ack = await this.post(viewSubmission(this.ctx, this.users[who], { ...preview, id: `${view.id}-preview`, hash: `${view.hash}-preview` } as typeof view, {}));
    return { text: JSON.stringify(ack) + this.ephemeralsSince(before, who), refused: ack !== null };
  }
}

/** The stored state of the case, with platform ids dropped and each channel's names replaced by who they are. */
async function storedState(driver: ChannelDriver) {
  const p = driver.server.context.prisma;
  const canon = (text: string) => Object.entries(driver.names).reduce((t, [who, name]) => t.split(name).join(`<${who}>`), text);
  const meeting = await p.meeting.findFirstOrThrow();
  const invitations = await p.invitation.findMany({ where: { meetingId: meeting.id }, orderBy: { role: "asc" } });
  const records = await p.decisionRecord.findMany({ orderBy: { version: "asc" } });
  const deadlines = await p.deadline.findMany({ orderBy: [{ rule: "asc" }, { dueDate: "asc" }] });
  const actions = await p.action.findMany({ orderBy: { description: "asc" } });
  return {
    meeting: { kind: meeting.kind, status: meeting.status, urgency: meeting.urgency, mode: meeting.mode, scheduledAt: meeting.scheduledAt?.toISOString() ?? null, concern: meeting.concern },
    invitations: invitations.map((i) => ({
      role: i.role,
      agency: i.agency,
      required: i.required,
      inviteeKind: i.inviteeKind,
      inviteeLabel: canon(i.inviteeLabel),
      response: i.response,
      seniorityConfirmed: i.seniorityConfirmed,
      attendance: i.attendance,
    })),
    records: records.map((r) => ({ version: r.version, kind: r.kind, payload: JSON.parse(canon(JSON.stringify(r.payload))) as unknown, reason: r.reason })),
    deadlines: deadlines.map((d) => ({ rule: d.rule, sourceDate: d.sourceDate, dueDate: d.dueDate, status: d.status })),
    actions: actions.map((a) => ({ description: a.description, dueDate: a.dueDate, status: a.status, owner: canon(a.ownerLabel) })),
  };
}

describe("one conversation through Teams, Slack and the playground", () => {
  const drivers: ChannelDriver[] = [new TeamsDriver(), new SlackDriver(), new PlaygroundDriver()];
  const dir = mkdtempSync(path.join(tmpdir(), "convene-scenario-"));
  /** What each channel answered at each step, reduced to what a person would take from it. */
  const gist: Record<string, Record<string, unknown>> = {};

  beforeAll(async () => {
    for (const d of drivers) await d.start(dir);
  });
  afterAll(async () => {
    for (const d of drivers) await d.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it.each(drivers.map((d) => [d.name, d] as const))("runs the whole conversation in %s", async (_name, d) => {
    const g: Record<string, unknown> = {};
    const rowOf = async (role: string) => {
      const meeting = await d.server.context.prisma.meeting.findFirstOrThrow();
      return (await d.server.context.prisma.invitation.findFirstOrThrow({ where: { meetingId: meeting.id, role } })).id;
    };

    const link = await d.say("sw", `link ${CASE}`);
    g.link = link.text.includes(`Linked to case ${CASE}`);

    const convened = await d.conveneStrategy("sw");
    g.convened = convened.text.includes(`Strategy discussion convened · ${CASE}`);
    await drainOutbox(d.server.context);
    const meetingId = (await d.server.context.prisma.meeting.findFirstOrThrow()).id;

    // Police answering the health row is refused, privately, and changes nothing.
    const wrong = await d.press("police", ActionId.Accept, await rowOf("health"));
    g.wrongUser = { refused: wrong.refused, names: wrong.text.includes(`Only ${d.names.health}`) };
    expect((await d.server.context.prisma.invitation.findFirstOrThrow({ where: { role: "health" } })).response).toBe("invited");

    // An agency row added after convening, then taken off again: the roster follows, in every channel.
    const added = await d.changeInvitees("sw", meetingId, { contact_other: "Housing options duty officer", agency_other: "Housing" });
    const addedRow = await d.server.context.prisma.invitation.findFirst({ where: { role: "other" } });
    const removed = await d.changeInvitees("sw", meetingId, { remove_other: "true" });
    g.changedInvitees = { added: !added.refused && addedRow?.inviteeLabel === "Housing options duty officer", removed: !removed.refused && !(await d.server.context.prisma.invitation.findFirst({ where: { role: "other" } })) };

    const answers: Record<string, boolean> = {};
    for (const who of ["sw", "police", "health"] as const) answers[who] = !(await d.press(who, ActionId.Accept, await rowOf(ROLE_OF[who]))).refused;
    g.answers = answers;

    // The discussion is on Tuesday 24 November: held is marked on its day.
    (d.server.context.clock as ReturnType<typeof fixedClock>).set("2026-11-24T11:00:00Z");
    g.held = !(await d.markHeld("sw", meetingId)).refused;
    // Attendees come from the roster, so nobody is typed twice (names differ by channel).
    const recorded = await d.recordDecision("sw", meetingId, e2eDecisionValues({ attendees: "" }));
    g.recorded = !recorded.refused;
    await drainOutbox(d.server.context);

    const deadlines = await d.say("sw", `deadlines ${CASE}`);
    const open = await d.server.context.prisma.deadline.findMany({ where: { status: "open" } });
    // The clock the discussion opened, and the action it agreed, are both named.
    g.deadlines = { reference: deadlines.text.includes(CASE), count: open.length, icpc: deadlines.text.includes(getRule("icpc").title), action: deadlines.text.includes("Arrange the medical") };
    g.unknownWord = (await d.say("sw", "frobnicate")).text.includes('did not understand \\"frobnicate\\"');
    gist[d.name] = g;
  });

  it("answers alike in every channel", () => {
    const expected = {
      link: true,
      convened: true,
      wrongUser: { refused: true, names: true },
      changedInvitees: { added: true, removed: true },
      answers: { sw: true, police: true, health: true },
      held: true,
      recorded: true,
      deadlines: { reference: true, count: expect.any(Number), icpc: true, action: true },
      unknownWord: true,
    };
    for (const d of drivers) expect(gist[d.name]).toEqual(expected);
    expect(new Set(drivers.map((d) => (gist[d.name]!.deadlines as { count: number }).count)).size).toBe(1);
  });

  it("stores the same rows in every channel, apart from platform ids and names", async () => {
    const [teams, ...others] = await Promise.all(drivers.map(storedState));
    expect(teams!.invitations.find((i) => i.role === "school")).toMatchObject({ agency: "Education", inviteeKind: "agency", inviteeLabel: "School DSL duty line", required: false });
    expect(teams!.invitations.filter((i) => i.required).map((i) => i.role).sort()).toEqual(["health", "police", "social-worker"]);
    expect(teams!.records).toHaveLength(1);
    expect(teams!.meeting.status).toBe("recorded");
    for (const other of others) expect(other).toEqual(teams);
  });
});
