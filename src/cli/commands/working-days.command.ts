import type { Command } from "commander";
import { MAX_WORKING_DAYS } from "../../domain/calendar/working-day-calendar";
import { cliCalendar, cliContext, cliDate, CliUsageError } from "../cli-errors";

/** Digits only: "+3", "3.0", "1e2" and "-1" are refused rather than guessed at. */
function parseCount(n: string): number {
  if (!/^\d+$/.test(n) || Number(n) > MAX_WORKING_DAYS) {
    throw new CliUsageError(`n must be a whole number of working days from 0 to ${MAX_WORKING_DAYS}, got "${n}"`);
  }
  return Number(n);
}

const CLOSURE_HELP = "extra local closure days, comma-separated YYYY-MM-DD (added to CONVENE_CLOSURE_DAYS)";

/** Adds `convene working-days add <date> <n>` and `convene working-days between <from> <to>`. */
export function register(program: Command): void {
  const group = program
    .command("working-days")
    .description("working-day arithmetic (England and Wales bank holidays, plus local closure days)");

  group
    .command("add")
    .description("print the n-th working day after a date (the date itself is never counted)")
    .argument("<date>", "start date, YYYY-MM-DD")
    .argument("<n>", "number of working days, 0 or more")
    .option("--closure-days <dates>", CLOSURE_HELP)
    .action((date: string, n: string, opts: { closureDays?: string }, cmd: Command) => {
      const from = cliDate(date, "date");
      const count = parseCount(n);
      cliContext(cmd).out(cliCalendar(cmd, opts.closureDays).addWorkingDays(from, count));
    });

  group
    .command("between")
    .description("print the number of working days after <from> up to and including <to> (negative if <to> is earlier)")
    .argument("<from>", "start date, YYYY-MM-DD (not counted)")
    .argument("<to>", "end date, YYYY-MM-DD (counted)")
    .option("--closure-days <dates>", CLOSURE_HELP)
    .action((fromArg: string, toArg: string, opts: { closureDays?: string }, cmd: Command) => {
      const from = cliDate(fromArg, "from");
      const to = cliDate(toArg, "to");
      cliContext(cmd).out(String(cliCalendar(cmd, opts.closureDays).workingDaysBetween(from, to)));
    });
}
