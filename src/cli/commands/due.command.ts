import type { Command } from "commander";
import { computeDueDate, describeRule, type RuleId } from "../../domain/deadline/statutory-rules";
import { cliCalendar, cliContext, cliDate, CliUsageError } from "../cli-errors";

/**
 * Rules the CLI computes. "action" is left out: its due date is simply the date given.
 * review-before-18 takes the 18th birthday as --from.
 */
export const CLI_RULES = [
  "referral-decision",
  "assessment",
  "icpc",
  "core-group",
  "first-review",
  "next-review",
  "transfer-in",
  "permanence-plan",
  "review-before-18",
] as const satisfies readonly RuleId[];

function parseRule(rule: string): RuleId {
  const found = CLI_RULES.find((r) => r === rule);
  if (!found) throw new CliUsageError(`unknown rule "${rule}"; valid rules: ${CLI_RULES.join(", ")}`);
  return found;
}

function rulesHelp(): string {
  const lines = CLI_RULES.map((id) => {
    return `  ${id.padEnd(18)} ${describeRule(id)}`;
  });
  return `\nRules:\n${lines.join("\n")}\n`;
}

/** Adds `convene due <rule> --from <YYYY-MM-DD> [--closure-days <list>]`: prints the due date only. */
export function register(program: Command): void {
  program
    .command("due")
    .description("print the due date (YYYY-MM-DD) of a statutory timescale")
    .argument("<rule>", "the timescale, e.g. icpc (see Rules below)")
    .requiredOption("--from <date>", "the day the clock starts, YYYY-MM-DD (for review-before-18: the 18th birthday)")
    .option("--closure-days <dates>", "extra local closure days, comma-separated YYYY-MM-DD (added to CONVENE_CLOSURE_DAYS)")
    .addHelpText("after", rulesHelp())
    .action((rule: string, opts: { from: string; closureDays?: string }, cmd: Command) => {
      const ruleId = parseRule(rule);
      const from = cliDate(opts.from, "--from");
      const cal = cliCalendar(cmd, opts.closureDays);
      cliContext(cmd).out(computeDueDate(ruleId, from, cal));
    });
}
