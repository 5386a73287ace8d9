import { writeFileSync, mkdirSync } from "node:fs";
import path from "node:path";
import { userInfo } from "node:os";
import type { Command } from "commander";
import { exportCase } from "../../app/use-cases/export-case";
import { renderCaseExportHtml } from "../../cards/case-export.html";
import { buildCaseExportJson } from "../../cards/case-export.json";
import { cliContext, CliUsageError } from "../cli-errors";
import { withCliStore } from "../cli-store";
import { countOf } from "../../domain/language/plural";

/** Adds `convene export <case-ref> --by <name> [--reason text] --format json|html [--out file] [--tenant id]`. */
export function register(program: Command): void {
  program
    .command("export")
    .description("write a case's meetings, decision records (every version), actions, deadlines and information-sharing log to a file for the case management system; the export is itself logged as a disclosure")
    .argument("<case-ref>", "the case reference, e.g. CS-2026-0142")
    .option("--by <name>", "the person taking the copy, by name (default: CONVENE_EXPORTED_BY); required")
    .option("--reason <text>", "why the copy is needed; goes into the information-sharing log", "Copy for the child's case file")
    .option("--format <format>", "json or html (printable)", "json")
    .option("--out <file>", "where to write it (default: ./exports/<case-ref>.<format>)")
    .option("--tenant <tenant>", "the Teams tenant id or Slack team id the case belongs to (default: CONVENE_TENANT or 'local')")
    .action(async (caseRef: string, opts: { by?: string; reason: string; format: string; out?: string; tenant?: string }, cmd: Command) => {
      const ctx = cliContext(cmd);
      if (opts.format !== "json" && opts.format !== "html") throw new CliUsageError(`unknown format "${opts.format}"; use json or html`);
      // The log must name a person, not the machine account the command ran under.
      const by = (opts.by ?? ctx.env.CONVENE_EXPORTED_BY ?? "").trim();
      if (!by) throw new CliUsageError('say who is taking the copy: --by "Sam Okafor" (or set CONVENE_EXPORTED_BY)');
      const tenant = opts.tenant ?? ctx.env.CONVENE_TENANT ?? "local";
      const model = await withCliStore(ctx.env, (store) =>
        exportCase(store, { tenant, caseRef, exportedBy: by, reason: opts.reason, format: opts.format.toUpperCase(), operator: `cli:${userInfo().username}` }),
      );
      const text = opts.format === "json" ? `${JSON.stringify(buildCaseExportJson(model), null, 2)}\n` : renderCaseExportHtml(model);
      const out = path.resolve(opts.out ?? path.join("exports", `${model.caseReference.replace(/[^A-Z0-9-]/g, "_")}.${opts.format}`));
      mkdirSync(path.dirname(out), { recursive: true });
      writeFileSync(out, text);
      ctx.out(`wrote ${out} (${countOf(model.meetings.length, "meeting")}, ${countOf(model.actions.length, "action")}, ${countOf(model.deadlines.length, "deadline")}, ${countOf(model.sharingLog?.length ?? 0, "sharing-log row")})`);
    });
}
