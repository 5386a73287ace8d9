import type { Command } from "commander";
import { censusCsvHeader, censusCsvLine } from "../../domain/census/cin-census";
import { censusExtract } from "../../app/use-cases/census-extract";
import { cliContext, cliDate, CliUsageError } from "../cli-errors";
import { withCliStore } from "../cli-store";

/** How often a long run reports progress on stderr, in cases. */
const PROGRESS_EVERY = 500;

/** Adds `convene census --from <date> --to <date> [--tenant id]`: CIN census dates as CSV on stdout. */
export function register(program: Command): void {
  program
    .command("census")
    .description("write the Children in Need census dates Convene knows, one CSV row per child protection process (section 47 enquiry), to stdout; progress goes to stderr")
    .requiredOption("--from <date>", "first day of the census period, YYYY-MM-DD")
    .requiredOption("--to <date>", "last day of the census period, YYYY-MM-DD")
    .option("--tenant <tenant>", "the Teams tenant id or Slack team id whose cases are read (default: CONVENE_TENANT or 'local')")
    .action(async (opts: { from: string; to: string; tenant?: string }, cmd: Command) => {
      const ctx = cliContext(cmd);
      const from = cliDate(opts.from, "--from");
      const to = cliDate(opts.to, "--to");
      if (from > to) throw new CliUsageError(`--from ${from} is after --to ${to}`);
      const tenant = opts.tenant ?? ctx.env.CONVENE_TENANT ?? "local";
      ctx.out(censusCsvHeader());
      const done = await withCliStore(ctx.env, (store) =>
        censusExtract(store, {
          tenant, from, to,
          onRows: (rows) => { for (const r of rows) ctx.out(censusCsvLine(r)); },
          // Counts only: progress never names a case.
          onProgress: (n, total) => { if (n % PROGRESS_EVERY === 0 && n < total) ctx.err?.(`census: ${n} of ${total} cases read`); },
        }),
      );
      ctx.err?.(`census: ${done.rows} row(s) from ${done.cases} case(s) in tenant ${tenant}, ${from} to ${to}`);
    });
}
