import { type CliResult, runCli } from "../../../src/cli/cli-errors";
import { register as registerDue } from "../../../src/cli/commands/due.command";
import { register as registerWorkingDays } from "../../../src/cli/commands/working-days.command";

const commands = [registerDue, registerWorkingDays];
const run = (args: string[], env: Record<string, string> = {}): Promise<CliResult> => runCli(args, { commands, env });

/** A usage failure: exit 2, nothing on stdout, exactly one "convene: ..." line on stderr. */
function expectUsageError(result: CliResult, pattern: RegExp): void {
  expect(result.code).toBe(2);
  expect(result.stdout).toBe("");
  expect(result.stderr).toMatch(/^convene: [^\n]+\n$/);
  expect(result.stderr).toMatch(pattern);
}

describe("convene due", () => {
  // Expected dates are worked by hand in statutory-rules.test.ts.
  it.each([
    ["referral-decision", "2024-03-28", "2024-04-02"],
    ["assessment", "2025-03-03", "2025-05-08"],
    ["icpc", "2026-12-18", "2027-01-13"],
    ["core-group", "2027-01-13", "2027-01-27"],
    ["first-review", "2024-02-27", "2024-05-24"],
    ["next-review", "2026-06-28", "2026-12-24"],
    ["transfer-in", "2023-04-24", "2023-05-17"],
    ["permanence-plan", "2024-10-31", "2025-02-28"],
    ["review-before-18", "2027-12-29", "2027-12-24"],
  ])("%s --from %s prints %s", async (rule, from, expected) => {
    expect(await run(["due", rule, "--from", from])).toEqual({ code: 0, stdout: `${expected}\n`, stderr: "" });
  });

  it("accepts --from=VALUE", async () => {
    expect((await run(["due", "icpc", "--from=2026-12-18"])).stdout).toBe("2027-01-13\n");
  });

  it("counts closure days from the flag and from CONVENE_CLOSURE_DAYS", async () => {
    const three = "2026-12-29,2026-12-30,2026-12-31";
    expect((await run(["due", "icpc", "--from", "2026-12-18", "--closure-days", three])).stdout).toBe("2027-01-18\n");
    expect((await run(["due", "icpc", "--from", "2026-12-18"], { CONVENE_CLOSURE_DAYS: three })).stdout).toBe("2027-01-18\n");
    // Env and flag combine: two closures push Wed 13 Jan to Fri 15 Jan.
    const both = await run(["due", "icpc", "--from", "2026-12-18", "--closure-days", "2026-12-30"], { CONVENE_CLOSURE_DAYS: " 2026-12-29 " });
    expect(both.stdout).toBe("2027-01-15\n");
  });

  it("rejects an unknown rule, listing the valid ones", async () => {
    const r = await run(["due", "icpcc", "--from", "2026-12-18"]);
    expectUsageError(r, /unknown rule "icpcc"; valid rules: referral-decision, assessment, icpc, core-group/);
    expect(r.stderr).toContain("review-before-18");
  });

  it("rejects action: its due date is its own date", async () => {
    expectUsageError(await run(["due", "action", "--from", "2026-12-18"]), /unknown rule "action"/);
  });

  it("rejects an impossible date", async () => {
    expectUsageError(await run(["due", "icpc", "--from", "2023-02-30"]), /--from: "2023-02-30" is not a real date/);
  });

  it("rejects a malformed date", async () => {
    expectUsageError(await run(["due", "icpc", "--from", "2023-2-1"]), /--from: "2023-2-1" is not a date in the form YYYY-MM-DD/);
  });

  it("rejects a bad closure day", async () => {
    expectUsageError(await run(["due", "icpc", "--from", "2023-02-01", "--closure-days", "2023-02-29"]), /--closure-days: /);
    expectUsageError(await run(["due", "icpc", "--from", "2023-02-01"], { CONVENE_CLOSURE_DAYS: "soon" }), /CONVENE_CLOSURE_DAYS: /);
  });

  it("rejects missing arguments", async () => {
    expectUsageError(await run(["due", "icpc"]), /required option '--from <date>' not specified/);
    expectUsageError(await run(["due"]), /--from|missing required argument/);
    expectUsageError(await run(["due", "icpc", "--from"]), /argument missing/);
    expectUsageError(await run(["due", "icpc", "extra", "--from", "2024-01-01"]), /too many arguments/);
    expectUsageError(await run(["due", "icpc", "--from", "2024-01-01", "--bogus"]), /unknown option '--bogus'/);
  });

  it("shows help and exits 0", async () => {
    const r = await run(["due", "--help"]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe("");
    expect(r.stdout).toContain("Usage: convene due [options] <rule>");
    expect(r.stdout).toContain("icpc");
    expect(r.stdout).toContain("within 15 working days of the strategy discussion");
  });
});

describe("convene working-days", () => {
  it("adds", async () => {
    expect(await run(["working-days", "add", "2022-12-23", "5"])).toEqual({ code: 0, stdout: "2023-01-04\n", stderr: "" });
    expect((await run(["working-days", "add", "2024-06-08", "0"])).stdout).toBe("2024-06-08\n");
    expect((await run(["working-days", "add", "2024-06-07", "1"], { CONVENE_CLOSURE_DAYS: "2024-06-10" })).stdout).toBe("2024-06-11\n");
  });

  it("counts between, negative when reversed", async () => {
    expect((await run(["working-days", "between", "2026-12-18", "2027-01-13"])).stdout).toBe("15\n");
    expect((await run(["working-days", "between", "2027-01-13", "2026-12-18"])).stdout).toBe("-15\n");
    expect((await run(["working-days", "between", "2024-06-09", "2024-06-08"])).stdout).toBe("0\n");
  });

  it.each(["-1", "1.5", "+2", "1e2", "three", "1000000"])("rejects n = %p", async (n) => {
    expectUsageError(await run(["working-days", "add", "2024-06-07", n]), /n must be a whole number of working days/);
  });

  it("rejects bad dates", async () => {
    expectUsageError(await run(["working-days", "add", "2023-02-30", "1"]), /date: "2023-02-30" is not a real date/);
    expectUsageError(await run(["working-days", "between", "2023-01-01", "2023-2-1"]), /to: "2023-2-1"/);
  });

  it("rejects missing arguments and a missing subcommand", async () => {
    expectUsageError(await run(["working-days", "add", "2024-06-07"]), /missing required argument 'n'/);
    expectUsageError(await run(["working-days"]), /missing command; try --help/);
    expectUsageError(await run(["working-days", "subtract", "2024-06-07", "1"]), /unknown command 'subtract'/);
  });

  it.each([["working-days", "--help"], ["working-days", "add", "--help"], ["working-days", "between", "--help"], ["help", "due"]])(
    "%s %s shows help and exits 0",
    async (...args) => {
      const r = await run(args.filter((a): a is string => a !== undefined));
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(/^Usage: convene /);
      expect(r.stderr).toBe("");
    },
  );
});

describe("convene", () => {
  it("rejects an unknown command on one line", async () => {
    expectUsageError(await run(["duee"]), /unknown command 'duee' \(Did you mean due\?\)/);
  });

  it("rejects no command on one line", async () => {
    expectUsageError(await run([]), /missing command/);
  });

  it("shows help and exits 0", async () => {
    const r = await run(["--help"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("Usage: convene [options] [command]");
    expect(r.stdout).toContain("working-days");
  });
});
