import { type CommandRegistrar, runCli } from "./cli-errors";
import { register as registerDue } from "./commands/due.command";
import { register as registerWorkingDays } from "./commands/working-days.command";
import { register as registerMigrate } from "./commands/migrate.command";
import { register as registerExport } from "./commands/export.command";
import { register as registerAudit } from "./commands/audit.command";
import { register as registerDemo } from "./commands/demo.command";
import { register as registerPractitioners } from "./commands/practitioners.command";
import { register as registerNudges } from "./commands/nudges.command";
import { register as registerAgencies } from "./commands/agencies.command";
import { register as registerSharingLog } from "./commands/sharing-log.command";
import { register as registerCensus } from "./commands/census.command";

/** Every command the `convene` binary offers; add new command modules here. */
export const COMMANDS: readonly CommandRegistrar[] = [registerDue, registerWorkingDays, registerMigrate, registerExport, registerAudit, registerDemo, registerPractitioners, registerAgencies, registerNudges, registerSharingLog, registerCensus];

/** Runs `convene` with the process's arguments and environment, then sets the exit code. */
export async function main(argv: readonly string[] = process.argv.slice(2)): Promise<void> {
  const result = await runCli(argv, { commands: COMMANDS, env: process.env, live: { stdout: (s) => process.stdout.write(s), stderr: (s) => process.stderr.write(s) } });
  process.stdout.write(result.stdout);
  process.stderr.write(result.stderr);
  // exitCode, not exit(): lets piped stdout drain before the process ends.
  process.exitCode = result.code;
}

if (require.main === module) {
  void main();
}
