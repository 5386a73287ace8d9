import { Command } from "commander";
import { type CliResult, runCli } from "../../../src/cli/cli-errors";
import { COMMANDS } from "../../../src/cli/main";
import { describeRule, STATUTORY_RULES } from "../../../src/domain/deadline/statutory-rules";

const run = (args: string[]): Promise<CliResult> => runCli(args, { commands: COMMANDS, env: {} });

/** Every command path the binary offers, e.g. ["due"], ["working-days", "add"]. */
function commandPaths(): string[][] {
  const program = new Command();
  for (const register of COMMANDS) register(program);
  const out: string[][] = [];
  const walk = (cmd: Command, path: string[]) => {
    for (const sub of cmd.commands) {
      const p = [...path, sub.name()];
      out.push(p);
      walk(sub, p);
    }
  };
  walk(program, []);
  return out;
}

// A person reads these before anything else: "before the 18th birthday of 18th birthday" once slipped through.
describe("every command's --help reads as English", () => {
  const paths = commandPaths();

  it("finds every command, subcommands included", () => {
    expect(paths.map((p) => p.join(" "))).toEqual(expect.arrayContaining(["due", "working-days add", "agencies remove", "nudges run", "audit verify"]));
  });

  it.each(paths.map((p) => [p.join(" "), p]))("convene %s --help", async (_name, path) => {
    const r = await run([...(path as string[]), "--help"]);
    expect(r.code).toBe(0);
    const text = r.stdout.replace(/\s+/g, " ");
    expect(text).not.toMatch(/\b(\w+) \1\b/i); // a word said twice
    expect(text).not.toMatch(/\b(\w+ \w+) of \1\b/i); // "18th birthday of 18th birthday"
    expect(text).not.toMatch(/\b(organization|organize|color|canceled|canceling|license|analyze|behavior|favor|center)\b/i);
  });

  it("due --help lists each rule as one English phrase", async () => {
    const r = await run(["due", "--help"]);
    expect(r.stdout).toContain("review-before-18   before the 18th birthday\n");
    expect(r.stdout).toContain("icpc               within 15 working days of the strategy discussion that initiated section 47 enquiries\n");
    expect(r.stdout).toContain("referral-decision  within 1 working day of the referral being received\n");
  });
});

describe("describeRule", () => {
  it.each(STATUTORY_RULES.map((r) => [r.id]))("%s says its anchor once", (id) => {
    const words = describeRule(id);
    expect(words).toMatch(/^(within|before|by) /);
    expect(words).not.toMatch(/\b(\w+ \w+) of \1\b/);
    expect(words).not.toMatch(/ of (referral|strategy|initial|previous|child|18th)\b/); // a missing "the"
  });
});
