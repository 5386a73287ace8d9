import { createApp } from "../../../src/app/create-app";
import type { App } from "../../../src/app/app";
import type { ActorIdentity } from "../../../src/app/ports/actor";
import { ActionId } from "../../../src/app/conversation/action-id";
import type { ConversationReply } from "../../../src/app/conversation/conversation-reply";
import type { ConversationTurn } from "../../../src/app/conversation/conversation-turn";
import { handleAction } from "../../../src/app/conversation/handle-action";
import { handleTypedCommand } from "../../../src/app/conversation/handle-typed-command";
import { registerPractitioner } from "../../../src/app/use-cases/register-practitioner";
import { createWorkingDayCalendar } from "../../../src/domain/calendar/working-day-calendar";
import { fixedClock } from "../../../src/domain/shared/clock";
import { actors, conversation } from "../../helpers/app-actors";
import { silentLogger } from "../../helpers/seed-strategy-case";
import { createTestDatabase, type TestDatabase } from "../../helpers/test-database";

// The section 47 enquiry from chat, through the conversation core every channel uses: a start
// date the social worker records (`s47`), and its outcome from the deadlines card's form.
describe("section 47 enquiry from chat, on a real SQLite file", () => {
  let db: TestDatabase;
  let app: App;
  let n = 0;
  const clock = fixedClock("2027-01-06T10:00:00Z");
  const calendar = createWorkingDayCalendar();
  const turn = (actor: ActorIdentity = actors.socialWorker): ConversationTurn => ({
    key: `turn-${++n}`, conversation, personal: false, commandPrefix: "",
    actor: async () => actor, resolvePerson: async () => actor, conversationRef: () => "{}",
  });
  const deps = () => ({ app, logger: silentLogger });
  const say = (text: string, actor?: ActorIdentity) => handleTypedCommand(deps(), turn(actor), text);
  const press = (action: ActionId, data: Record<string, unknown>, actor?: ActorIdentity) => handleAction(deps(), turn(actor), action, data);
  const errorsOf = (r: ConversationReply) => (r.kind === "form" ? r.form.errors : {});

  beforeAll(async () => {
    db = await createTestDatabase("enquiry-chat");
    app = createApp({ uow: db.uow, clock, calendar, logger: silentLogger });
    await app.linkChannel({ key: "link", actor: actors.socialWorker, conversation, caseRef: "CS-2026-0950", conversationRef: "{}" });
  });
  afterAll(() => db.dispose());

  it("s47 <ref> <date> starts an enquiry on that date with its one initial conference clock", async () => {
    const r = await say("s47 CS-2026-0950 2026-12-18");
    expect(r).toMatchObject({ kind: "notice", audience: "conversation", notice: { title: "CS-2026-0950: section 47 enquiry started" } });
    expect(JSON.stringify(r)).toContain("Wed 13 Jan 2027");
    const e = await db.prisma.section47Enquiry.findFirstOrThrow();
    expect(e).toMatchObject({ startDate: "2026-12-18", startSource: "recorded", startedByMeetingId: null, status: "open" });
    const d = await db.prisma.deadline.findFirstOrThrow({ where: { rule: "icpc" } });
    expect(d).toMatchObject({ sourceId: e.id, sourceKind: "s47-enquiry", sourceDate: "2026-12-18", dueDate: "2027-01-13" });
    // A second start while it is under way is refused privately, and opens no second clock.
    const again = await say("s47 CS-2026-0950 2026-12-21");
    expect(again).toMatchObject({ kind: "notice", audience: "actor", tone: "error" });
    expect(JSON.stringify(again)).toContain("still under way");
    expect(await db.prisma.deadline.count({ where: { rule: "icpc" } })).toBe(1);
    // Usage without a date, and a stranger, are refused privately.
    expect(JSON.stringify(await say("s47 CS-2026-0950"))).toContain("Give a case reference and a date");
    expect(JSON.stringify(await say("s47 CS-2026-0950 2026-12-17", actors.stranger))).toContain("Only the case's social worker");
  });

  it("offers the outcome form on the deadlines card while the enquiry is open", async () => {
    const r = await say("deadlines");
    if (r.kind !== "deadlines") throw new Error(r.kind);
    const e = await db.prisma.section47Enquiry.findFirstOrThrow();
    expect(r.deadlines.openEnquiry).toEqual({ id: e.id, startDateLabel: "Fri 18 Dec 2026", startedBy: "recorded" });
    const form = await press(ActionId.RecordEnquiryOutcome, { enquiryId: e.id });
    expect(form).toMatchObject({ kind: "form", form: { descriptor: { submitLabel: "Record the enquiry outcome" } } });
  });

  it("refuses outcomes that contradict the record, beside the box, and changes nothing", async () => {
    const e = await db.prisma.section47Enquiry.findFirstOrThrow();
    const submit = (values: Record<string, string>, actor?: ActorIdentity) => press(ActionId.RecordEnquiryOutcome, { enquiryId: e.id, ...values }, actor);
    expect(errorsOf(await submit({ outcome: "substantiated-no-conference", date: "2027-01-05", reason: "" }))).toHaveProperty("reason");
    expect(errorsOf(await submit({ outcome: "not-substantiated", date: "2027-01-07" }))).toHaveProperty("date"); // the future
    expect(errorsOf(await submit({ outcome: "not-substantiated", date: "2026-12-17" }))).toHaveProperty("date"); // before it started
    expect(errorsOf(await submit({ outcome: "maybe", date: "2027-01-05" }))).toHaveProperty("outcome");
    // A manager waives the clock: "substantiated, conference" now has no clock to meet.
    await registerPractitioner(
      { uow: db.uow, clock, calendar, logger: silentLogger },
      { identity: actors.manager, agency: "Children's social care", role: "team-manager", managerOfCase: "CS-2026-0950", operator: "test" },
    );
    const icpc = await db.prisma.deadline.findFirstOrThrow({ where: { rule: "icpc" } });
    await app.waiveDeadline({ key: "waive", actor: actors.manager, conversation, deadlineId: icpc.id, reason: "Enquiry paused while the family is abroad" });
    const contradicted = await submit({ outcome: "substantiated-icpc", date: "2027-01-05" });
    expect(errorsOf(contradicted).outcome).toContain("no open initial conference clock");
    expect(await db.prisma.section47Enquiry.findFirstOrThrow()).toMatchObject({ status: "open", outcome: null });
    // Someone who does not manage the case is refused privately.
    expect(await submit({ outcome: "not-substantiated", date: "2027-01-05" }, actors.stranger)).toMatchObject({ kind: "refusal" });
  });

  it("records 'not substantiated': the enquiry closes, the case channel is told, the card no longer offers it", async () => {
    const e = await db.prisma.section47Enquiry.findFirstOrThrow();
    const r = await press(ActionId.RecordEnquiryOutcome, { enquiryId: e.id, outcome: "not-substantiated", date: "2027-01-05" });
    if (r.kind !== "deadlines") throw new Error(JSON.stringify(r));
    expect(r.notice?.title).toBe("Section 47 enquiry outcome · CS-2026-0950");
    expect(r.deadlines.openEnquiry).toBeUndefined();
    expect(await db.prisma.section47Enquiry.findFirstOrThrow()).toMatchObject({ status: "closed", outcome: "not-substantiated", outcomeDate: "2027-01-05" });
    expect(await db.prisma.outboxMessage.count({ where: { idempotencyKey: { startsWith: `enquiry/${e.id}/outcome/` } } })).toBe(1);
    expect(await press(ActionId.RecordEnquiryOutcome, { enquiryId: e.id })).toMatchObject({ kind: "refusal" });
  });

  it("'no conference' stops the clock citing the outcome; substantiated with a conference keeps it open", async () => {
    clock.set("2027-01-20T10:00:00Z");
    await say("s47 CS-2026-0950 2027-01-18");
    const second = await db.prisma.section47Enquiry.findFirstOrThrow({ where: { startDate: "2027-01-18" } });
    await press(ActionId.RecordEnquiryOutcome, { enquiryId: second.id, outcome: "substantiated-no-conference", date: "2027-01-19", reason: "A child in need plan with the family's agreement is enough" });
    expect(await db.prisma.section47Enquiry.findUniqueOrThrow({ where: { id: second.id } })).toMatchObject({ status: "closed", outcomeReason: "A child in need plan with the family's agreement is enough" });
    expect(await db.prisma.deadline.findFirstOrThrow({ where: { sourceId: second.id } })).toMatchObject({ status: "waived", waivedReason: "Section 47 enquiry outcome: concerns substantiated: no conference (say why)" });

    clock.set("2027-02-10T10:00:00Z");
    await say("s47 CS-2026-0950 2027-02-08");
    const third = await db.prisma.section47Enquiry.findFirstOrThrow({ where: { startDate: "2027-02-08" } });
    const r = await press(ActionId.RecordEnquiryOutcome, { enquiryId: third.id, outcome: "substantiated-icpc", date: "2027-02-09" });
    expect(JSON.stringify(r)).toContain("still due by");
    expect(await db.prisma.section47Enquiry.findUniqueOrThrow({ where: { id: third.id } })).toMatchObject({ status: "awaiting-conference" });
    expect(await db.prisma.deadline.findFirstOrThrow({ where: { sourceId: third.id } })).toMatchObject({ status: "open" });
    // Awaiting its conference, the enquiry is still under way: no other may start.
    await say("s47 CS-2026-0950 2027-02-10");
    expect(await db.prisma.section47Enquiry.count()).toBe(3);
  });
});
