import type { TimePollRepository } from "../../app/ports/time-poll";
import type { ProposedTime, TimeAnswer } from "../../domain/meeting/time-poll";
import type { Tx } from "../prisma-client";

/** Proposed times (MeetingSlot) and the rows' answers (SlotAnswer). */
export class PrismaTimePollRepository implements TimePollRepository {
  constructor(private readonly tx: Tx) {}

  async listForMeeting(meetingId: string): Promise<ProposedTime[]> {
    return (await this.tx.meetingSlot.findMany({ where: { meetingId }, orderBy: { ordinal: "asc" } })).map(({ createdAt: _c, ...t }) => t);
  }

  async replaceForMeeting(meetingId: string, times: readonly ProposedTime[]): Promise<void> {
    const old = await this.tx.meetingSlot.findMany({ where: { meetingId }, select: { id: true } });
    if (old.length) {
      await this.tx.slotAnswer.deleteMany({ where: { slotId: { in: old.map((o) => o.id) } } });
      await this.tx.meetingSlot.deleteMany({ where: { meetingId } });
    }
    for (const t of times) await this.tx.meetingSlot.create({ data: t });
  }

  async listAnswers(meetingId: string): Promise<TimeAnswer[]> {
    const slots = await this.tx.meetingSlot.findMany({ where: { meetingId }, select: { id: true } });
    if (!slots.length) return [];
    return this.tx.slotAnswer.findMany({ where: { slotId: { in: slots.map((s) => s.id) } } });
  }

  async saveAnswer(a: TimeAnswer): Promise<void> {
    const { slotId, invitationId, ...rest } = a;
    await this.tx.slotAnswer.upsert({ where: { slotId_invitationId: { slotId, invitationId } }, create: a, update: rest });
  }
}
