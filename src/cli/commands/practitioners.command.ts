import type { Command } from "commander";
import { userInfo } from "node:os";
import { PRACTITIONER_ROLES, registerPractitioner } from "../../app/use-cases/register-practitioner";
import { createWorkingDayCalendar } from "../../domain/calendar/working-day-calendar";
import { cliContext, CliUsageError } from "../cli-errors";
import { withCliStore } from "../cli-store";

const silent = { info() {}, warn() {}, error() {}, debug() {} };

/** Adds `convene practitioners add …`: gives a platform user an agency and role (what authorisation reads). */
export function register(program: Command): void {
  const practitioners = program.command("practitioners").description("manage who is who (roles are never taken from chat)");
  practitioners
    .command("add")
    .description("record a practitioner's agency and role, e.g. a team manager")
    .requiredOption("--platform <platform>", "teams or slack")
    .requiredOption("--tenant <id>", "Teams tenant id or Slack team id")
    .requiredOption("--user <id>", "Teams aadObjectId or Slack user id")
    .requiredOption("--name <name>", "display name")
    .requiredOption("--agency <agency>", 'e.g. "Children\'s social care", "Police", "Health"')
    .requiredOption("--role <role>", PRACTITIONER_ROLES.join(" | "))
    .option("--manager-of <case-ref>", "also make them the team manager of this case")
    .action(async (opts: { platform: string; tenant: string; user: string; name: string; agency: string; role: string; managerOf?: string }, cmd: Command) => {
      const ctx = cliContext(cmd);
      if (opts.platform !== "teams" && opts.platform !== "slack") throw new CliUsageError(`unknown platform "${opts.platform}"; use teams or slack`);
      if (!(PRACTITIONER_ROLES as readonly string[]).includes(opts.role)) throw new CliUsageError(`unknown role "${opts.role}"; use one of ${PRACTITIONER_ROLES.join(", ")}`);
      const p = await withCliStore(ctx.env, (store) => {
        const deps = { uow: store.uow, clock: store.clock, calendar: createWorkingDayCalendar(), logger: silent };
        return registerPractitioner(deps, {
          identity: { platform: opts.platform as "teams" | "slack", tenant: opts.tenant, userId: opts.user, displayName: opts.name },
          agency: opts.agency,
          role: opts.role as (typeof PRACTITIONER_ROLES)[number],
          ...(opts.managerOf ? { managerOfCase: opts.managerOf } : {}),
          operator: `cli:${userInfo().username}`,
        });
      });
      ctx.out(`${p.displayName}: ${p.role}, ${p.agency}${opts.managerOf ? `; team manager of ${opts.managerOf.toUpperCase()}` : ""}`);
    });
}
