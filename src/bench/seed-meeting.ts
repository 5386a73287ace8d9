import type { ActorIdentity } from "../app/ports/actor";
import { createApp } from "../app/create-app";
import { createWorkingDayCalendar } from "../domain/calendar/working-day-calendar";
import { systemClock } from "../domain/shared/clock";
import { resolveAuditKey } from "../store/audit-key";
import { countInvitationAnswers } from "../store/bench-seed";
import { applyMigrations } from "../store/migration-runner";
import { BENCH_AUDIT_KEY } from "./bench-postgres";
import { createPrismaClient } from "../store/prisma-client";
import { PrismaUnitOfWork } from "../store/prisma-unit-of-work";

/**
 * For the Accept benchmarks: a migrated database with a case linked to one conversation and
 * a strategy discussion two weeks ahead with `actor` invited, made through the app as a
 * convenor would. An SQLite file or a PostgreSQL database (keyed with {@link BENCH_AUDIT_KEY},
 * which the server under test must be given too). Returns the invitation's id.
 */
export async function seedMeetingToAnswer(url: string, actor: ActorIdentity, conversation: { platform: "teams" | "slack"; conversationId: string }, conversationRef: string): Promise<string> {
  await applyMigrations(url);
  const prisma = createPrismaClient(url);
  const uow = new PrismaUnitOfWork(prisma, resolveAuditKey({ databaseUrl: url, production: false, ...(url.startsWith("file:") ? {} : { configured: BENCH_AUDIT_KEY }) }));
  const quiet = { info() {}, warn() {}, error() {}, debug() {} };
  const app = createApp({ uow, clock: systemClock, calendar: createWorkingDayCalendar(), logger: quiet });
  await app.linkChannel({ key: "bench-link", actor, conversation, caseRef: "CS-BENCH-0001", conversationRef });
  // A weekday well after today, so the meeting stays open for answers.
  const day = new Date(Date.now() + 14 * 86_400_000);
  while (day.getUTCDay() === 0 || day.getUTCDay() === 6) day.setUTCDate(day.getUTCDate() + 1);
  const convened = await app.conveneMeeting({
    key: "bench-convene",
    actor,
    conversation,
    caseRef: "CS-BENCH-0001",
    kind: "strategy-discussion",
    concern: "Benchmark meeting",
    urgency: "within-3-working-days",
    scheduledLocal: `${day.toISOString().slice(0, 10)}T14:00`,
    mode: "call",
    invitees: [{ role: "social-worker", agency: "Children's social care", person: actor }],
  } as never);
  await prisma.$disconnect();
  return convened.roster.rows[0]!.invitationId;
}

/**
 * Answers recorded so far (audit events on invitations): after a run, at least as many as
 * the requests the server acknowledged, or the benchmark measured refusals, not Accepts.
 */
export function answersRecorded(url: string): Promise<number> {
  return countInvitationAnswers(url);
}
