import type { Command } from "commander";
import { verifyAuditTrail } from "../../app/use-cases/verify-audit-trail";
import { CliFailure, cliContext } from "../cli-errors";
import { withCliStore } from "../cli-store";

/** Adds `convene audit verify`: checks the hash chain and names the first broken row. */
export function register(program: Command): void {
  const audit = program.command("audit").description("audit trail tools");
  audit
    .command("verify")
    .description("check the audit trail's hash chain; exits 1 and names the first broken row if it was tampered with")
    .action(async (_opts: unknown, cmd: Command) => {
      const ctx = cliContext(cmd);
      const result = await withCliStore(ctx.env, (store) => verifyAuditTrail(store.uow, store.auditKey));
      if (result.ok) {
        ctx.out(`audit trail intact: ${result.count} events, ${result.records} decision record version(s) match it, head ${result.headHash}`);
        return;
      }
      const where = result.firstBrokenSeq !== null ? `at seq ${result.firstBrokenSeq}` : `at ${result.entity ?? "the checkpoint"}`;
      ctx.out(`audit trail BROKEN ${where}: ${result.reason}`);
      throw new CliFailure(`audit trail broken ${where} (${result.reason})`);
    });
}
