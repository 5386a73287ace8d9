import type { TimePollRepository } from "../../app/ports/time-poll";
import type { FreeBusyStatus, SlotFreeBusy } from "../../domain/meeting/free-busy";
import type { ProposedTime, TimeAnswer } from "../../domain/meeting/time-poll";
import type { Tx } from "../prisma-client";

const STATUSES: readonly FreeBusyStatus[] = ["free", "busy", "unknown"];

/** Proposed times (MeetingSlot), the rows' answers (SlotAnswer) and advisory free/busy (SlotFreeBusy). */
export class PrismaTimePollRepository implements TimePollRepository {
  constructor(private readonly tx: Tx) {}

  async listForMeeting(meetingId: string): Promise<ProposedTime[]> {
    return (await this.tx.meetingSlot.findMany({ where: { meetingId }, orderBy: { ordinal: "asc" } })).map(({ createdAt: _c, ...t }) => t);
  }

  async replaceForMeeting(meetingId: string, times: readonly ProposedTime[]): Promise<void> {
    const old = await this.tx.meetingSlot.findMany({ where: { meetingId }, select: { id: true } });
    if (old.length) {
      await this.tx.slotAnswer.deleteMany({ where: { slotId: { in: old.map((o) => o.id) } } });
      await this.tx.slotFreeBusy.deleteMany({ where: { slotId: { in: old.map((o) => o.id) } } });
      await this.tx.meetingSlot.deleteMany({ where: { meetingId } });
    }
    for (const t of times) await this.tx.meetingSlot.create({ data: t });
  }

  async listAnswers(meetingId: string): Promise<TimeAnswer[]> {
    const slots = await this.tx.meetingSlot.findMany({ where: { meetingId }, select: { id: true } });
    if (!slots.length) return [];
    return this.tx.slotAnswer.findMany({ where: { slotId: { in: slots.map((s) => s.id) } } });
  }

  async clearAnswersFor(invitationId: string): Promise<void> {
    await this.tx.slotAnswer.deleteMany({ where: { invitationId } });
  }

  async saveAnswer(a: TimeAnswer): Promise<void> {
    const { slotId, invitationId, ...rest } = a;
    await this.tx.slotAnswer.upsert({ where: { slotId_invitationId: { slotId, invitationId } }, create: a, update: rest });
  }

  async listFreeBusy(meetingId: string): Promise<SlotFreeBusy[]> {
    const slots = await this.tx.meetingSlot.findMany({ where: { meetingId }, select: { id: true } });
    if (!slots.length) return [];
    const rows = await this.tx.slotFreeBusy.findMany({ where: { slotId: { in: slots.map((s) => s.id) } } });
    // A status this version does not know reads as unknown, never as free.
    return rows.map((r) => ({ ...r, status: STATUSES.includes(r.status as FreeBusyStatus) ? (r.status as FreeBusyStatus) : "unknown" }));
  }

  async replaceFreeBusy(slotIds: readonly string[], rows: readonly SlotFreeBusy[]): Promise<void> {
    if (!slotIds.length) return;
    await this.tx.slotFreeBusy.deleteMany({ where: { slotId: { in: [...slotIds] } } });
    if (rows.length) await this.tx.slotFreeBusy.createMany({ data: rows.map((r) => ({ ...r })) });
  }
}
