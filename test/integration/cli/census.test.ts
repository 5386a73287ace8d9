import { runCli } from "../../../src/cli/cli-errors";
import { COMMANDS } from "../../../src/cli/main";
import { fixedClock } from "../../../src/domain/shared/clock";
import { seedRecordedStrategyCase } from "../../helpers/seed-strategy-case";
import { createTestDatabase, databaseEnv, type TestDatabase } from "../../helpers/test-database";

describe("convene census, on a real database", () => {
  let db: TestDatabase;
  const cli = (...argv: string[]) => runCli(argv, { commands: COMMANDS, env: { DATABASE_URL: db.url, ...databaseEnv(db.url), CONVENE_TENANT: "t1" } });

  beforeAll(async () => {
    db = await createTestDatabase("cli-census");
    await seedRecordedStrategyCase(db.uow, fixedClock("2026-11-23T15:00:00Z"));
  });
  afterAll(() => db.dispose());

  it("writes the header and one row per section 47 enquiry to stdout, a summary to stderr", async () => {
    const r = await cli("census", "--from", "2026-04-01", "--to", "2027-03-31");
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split("\n");
    expect(lines[0]).toMatch(/^Case reference,N00148 S47 start date,N00109 ICPC target date,N00110 ICPC date,/);
    // The strategy discussion's record dates it Mon 10 Mar 2025: that started the enquiry, and the
    // ICPC is due 15 working days later; still open, it is in every period from then on.
    expect(lines.slice(1)).toEqual(["CS-2026-0142,2025-03-10,2025-03-31,,,,,,,"]);
    expect(r.stderr).toBe("census: 1 row(s) from 1 case(s) in tenant t1, 2026-04-01 to 2027-03-31\n");
  });

  it("gives only the header for a period before the enquiry, or another tenant", async () => {
    expect((await cli("census", "--from", "2024-04-01", "--to", "2025-03-09")).stdout.trim().split("\n")).toHaveLength(1);
    expect((await cli("census", "--from", "2026-04-01", "--to", "2027-03-31", "--tenant", "other")).stdout.trim().split("\n")).toHaveLength(1);
  });

  it("refuses bad dates with one line and exit 2", async () => {
    for (const argv of [["--from", "2026-02-30", "--to", "2027-03-31"], ["--from", "2027-04-01", "--to", "2026-03-31"], ["--from", "yesterday", "--to", "2027-03-31"], ["--to", "2027-03-31"]]) {
      const r = await cli("census", ...argv);
      expect(r.code).toBe(2);
      expect(r.stdout).toBe("");
      expect(r.stderr.trim().split("\n")).toHaveLength(1);
      expect(r.stderr).toMatch(/^convene: /);
    }
  });
});
