import type { Command } from "commander";
import { applyMigrations } from "../../store/migration-runner";
import { cliContext } from "../cli-errors";
import { DEFAULT_DATABASE_URL } from "../cli-store";

/** Adds `convene migrate`: applies pending migrations to DATABASE_URL (the server also does this at start-up). */
export function register(program: Command): void {
  program
    .command("migrate")
    .description("apply pending database migrations to DATABASE_URL (default file:./data/convene.db)")
    .action(async (_opts: unknown, cmd: Command) => {
      const ctx = cliContext(cmd);
      const url = ctx.env.DATABASE_URL || DEFAULT_DATABASE_URL;
      const report = await applyMigrations(url);
      for (const name of report.applied) ctx.out(`applied ${name}`);
      ctx.out(`database up to date (${report.applied.length} applied, ${report.alreadyApplied} already applied)`);
    });
}
