import { createDeadlines } from "../../../src/app/deadlines/plan-deadlines";
import { runCli } from "../../../src/cli/cli-errors";
import { COMMANDS } from "../../../src/cli/main";
import { createWorkingDayCalendar } from "../../../src/domain/calendar/working-day-calendar";
import { fixedClock } from "../../../src/domain/shared/clock";
import { createTestDb, seedCase, teamsLink, type TestDb } from "../../helpers/nudge-fixtures";
import { databaseEnv } from "../../helpers/test-database";

describe("convene nudges run --now", () => {
  let db: TestDb;
  beforeAll(async () => {
    db = await createTestDb("convene-cli-nudges-");
    const clock = fixedClock("2026-12-17T14:00:00Z");
    await db.uow.run(async (repos) => {
      const c = await seedCase(repos, { caseId: "c1", reference: "CS-2026-0142", links: [teamsLink("L1", "c1")] });
      await createDeadlines(repos, c, [{ rule: "icpc", sourceKind: "strategy-discussion", sourceId: "m1", from: "2026-12-17" }], { clock, calendar: createWorkingDayCalendar() });
    });
  });
  afterAll(() => db.close());

  it("runs one pass as of --now and prints each nudge (late after a gap), idempotently", async () => {
    const env = { DATABASE_URL: db.url, ...databaseEnv(db.url) };
    const first = await runCli(["nudges", "run", "--now", "2027-01-12T10:30:00Z"], { commands: COMMANDS, env });
    expect(first).toEqual({ code: 0, stderr: "", stdout: "CS-2026-0142\ticpc\tdue-day\tlate\t(1 channel)\n1 nudge enqueued; 1 deadline due\n" });
    const again = await runCli(["nudges", "run", "--now", "2027-01-12T10:45:00Z"], { commands: COMMANDS, env });
    expect(again.stdout).toBe("0 nudges enqueued; 0 deadlines due\n");
  });

  it("refuses a --now without a zone", async () => {
    const r = await runCli(["nudges", "run", "--now", "2027-01-12 09:00"], { commands: COMMANDS, env: { DATABASE_URL: db.url, ...databaseEnv(db.url) } });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("--now");
  });
});
