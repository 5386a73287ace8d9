import { createApp } from "../../src/app/create-app";
import type { App } from "../../src/app/app";
import type { UnitOfWork } from "../../src/app/ports/unit-of-work";
import { createWorkingDayCalendar } from "../../src/domain/calendar/working-day-calendar";
import type { Clock } from "../../src/domain/shared/clock";
import { strategyFormValuesFixture } from "../fixtures/strategy-record.fixture";
import { actors, conversation } from "./app-actors";

/** A logger that drops everything, for tests that don't inspect logs. */
export const silentLogger = { info() {}, warn() {}, error() {}, debug() {} };

/**
 * Runs a whole strategy discussion through the app (link, convene, three acceptances,
 * held, decision recorded) and returns the ids, for tests of what comes after.
 */
export async function seedRecordedStrategyCase(uow: UnitOfWork, clock: Clock, caseRef = "CS-2026-0142"): Promise<{ app: App; meetingId: string; caseRef: string }> {
  const app = createApp({ uow, clock, calendar: createWorkingDayCalendar(), logger: silentLogger });
  const base = (key: string, actor = actors.socialWorker as (typeof actors)[keyof typeof actors]) => ({ key: `${caseRef}-${key}`, actor, conversation });
  await app.linkChannel({ ...base("link"), caseRef, conversationRef: "{}" });
  const convened = await app.conveneMeeting({
    ...base("convene"), caseRef, kind: "strategy-discussion", concern: "Bruising reported by school", urgency: "today",
    scheduledLocal: "2026-11-23T14:00", mode: "call",
    invitees: [
      { role: "social-worker", agency: "Children's social care", person: actors.socialWorker },
      { role: "health", agency: "NHS", person: actors.health },
      { role: "police", agency: "Police", person: actors.police },
    ],
  });
  const who = [actors.socialWorker, actors.health, actors.police];
  for (const [i, row] of convened.roster.rows.entries()) {
    await app.respondToInvitation({ ...base(`accept-${i}`, who[i]), invitationId: row.invitationId, answer: { kind: "accept" } });
  }
  await app.markMeetingHeld({ ...base("held"), meetingId: convened.meetingId });
  const recorded = await app.recordDecision({ ...base("record"), meetingId: convened.meetingId, values: strategyFormValuesFixture });
  if (!recorded.ok) throw new Error(`fixture record invalid: ${JSON.stringify(recorded.errors)}`);
  return { app, meetingId: convened.meetingId, caseRef };
}
