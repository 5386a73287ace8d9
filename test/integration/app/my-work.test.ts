import type { ActorIdentity } from "../../../src/app/ports/actor";
import { createApp } from "../../../src/app/create-app";
import { createConversation } from "../../../src/app/conversation/conversation";
import type { ConversationTurn } from "../../../src/app/conversation/conversation-turn";
import { ActionId, FROM_MY_WORK, MY_WORK_TARGET } from "../../../src/app/conversation/action-id";
import { registerPractitioner } from "../../../src/app/use-cases/register-practitioner";
import { createWorkingDayCalendar } from "../../../src/domain/calendar/working-day-calendar";
import { fixedClock } from "../../../src/domain/shared/clock";
import { DomainError } from "../../../src/domain/shared/domain-error";
import { actors, conversation } from "../../helpers/app-actors";
import { silentLogger } from "../../helpers/seed-strategy-case";
import { createTestDatabase, type TestDatabase } from "../../helpers/test-database";

// "My meetings and actions": each person sees only rows that are theirs by our own data
// (named, delegated, claimed; convened; owned), only in their own tenant, and can answer
// and close from their personal chat or App Home as they would from the case channel.
describe("listMyWork and `my`, on a real SQLite file", () => {
  let db: TestDatabase;
  let n = 0;
  const clock = fixedClock("2026-11-30T09:00:00Z");
  const CASE = "CS-2026-0701";
  const personal = (actor: ActorIdentity) => ({ platform: "teams" as const, conversationId: `a:personal-${actor.userId}` });
  const base = (actor: ActorIdentity = actors.socialWorker, conv: { platform: "teams"; conversationId: string } = conversation) => ({ key: `k-${++n}`, actor, conversation: conv });
  const codeOf = async (p: Promise<unknown>) => p.then(() => "no error", (e) => (e instanceof DomainError ? e.code : Promise.reject(e)));
  const deps = () => ({ uow: db.uow, clock, calendar: createWorkingDayCalendar(), logger: silentLogger });

  beforeEach(async () => {
    db = await createTestDatabase("my-work");
  });
  afterEach(() => db.dispose());

  /** A strategy discussion: the social worker and health named, police as the CAIT duty desk (an agency row). */
  async function convene(app: ReturnType<typeof createApp>) {
    await registerPractitioner(deps(), { identity: actors.police, agency: "Police", role: "police", operator: "test" });
    await app.linkChannel({ ...base(), caseRef: CASE, conversationRef: "{}" });
    const convened = await app.conveneMeeting({
      ...base(), caseRef: CASE, kind: "strategy-discussion", concern: "Bruising seen at school on Mia", urgency: "today", scheduledLocal: "2026-11-30T14:00", mode: "call",
      invitees: [
        { role: "social-worker", agency: "Children's social care", person: actors.socialWorker },
        { role: "health", agency: "Health", person: actors.health },
        { role: "police", agency: "Police", person: null, agencyContact: "Police CAIT duty desk" },
      ],
    });
    const [sw, health, police] = convened.roster.rows;
    return { meetingId: convened.meetingId, sw: sw!, health: health!, police: police! };
  }

  async function addAction(ownerUserId: string, description: string, dueDate: string, status = "open"): Promise<string> {
    const owner = await db.prisma.practitioner.findFirstOrThrow({ where: { platformUserId: ownerUserId } });
    const c = await db.prisma.case.findFirstOrThrow({ where: { reference: CASE } });
    const id = `act-${++n}`;
    await db.prisma.action.create({ data: { id, caseId: c.id, meetingId: null, ownerLabel: owner.displayName, ownerPractitionerId: owner.id, description, dueDate, status } });
    return id;
  }

  it("lists a named invitee's unanswered meeting with its case and time, never its concern, and drops it once answered", async () => {
    const app = createApp(deps());
    const { health, police } = await convene(app);
    const mine = await app.listMyWork({ actor: actors.health });
    expect(mine.toAnswer).toEqual([
      expect.objectContaining({ invitationId: health.invitationId, caseReference: CASE, kindTitle: "Strategy discussion", whenLabel: "Mon 30 Nov 2026, 14:00 (UK time)", roleLabel: "Health", reasonLabel: "Invited by name" }),
    ]);
    expect(JSON.stringify(mine)).not.toContain("Bruising");
    expect(JSON.stringify(mine)).not.toContain("Mia");
    // The police duty desk's row is for the channel to claim: not on the officer's own list, nor anyone's.
    expect((await app.listMyWork({ actor: actors.police })).toAnswer).toEqual([]);
    // Once the officer claims it by answering tentative, it is answered: still not listed.
    await app.respondToInvitation({ ...base(actors.police), invitationId: police.invitationId, answer: { kind: "tentative" } });
    expect((await app.listMyWork({ actor: actors.police })).toAnswer).toEqual([]);
    // Health answers from her personal chat (linked to no case), and the meeting leaves her list.
    await app.respondToInvitation({ ...base(actors.health, personal(actors.health)), invitationId: health.invitationId, answer: { kind: "accept" } });
    expect((await app.listMyWork({ actor: actors.health })).toAnswer).toEqual([]);
  });

  it("moves a delegated row to the delegate's list, and shows a stranger nothing at all", async () => {
    const app = createApp(deps());
    const { health } = await convene(app);
    await registerPractitioner(deps(), { identity: actors.stranger, agency: "Health", role: "health", operator: "test" });
    await app.respondToInvitation({ ...base(actors.health), invitationId: health.invitationId, answer: { kind: "delegate", delegate: actors.stranger } });
    expect((await app.listMyWork({ actor: actors.health })).toAnswer).toEqual([]);
    expect((await app.listMyWork({ actor: actors.stranger })).toAnswer).toEqual([expect.objectContaining({ invitationId: health.invitationId, reasonLabel: "Delegated to you" })]);
    // Someone Convene has never met: an empty list, and no practitioner row created by asking.
    const nobody: ActorIdentity = { platform: "teams", tenant: "t1", userId: "aad-nobody", displayName: "No Body" };
    const empty = await app.listMyWork({ actor: nobody });
    expect([empty.toAnswer, empty.convening, empty.actions]).toEqual([[], [], []]);
    expect(await db.prisma.practitioner.count({ where: { platformUserId: "aad-nobody" } })).toBe(0);
  });

  it("shows the convenor their open meeting with its gaps, and nobody else", async () => {
    const app = createApp(deps());
    const { health } = await convene(app);
    await app.respondToInvitation({ ...base(actors.health), invitationId: health.invitationId, answer: { kind: "decline", reason: "On leave this week" } });
    const mine = await app.listMyWork({ actor: actors.socialWorker });
    expect(mine.convening).toEqual([
      expect.objectContaining({ caseReference: CASE, kindTitle: "Strategy discussion", statusLabel: "Scheduled", answersLabel: "1 of 3 invitees answered", gaps: ["Health declined: invite someone else or record why the meeting goes ahead without them"], nextStep: null }),
    ]);
    // The social worker is also invited by name (their own row, unanswered).
    expect(mine.toAnswer.map((i) => i.roleLabel)).toEqual(["Social worker"]);
    expect((await app.listMyWork({ actor: actors.health })).convening).toEqual([]);
  });

  it("lists only the person's own open actions, soonest first, and they can mark one done from their personal chat", async () => {
    const app = createApp(deps());
    await convene(app);
    const later = await addAction("aad-sw", "Visit the family at home", "2026-12-10");
    const sooner = await addAction("aad-sw", "Send the chronology to police", "2026-11-27");
    await addAction("aad-sw", "Already done", "2026-11-20", "done");
    await addAction("aad-health", "Health check", "2026-12-01");
    const mine = await app.listMyWork({ actor: actors.socialWorker });
    expect(mine.actions.map((a) => [a.actionId, a.description, a.dueInLabel, a.overdue])).toEqual([
      [sooner, "Send the chronology to police", "overdue by 1 working day", true],
      [later, "Visit the family at home", "8 working days left", false],
    ]);
    // Someone else cannot close it from their personal chat either; the owner can.
    expect(await codeOf(app.closeAction({ ...base(actors.stranger, personal(actors.stranger)), actionId: sooner, outcome: "done" }))).toBe("NOT_AUTHORISED");
    await app.closeAction({ ...base(actors.socialWorker, personal(actors.socialWorker)), actionId: sooner, outcome: "done" });
    expect((await app.listMyWork({ actor: actors.socialWorker })).actions.map((a) => a.actionId)).toEqual([later]);
  });

  it("never lists another tenant's case, and refuses to close its action from a personal chat", async () => {
    const app = createApp(deps());
    const { health } = await convene(app);
    const action = await addAction("aad-health", "Health check", "2026-12-01");
    // The same practitioner row, asked for from another tenant's identity, is another person: nothing.
    const elsewhere: ActorIdentity = { ...actors.health, tenant: "t2" };
    const theirs = await app.listMyWork({ actor: elsewhere });
    expect([theirs.toAnswer, theirs.convening, theirs.actions]).toEqual([[], [], []]);
    // And a row that somehow names a t1 practitioner on a t2 case is not listed: the case's tenant decides.
    await db.prisma.case.updateMany({ where: { reference: CASE }, data: { tenant: "t2" } });
    const moved = await app.listMyWork({ actor: actors.health });
    expect([moved.toAnswer, moved.actions]).toEqual([[], []]);
    expect(await codeOf(app.closeAction({ ...base(actors.health, personal(actors.health)), actionId: action, outcome: "done" }))).toBe("ACTION_NOT_FOUND");
    expect(await codeOf(app.respondToInvitation({ ...base(actors.health, personal(actors.health)), invitationId: health.invitationId, answer: { kind: "accept" } }))).toBe("CASE_NOT_LINKED");
  });

  describe("the conversation", () => {
    const turn = (actor: ActorIdentity, over: Partial<ConversationTurn> = {}): ConversationTurn => ({
      key: `turn-${++n}`,
      conversation: personal(actor),
      personal: true,
      commandPrefix: "",
      actor: async () => actor,
      resolvePerson: async () => actor,
      conversationRef: () => "{}",
      ...over,
    });

    it("answers `my` and `mine` with the list in a personal chat or privately, and never in a Teams channel", async () => {
      const app = createApp(deps());
      await convene(app);
      const talk = createConversation({ app, logger: silentLogger });
      const inPersonal = await talk.handleText(turn(actors.health), "my");
      expect(inPersonal).toMatchObject({ kind: "my-work", myWork: { toAnswer: [expect.objectContaining({ roleLabel: "Health" })] } });
      expect((await talk.handleText(turn(actors.health), "mine")).kind).toBe("my-work");
      // A Teams channel: everyone reads the reply, so the list is not in it.
      const inChannel = await talk.handleText(turn(actors.health, { conversation, personal: false }), "my");
      expect(inChannel.kind).toBe("my-work-elsewhere");
      expect(JSON.stringify(inChannel)).not.toContain(CASE);
      // A Slack channel answers ephemerally: the list, for the typist alone.
      expect((await talk.handleText(turn(actors.health, { conversation, personal: false, privateReplies: true }), "my")).kind).toBe("my-work");
    });

    it("answers a press on the list with the list again: accepted, marked done, or refused with the reason", async () => {
      const app = createApp(deps());
      const { health, sw } = await convene(app);
      const action = await addAction("aad-health", "Health check", "2026-12-01");
      const talk = createConversation({ app, logger: silentLogger });
      const accepted = await talk.handleAction(turn(actors.health), ActionId.Accept, { invitationId: health.invitationId, ...FROM_MY_WORK });
      expect(accepted).toMatchObject({ kind: "my-work", notice: { title: "Your answer is recorded." }, tone: "info", myWork: { toAnswer: [] } });
      const done = await talk.handleAction(turn(actors.health), ActionId.MarkActionDone, { actionId: action, ...FROM_MY_WORK });
      expect(done).toMatchObject({ kind: "my-work", tone: "info", myWork: { actions: [] } });
      // Pressing someone else's row is refused, and the list comes back with why.
      const refused = await talk.handleAction(turn(actors.health), ActionId.Accept, { invitationId: sw.invitationId, ...FROM_MY_WORK });
      expect(refused).toMatchObject({ kind: "my-work", tone: "error", notice: { title: "Convene could not do that" } });
      // Decline without a reason asks for one; the form carries the marker through its submission.
      await app.conveneMeeting({
        ...base(), caseRef: CASE, kind: "core-group", concern: "Core group", urgency: "routine", scheduledLocal: "2026-12-03T10:00", mode: "meeting",
        invitees: [{ role: "social-worker", agency: "Children's social care", person: actors.socialWorker }, { role: "health", agency: "Health", person: actors.health }],
      });
      const next = (await app.listMyWork({ actor: actors.health })).toAnswer[0]!;
      const form = await talk.handleAction(turn(actors.health), ActionId.Decline, { invitationId: next.invitationId, role: "health", ...FROM_MY_WORK });
      expect(form).toMatchObject({ kind: "form", form: { descriptor: { data: { invitationId: next.invitationId, from: "my-work" } } } });
      const shown = await talk.handleAction(turn(actors.health), ActionId.ShowMyWork, { list: MY_WORK_TARGET });
      expect(shown).toMatchObject({ kind: "my-work", myWork: { toAnswer: [expect.objectContaining({ invitationId: next.invitationId })] } });
    });
  });
});
