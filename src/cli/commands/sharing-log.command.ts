import type { Command } from "commander";
import { DateTime } from "luxon";
import { listSharingLog } from "../../app/use-cases/list-sharing-log";
import { LONDON } from "../../domain/shared/iso-date";
import { cliContext } from "../cli-errors";
import { withCliStore } from "../cli-store";

/** Adds `convene sharing-log <case-ref> [--tenant id]`: prints the case's information-sharing log. */
export function register(program: Command): void {
  program
    .command("sharing-log")
    .description("print a case's information-sharing log: every disclosure, who was given what, when, why and the lawful basis")
    .argument("<case-ref>", "the case reference, e.g. CS-2026-0142")
    .option("--tenant <tenant>", "the Teams tenant id or Slack team id the case belongs to (default: CONVENE_TENANT or 'local')")
    .action(async (caseRef: string, opts: { tenant?: string }, cmd: Command) => {
      const ctx = cliContext(cmd);
      const tenant = opts.tenant ?? ctx.env.CONVENE_TENANT ?? "local";
      const log = await withCliStore(ctx.env, (store) => listSharingLog(store, { tenant, caseRef }));
      ctx.out(`Information-sharing log for ${log.caseReference} (OFFICIAL-SENSITIVE): ${log.rows.length} ${log.rows.length === 1 ? "disclosure" : "disclosures"}`);
      for (const r of log.rows) {
        ctx.out("");
        ctx.out(`${DateTime.fromJSDate(r.at, { zone: LONDON }).toFormat("ccc d LLL yyyy, HH:mm")} · ${r.kindLabel}`);
        ctx.out(`  given to:     ${r.recipient}`);
        ctx.out(`  by:           ${r.disclosedBy}`);
        ctx.out(`  what:         ${r.what}`);
        ctx.out(`  why:          ${r.why}`);
        ctx.out(`  lawful basis: ${r.lawfulBasis}`);
        ctx.out(`  consent:      ${r.consent}`);
      }
    });
}
