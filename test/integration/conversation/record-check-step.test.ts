import { createApp } from "../../../src/app/create-app";
import type { App } from "../../../src/app/app";
import { ActionId } from "../../../src/app/conversation/action-id";
import type { ConversationReply } from "../../../src/app/conversation/conversation-reply";
import type { ConversationTurn } from "../../../src/app/conversation/conversation-turn";
import { handleAction } from "../../../src/app/conversation/handle-action";
import type { ActorIdentity } from "../../../src/app/ports/actor";
import { createWorkingDayCalendar } from "../../../src/domain/calendar/working-day-calendar";
import { fixedClock } from "../../../src/domain/shared/clock";
import { actors, conversation } from "../../helpers/app-actors";
import { createTestDatabase, type TestDatabase } from "../../helpers/test-database";
import { strategyFormValuesFixture } from "../../fixtures/strategy-record.fixture";

// A form people can finish: the meeting and the roster fill what Convene already knows, a
// submission is checked (the record and the advice) before Save, and names that come from
// the platform never block saving.

const silent = { info() {}, warn() {}, error() {}, debug() {} };
let seq = 0;
const turn = (actor: ActorIdentity): ConversationTurn => ({
  key: `k-${++seq}`,
  conversation,
  personal: false,
  commandPrefix: "",
  actor: async () => actor,
  resolvePerson: async () => actor,
  conversationRef: () => "{}",
});

describe("the decision form: prefilled, checked, then saved", () => {
  let db: TestDatabase;
  let app: App;
  let meetingId = "";
  const clock = fixedClock("2026-11-23T09:00:00Z");
  // A Teams display name of 180 characters: longer than any name box, and not the recorder's to change.
  const longName = `Dr ${"Very-Long-Name ".repeat(11)}Lewis`.slice(0, 180);
  const health: ActorIdentity = { ...actors.health, displayName: longName };
  const press = (actor: ActorIdentity, action: ActionId, data: Record<string, unknown>) => handleAction({ app, logger: silent }, turn(actor), action, { meetingId, ...data });

  beforeAll(async () => {
    db = await createTestDatabase("conversation-record-check");
    app = createApp({ uow: db.uow, clock, calendar: createWorkingDayCalendar(), logger: silent });
    const base = (key: string, actor: ActorIdentity = actors.socialWorker) => ({ key, actor, conversation });
    await app.linkChannel({ ...base("link"), caseRef: "CS-2026-0900", conversationRef: "{}" });
    const convened = await app.conveneMeeting({
      ...base("convene"), caseRef: "CS-2026-0900", kind: "strategy-discussion", concern: "Concern", urgency: "today", scheduledLocal: "2026-11-23T14:30", mode: "call",
      invitees: [
        { role: "social-worker", agency: "Children's social care", person: actors.socialWorker },
        { role: "health", agency: "Health", person: health },
        { role: "police", agency: "Police", person: actors.police },
      ],
    });
    meetingId = convened.meetingId;
    for (const [i, who] of [actors.socialWorker, health, actors.police].entries()) {
      await app.respondToInvitation({ ...base(`a${i}`, who), invitationId: convened.roster.rows[i]!.invitationId, answer: { kind: "accept" } });
    }
    await app.markMeetingHeld({ ...base("held"), meetingId });
  });
  afterAll(() => db.dispose());

  it("prefills the date, time and mode, lists the roster's attendees, and does not require them again", async () => {
    const reply = await press(actors.socialWorker, ActionId.OpenRecord, {});
    if (reply.kind !== "form") throw new Error(reply.kind);
    expect(reply.form.values).toMatchObject({ "meeting.date": "2026-11-23", "meeting.time": "14:30", "meeting.mode": "call" });
    const attendees = reply.form.descriptor.fields.find((f) => f.id === "attendees")!;
    expect(attendees.required).toBe(false);
    expect(attendees.help).toContain("Pat Police (Police)");
    expect(reply.form.descriptor.submitLabel).toBe("Check the record");
  });

  it("shows every text box's limit in its label", async () => {
    const reply = await press(actors.socialWorker, ActionId.OpenRecord, {});
    if (reply.kind !== "form") throw new Error(reply.kind);
    const texts = reply.form.descriptor.fields.filter((f) => f.type === "text" || f.type === "multiline");
    expect(texts.length).toBeGreaterThan(10);
    for (const f of texts) expect(f.label).toMatch(/\(up to [\d,]+ characters\)$/);
    expect(texts.find((f) => f.id === "signsOfSafety.worries")!.label).toContain("(up to 3,000 characters)");
  });

  let checked: ConversationReply;
  it("checks first: the record as it will be saved, with the plain-language advice, and nothing saved", async () => {
    const { attendees: _typed, ...values } = strategyFormValuesFixture;
    checked = await press(actors.socialWorker, ActionId.SubmitRecord, { ...values, "signsOfSafety.worries": "Mother is non-compliant and refused to engage." });
    if (checked.kind !== "record-preview") throw new Error(JSON.stringify(checked));
    expect(checked.preview.record.version).toBe(1);
    expect(checked.preview.advice.join("\n")).toMatch(/non-compliant|refused to engage/);
    const who = checked.preview.record.sections.find((s) => s.title === "Attendance")!;
    // The 180-character display name is in the record, whole: derived values never fail validation.
    expect(JSON.stringify(who)).toContain(longName);
    expect(checked.preview.buttons.map((b) => b.title)).toEqual(["Save decision record", "Edit"]);
    expect(await db.prisma.decisionRecord.count()).toBe(0);
  });

  it("Edit brings the form back with what was checked; nobody else can use the check", async () => {
    if (checked.kind !== "record-preview") throw new Error("no preview");
    const edit = checked.preview.buttons.find((b) => b.title === "Edit")!;
    const back = await press(actors.socialWorker, edit.action, edit.data);
    if (back.kind !== "form") throw new Error(back.kind);
    expect(back.form.values["signsOfSafety.worries"]).toContain("refused to engage");
    const save = checked.preview.buttons[0]!;
    const stolen = await press(actors.police, save.action, save.data);
    expect(stolen.kind).toBe("refusal");
    expect(await db.prisma.decisionRecord.count()).toBe(0);
  });

  it("Save stores exactly what was checked, and the drafts go", async () => {
    if (checked.kind !== "record-preview") throw new Error("no preview");
    const save = checked.preview.buttons[0]!;
    const saved = await press(actors.socialWorker, save.action, save.data);
    expect(saved).toMatchObject({ kind: "roster", notice: expect.stringContaining("version 1 saved") });
    const row = await db.prisma.decisionRecord.findFirstOrThrow({ where: { meetingId } });
    expect(row.payload).toContain("refused to engage");
    expect(JSON.parse(row.payload).attendees.map((a: { name: string }) => a.name)).toContain(longName);
    expect(await db.prisma.recordDraft.count()).toBe(0);
    // The Save button pressed again (a redelivery or a second click) saves nothing more.
    const again = await press(actors.socialWorker, save.action, save.data);
    expect(again.kind).toBe("refusal");
    expect(await db.prisma.decisionRecord.count()).toBe(1);
  });
});
