import type { Meeting, OnlineMeeting, OnlineMeetingState } from "../../domain/meeting/meeting";
import type { MeetingRepository } from "../../app/ports/meeting";
import type { Tx } from "../prisma-client";

type Row = Omit<Meeting, "kind" | "status" | "urgency" | "mode"> & { kind: string; status: string; urgency: string; mode: string };
const toMeeting = (r: Row & Record<string, unknown>): Meeting => ({
  id: r.id, caseId: r.caseId, kind: r.kind as Meeting["kind"], status: r.status as Meeting["status"], concern: r.concern,
  urgency: r.urgency as Meeting["urgency"], scheduledAt: r.scheduledAt, mode: r.mode as Meeting["mode"], convenorId: r.convenorId,
  heldAt: r.heldAt, quorumOverrideReason: r.quorumOverrideReason,
  cancelledReason: (r.cancelledReason as string | null | undefined) ?? null, sequence: (r.sequence as number | undefined) ?? 0,
  onlineMeeting: r.onlineEventState
    ? { eventId: (r.onlineEventId as string | null) ?? null, joinUrl: (r.onlineJoinUrl as string | null) ?? null, state: r.onlineEventState as OnlineMeetingState }
    : null,
});

/** The columns a use case saves: the online meeting is left out, as only the calendar sync writes it. */
const ownFields = (m: Meeting) => {
  const { onlineMeeting: _online, ...rest } = m;
  return rest;
};

/** Meetings. */
export class PrismaMeetingRepository implements MeetingRepository {
  constructor(private readonly tx: Tx) {}

  async findById(id: string): Promise<Meeting | null> {
    const r = await this.tx.meeting.findUnique({ where: { id } });
    return r ? toMeeting(r) : null;
  }

  async listForCase(caseId: string): Promise<Meeting[]> {
    return (await this.tx.meeting.findMany({ where: { caseId }, orderBy: { createdAt: "asc" } })).map(toMeeting);
  }

  async listConvenedBy(practitionerId: string, statuses: readonly Meeting["status"][]): Promise<Meeting[]> {
    return (await this.tx.meeting.findMany({ where: { convenorId: practitionerId, status: { in: [...statuses] } }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] })).map(toMeeting);
  }

  async create(m: Meeting): Promise<void> {
    await this.tx.meeting.create({ data: ownFields(m) });
  }

  async update(m: Meeting): Promise<void> {
    const { id, ...rest } = ownFields(m);
    await this.tx.meeting.update({ where: { id }, data: rest });
  }

  async recordOnlineMeeting(meetingId: string, online: OnlineMeeting): Promise<void> {
    await this.tx.meeting.update({ where: { id: meetingId }, data: { onlineEventId: online.eventId, onlineJoinUrl: online.joinUrl, onlineEventState: online.state } });
  }
}
