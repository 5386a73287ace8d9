import type { Command } from "commander";
import { userInfo } from "node:os";
import { ZodError } from "zod";
import { putAgencyDirectoryEntry } from "../../app/use-cases/put-agency-directory-entry";
import { removeAgencyDirectoryEntry } from "../../app/use-cases/remove-agency-directory-entry";
import { AGENCIES, AGENCY_LABELS } from "../../domain/agency/agency";
import type { DirectoryMatch } from "../../domain/agency/agency-directory";
import { createWorkingDayCalendar } from "../../domain/calendar/working-day-calendar";
import { cliContext, CliUsageError } from "../cli-errors";
import { withCliStore } from "../cli-store";

const silent = { info() {}, warn() {}, error() {}, debug() {} };

interface MatchOptions {
  tenant?: string;
  slackTeam?: string;
  domain?: string;
}

/** Exactly one of --tenant, --slack-team, --domain. */
function matchOf(opts: MatchOptions): { match: DirectoryMatch; value: string } {
  const given = [opts.tenant && { match: "teams-tenant" as const, value: opts.tenant }, opts.slackTeam && { match: "slack-team" as const, value: opts.slackTeam }, opts.domain && { match: "email-domain" as const, value: opts.domain }].filter(Boolean) as Array<{ match: DirectoryMatch; value: string }>;
  if (given.length !== 1) throw new CliUsageError("give exactly one of --tenant <Teams tenant id>, --slack-team <Slack team id> or --domain <email domain>");
  return given[0]!;
}

/** Adds `convene agencies add|list|remove`: the agency directory that decides who may answer an agency's row. */
export function register(program: Command): void {
  const agencies = program.command("agencies").description("manage the agency directory: which tenants, Slack teams and email domains belong to which agency");
  agencies
    .command("add")
    .description("say that everyone from a Teams tenant, a Slack team or an email domain belongs to an agency")
    .option("--tenant <id>", "a Teams (Microsoft Entra) tenant id")
    .option("--slack-team <id>", "a Slack team id, e.g. a Slack Connect partner's")
    .option("--domain <domain>", "an email domain: nhs.net, or *.police.uk for every subdomain")
    .requiredOption("--agency <agency>", AGENCIES.join(" | "))
    .option("--duty-contact <text>", 'who to chase when the agency has not answered, e.g. "Police CAIT duty desk, 0300 …"')
    .action(async (opts: MatchOptions & { agency: string; dutyContact?: string }, cmd: Command) => {
      const ctx = cliContext(cmd);
      const m = matchOf(opts);
      if (!(AGENCIES as readonly string[]).includes(opts.agency)) throw new CliUsageError(`unknown agency "${opts.agency}"; use one of ${AGENCIES.join(", ")}`);
      const entry = await withCliStore(ctx.env, (store) =>
        putAgencyDirectoryEntry({ uow: store.uow, clock: store.clock, calendar: createWorkingDayCalendar(), logger: silent }, { entry: { ...m, agency: opts.agency, dutyContact: opts.dutyContact ?? null }, operator: `cli:${userInfo().username}` }),
      ).catch((err: unknown) => {
        if (err instanceof ZodError) throw new CliUsageError(err.issues[0]?.message ?? "that entry is not valid");
        throw err;
      });
      ctx.out(`${entry.match} ${entry.value}: ${AGENCY_LABELS[entry.agency]}${entry.dutyContact ? ` (duty contact: ${entry.dutyContact})` : ""}`);
    });
  agencies
    .command("list")
    .description("print the agency directory")
    .action(async (_opts: unknown, cmd: Command) => {
      const ctx = cliContext(cmd);
      const entries = await withCliStore(ctx.env, (store) => store.uow.run((repos) => repos.agencyDirectory.list()));
      if (!entries.length) return ctx.out("The agency directory is empty: only registered practitioners have an agency.");
      for (const e of entries) ctx.out(`${AGENCY_LABELS[e.agency]}\t${e.match}\t${e.value}${e.dutyContact ? `\tduty contact: ${e.dutyContact}` : ""}`);
    });
  agencies
    .command("remove")
    .description("remove a line of the agency directory")
    .option("--tenant <id>", "a Teams tenant id")
    .option("--slack-team <id>", "a Slack team id")
    .option("--domain <domain>", "an email domain")
    .action(async (opts: MatchOptions, cmd: Command) => {
      const ctx = cliContext(cmd);
      const m = matchOf(opts);
      const removed = await withCliStore(ctx.env, (store) => removeAgencyDirectoryEntry({ uow: store.uow, clock: store.clock, calendar: createWorkingDayCalendar(), logger: silent }, { ...m, operator: `cli:${userInfo().username}` }));
      if (!removed) throw new CliUsageError(`no directory entry for ${m.match} ${m.value}`);
      ctx.out(`removed ${m.match} ${m.value}`);
    });
}
