import type { Command } from "commander";
import { verifyAuditTrail } from "../../app/use-cases/verify-audit-trail";
import { CliFailure, cliContext } from "../cli-errors";
import { withCliStore } from "../cli-store";
import { countOf } from "../../domain/language/plural";

/** Adds `convene audit verify`: checks the hash chain and names the first broken row. */
export function register(program: Command): void {
  const audit = program.command("audit").description("audit trail tools");
  audit
    .command("verify")
    .description("check the audit trail's hash chain; exits 1 and names the first broken row if it was tampered with")
    .action(async (_opts: unknown, cmd: Command) => {
      const ctx = cliContext(cmd);
      const result = await withCliStore(ctx.env, (store) => verifyAuditTrail(store.uow));
      if (result.ok) {
        ctx.out(`audit trail intact: ${countOf(result.count, "event")}, head ${result.headHash.slice(0, 16)}…`);
        return;
      }
      ctx.out(`audit trail BROKEN at seq ${result.firstBrokenSeq}: ${result.reason}`);
      throw new CliFailure(`audit trail broken at seq ${result.firstBrokenSeq} (${result.reason})`);
    });
}
