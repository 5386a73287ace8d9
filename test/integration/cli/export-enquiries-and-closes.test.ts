import { readFileSync } from "node:fs";
import path from "node:path";
import { runCli } from "../../../src/cli/cli-errors";
import { COMMANDS } from "../../../src/cli/main";
import { fixedClock } from "../../../src/domain/shared/clock";
import { actors, conversation } from "../../helpers/app-actors";
import { seedRecordedStrategyCase } from "../../helpers/seed-strategy-case";
import { createTestDatabase, databaseEnv, type TestDatabase } from "../../helpers/test-database";

// The exports carry the section 47 enquiries and every clock's closing event, so the case file
// shows how each timescale was met, not only that it was.
describe("convene export: enquiries and closing events, on a real database", () => {
  let db: TestDatabase;
  const cli = (...argv: string[]) => runCli(argv, { commands: COMMANDS, env: { DATABASE_URL: db.url, ...databaseEnv(db.url), CONVENE_TENANT: "t1" } });

  beforeAll(async () => {
    db = await createTestDatabase("cli-export-closes");
    const clock = fixedClock("2026-11-23T15:00:00Z");
    const { app } = await seedRecordedStrategyCase(db.uow, clock);
    const [action] = await db.prisma.action.findMany({ orderBy: { dueDate: "asc" } });
    clock.set("2026-11-24T10:00:00Z");
    await app.closeAction({ key: "done", actor: actors.socialWorker, conversation, actionId: action!.id, outcome: "done" });
  });
  afterAll(() => db.dispose());

  it("JSON: the enquiry with its discussions, and the action's closing event on its own date, by name", async () => {
    const out = path.join(db.dir, "case.json");
    expect((await cli("export", "CS-2026-0142", "--by", "Sam Okafor", "--format", "json", "--out", out)).code).toBe(0);
    const json = JSON.parse(readFileSync(out, "utf8"));
    const meetingId = json.meetings[0].id;
    const icpc = json.deadlines.find((d: { rule: string }) => d.rule === "icpc");
    expect(json.enquiries).toEqual([{
      id: expect.any(String), startDate: "2025-03-10", startSource: "strategy-discussion", status: "open", outcome: null, outcomeLabel: null,
      outcomeReason: null, outcomeDate: null, outcomeBy: null, discussions: [{ meetingId, role: "initiated" }], icpcDeadlineId: icpc.id,
    }]);
    expect(icpc.closingEvent).toBeNull();
    const closed = json.deadlines.filter((d: { closingEvent: unknown }) => d.closingEvent !== null);
    expect(closed).toHaveLength(1);
    expect(closed[0]).toMatchObject({ rule: "action", status: expect.stringMatching(/^(met|missed)$/) });
    expect(closed[0].closingEvent).toEqual({ kind: "action-done", label: "marked done", on: "2026-11-24", by: "Sam Social Worker", meetingId: null, reason: null, detail: null });
  });

  it("HTML: a section 47 enquiries table, and the closing event beside each closed timescale", async () => {
    const out = path.join(db.dir, "case.html");
    expect((await cli("export", "CS-2026-0142", "--by", "Sam Okafor", "--format", "html", "--out", out)).code).toBe(0);
    const html = readFileSync(out, "utf8");
    expect(html).toContain("<h2>Section 47 enquiries</h2>");
    expect(html).toMatch(/<td>[^<]*10 March 2025<\/td><td>strategy discussion \(1 discussion\)<\/td><td>Under way<\/td><td>Not yet recorded<\/td>/);
    expect(html).toMatch(/marked done on [^<]*24 November 2026, recorded by Sam Social Worker/);
  });
});
