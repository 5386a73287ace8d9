import type { Command } from "commander";
import { readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { userInfo } from "node:os";
import { rekeyAuditTrail } from "../../store/audit-rekey";
import { auditKeyFile, MIN_AUDIT_KEY_LENGTH } from "../../store/audit-key";
import { verifyAuditTrail } from "../../app/use-cases/verify-audit-trail";
import { CliFailure, CliUsageError, cliContext } from "../cli-errors";
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
      const result = await withCliStore(ctx.env, (store) => verifyAuditTrail(store.uow, store.auditKey));
      if (result.ok) {
        ctx.out(`audit trail intact: ${countOf(result.count, "event")}, ${countOf(result.records, "decision record version")} match it, head ${result.headHash}`);
        return;
      }
      const where = result.firstBrokenSeq !== null ? `at seq ${result.firstBrokenSeq}` : `at ${result.entity ?? "the checkpoint"}`;
      ctx.out(`audit trail BROKEN ${where}: ${result.reason}`);
      throw new CliFailure(`audit trail broken ${where} (${result.reason})`);
    });
  audit
    .command("rotate-key")
    .description("re-MAC the audit trail under a new key (stop the server first); refuses if the trail is already broken")
    .requiredOption("--new-key-file <path>", "a file holding the new key (at least 32 characters); never pass a key on the command line")
    .action(async (opts: { newKeyFile: string }, cmd: Command) => {
      const ctx = cliContext(cmd);
      let newKey: string;
      try {
        newKey = readFileSync(opts.newKeyFile, "utf8").trim();
      } catch {
        throw new CliUsageError(`cannot read --new-key-file ${opts.newKeyFile}`);
      }
      if (newKey.length < MIN_AUDIT_KEY_LENGTH) throw new CliUsageError(`the new key must be at least ${MIN_AUDIT_KEY_LENGTH} characters`);
      let file: string | null = null;
      const result = await withCliStore(ctx.env, async (store) => {
        if (newKey === store.auditKey) throw new CliUsageError("the new key is the current key");
        // Local mode keeps its key beside the database; a configured key is the operator's to replace.
        file = ctx.env.CONVENE_AUDIT_KEY ? null : auditKeyFile(store.url);
        // The new key is on disk before the trail is re-MACed under it: if the rename after the
        // commit failed, the key would still be in <file>.new, never lost with the trail keyed to it.
        if (file) writeFileSync(`${file}.new`, `${newKey}\n`, { mode: 0o600 });
        ctx.err?.("re-MACing the audit trail and resealing rows under the new key…");
        try {
          return await rekeyAuditTrail(store.prisma, store.auditKey, newKey, store.clock.now(), `cli:${userInfo().username}`);
        } catch (err) {
          if (file) rmSync(`${file}.new`, { force: true });
          throw new CliFailure(`audit key not rotated: ${(err as Error).message}`);
        }
      });
      if (file) {
        try {
          renameSync(`${file}.new`, file);
        } catch (err) {
          throw new CliFailure(`audit key rotated, but the new key could not replace ${file} (${(err as Error).message}): it is in ${file}.new; move it there before starting the server`);
        }
      }
      ctx.out(`audit key rotated: ${result.events} events re-MACed, ${result.rows} rows resealed.`);
      ctx.out(file ? `The new key is in ${file}.` : "Now set CONVENE_AUDIT_KEY to the new key everywhere, then start the server.");
    });
}
