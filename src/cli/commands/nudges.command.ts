import type { Command } from "commander";
import { runNudgePass } from "../../app/use-cases/run-nudge-pass";
import { fixedClock } from "../../domain/shared/clock";
import { cliCalendar, cliContext, CliUsageError } from "../cli-errors";
import { withCliStore } from "../cli-store";
import { countOf } from "../../domain/language/plural";

/** Strict instant with a zone (Z or ±hh:mm): a pass "as of" a wall time without a zone is ambiguous. */
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;

/**
 * Adds `convene nudges run [--now <ISO-8601>] [--closure-days <list>]`: runs ONE scheduler
 * pass against DATABASE_URL as of that instant and prints one line per nudge enqueued:
 * case reference, rule, stage, and "late" when it catches up after downtime. The outbox
 * rows it writes are delivered by a running server's dispatcher.
 */
export function register(program: Command): void {
  const nudges = program.command("nudges").description("deadline nudges");
  nudges
    .command("run")
    .description("run one nudge pass now (or as of --now) and print what it enqueued")
    .option("--now <instant>", "the pass's time, ISO-8601 with a zone, e.g. 2027-01-12T09:00:00Z")
    .option("--closure-days <list>", "extra local closure days, comma-separated YYYY-MM-DD")
    .action(async (opts: { now?: string; closureDays?: string }, cmd: Command) => {
      const ctx = cliContext(cmd);
      if (opts.now !== undefined && (!INSTANT.test(opts.now) || Number.isNaN(Date.parse(opts.now)))) {
        throw new CliUsageError(`--now: "${opts.now}" is not an ISO-8601 instant with a zone, e.g. 2027-01-12T09:00:00Z`);
      }
      const calendar = cliCalendar(cmd, opts.closureDays);
      const clock = fixedClock(opts.now ? new Date(opts.now) : new Date());
      const logger = { info() {}, warn() {}, error: (o: object) => process.stderr.write(`convene: ${JSON.stringify(o)}\n`) };
      const result = await withCliStore(ctx.env, (store) => runNudgePass({ uow: store.uow, clock, calendar, logger }));
      for (const s of result.sent) {
        ctx.out(`${s.caseReference}\t${s.rule}\t${s.stage}${s.late ? "\tlate" : ""}${s.escalated ? "\tescalated" : ""}\t(${countOf(s.channelLinkIds.length, "channel")})`);
      }
      ctx.out(`${countOf(result.sent.length, "nudge")} enqueued; ${countOf(result.considered, "deadline")} due${result.failed ? `; ${result.failed} failed (see stderr)` : ""}`);
    });
}
