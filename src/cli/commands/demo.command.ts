import type { Command } from "commander";
import { createApp } from "../../app/create-app";
import type { ActorIdentity } from "../../app/ports/actor";
import { registerPractitioner } from "../../app/use-cases/register-practitioner";
import { seedPlaygroundUsers } from "../../channels/playground/playground-routes";
import { PLAYGROUND_BOT, PLAYGROUND_CONVERSATION_ID, PLAYGROUND_TENANT, PLAYGROUND_USERS, type PlaygroundUser } from "../../channels/playground/playground-users";
import { createWorkingDayCalendar } from "../../domain/calendar/working-day-calendar";
import { DateTime } from "luxon";
import { LONDON, type IsoDate } from "../../domain/shared/iso-date";
import { DomainError } from "../../domain/shared/domain-error";
import { cliContext, CliUsageError } from "../cli-errors";
import { withCliStore } from "../cli-store";

const silent = { info() {}, warn() {}, error() {}, debug() {} };
const DEMO_CASE = "DEMO-2026-0001";

const identity = (u: PlaygroundUser): ActorIdentity => ({ platform: "teams", tenant: PLAYGROUND_TENANT, userId: u.aadObjectId, displayName: u.name, email: u.email });
const user = (role: string): PlaygroundUser => {
  const u = PLAYGROUND_USERS.find((x) => x.role === role);
  if (!u) throw new Error(`the playground has no ${role}`);
  return u;
};

/**
 * Adds `convene demo`: seeds the playground's people with their roles, links the playground
 * case channel to DEMO-2026-0001 and convenes a strategy discussion for the next working day at 10:00.
 * Safe to run twice: every step is keyed, so a second run changes nothing.
 */
export function register(program: Command): void {
  program
    .command("demo")
    .description(`seed a demo case (${DEMO_CASE}) whose strategy discussion is waiting in the local playground`)
    .action(async (_opts: unknown, cmd: Command) => {
      const ctx = cliContext(cmd);
      // The playground's fake connector lives on the server; proactive posts go back there.
      const baseUrl = ctx.env.CONVENE_PUBLIC_URL ?? `http://${ctx.env.HOST ?? "127.0.0.1"}:${ctx.env.PORT ?? "3978"}`;
      await withCliStore(ctx.env, async (store) => {
        const calendar = createWorkingDayCalendar({ closureDays: (ctx.env.CONVENE_CLOSURE_DAYS ?? "").split(",").filter(Boolean) });
        const deps = { uow: store.uow, clock: store.clock, calendar, logger: silent };
        const app = createApp(deps);
        // The same seeding the server does in local mode, so the demo works before first start.
        await seedPlaygroundUsers(store.uow);
        for (const u of PLAYGROUND_USERS) ctx.out(`practitioner ${u.name} (${u.role})`);
        const sw = identity(user("social-worker"));
        const conversation = { platform: "teams" as const, conversationId: PLAYGROUND_CONVERSATION_ID };
        const conversationRef = JSON.stringify({
          channelId: "msteams",
          serviceUrl: `${baseUrl}/playground/connector`,
          bot: PLAYGROUND_BOT,
          conversation: { id: PLAYGROUND_CONVERSATION_ID, conversationType: "channel", tenantId: PLAYGROUND_TENANT, isGroup: true },
        });
        try {
          await app.linkChannel({ key: `demo:${DEMO_CASE}:link`, actor: sw, conversation, caseRef: DEMO_CASE, conversationRef });
        } catch (err) {
          // The demo never takes a channel that belongs to a real case.
          if (err instanceof DomainError && (err.code === "RELINK_NEEDS_CONFIRMATION" || err.code === "ALREADY_LINKED")) {
            throw new CliUsageError(`the playground's channel is already the case channel for ${String(err.details?.from ?? "another case")}; the demo will not take it. Run the demo against a fresh database (DATABASE_URL=file:./data/demo.db npx convene demo).`);
          }
          throw err;
        }
        const manager = user("team-manager");
        await registerPractitioner(deps, { identity: identity(manager), agency: manager.agency, role: "team-manager", managerOfCase: DEMO_CASE, operator: "cli:demo" });
        ctx.out(`case ${DEMO_CASE} linked to the playground's #case-channel; ${manager.name} is its team manager`);
        // The next working day: a demo run on a Friday must not convene for a Saturday.
        const tomorrow = calendar.addWorkingDays(DateTime.fromJSDate(store.clock.now(), { zone: LONDON }).toFormat("yyyy-MM-dd") as IsoDate, 1);
        const r = await app.conveneMeeting({
          key: `demo:${DEMO_CASE}:convene`,
          actor: sw,
          conversation,
          caseRef: DEMO_CASE,
          kind: "strategy-discussion",
          concern: "School reports unexplained bruising; the child said they were scared to go home.",
          urgency: "today",
          scheduledLocal: `${tomorrow}T10:00`,
          mode: "call",
          invitees: [
            { role: "social-worker", agency: user("social-worker").agency, person: sw },
            { role: "health", agency: user("health").agency, person: identity(user("health")) },
            { role: "police", agency: "Police", agencyContact: "Police CAIT duty desk" },
            { role: "school", agency: user("school").agency, person: identity(user("school")) },
          ],
        });
        ctx.out(`strategy discussion convened (${r.roster.whenLabel}); its card is posted to the playground when the server runs`);
        ctx.out(`next: npm start, open ${baseUrl}/ and act as each person to answer, mark held and record the decision`);
      });
    });
}
