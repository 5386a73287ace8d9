import type { Invitation } from "../../domain/invitation/invitation";
import type { InvitationRepository } from "../../app/ports/invitation";
import type { Tx } from "../prisma-client";

const toInvitation = (r: Record<string, unknown>): Invitation => r as unknown as Invitation;

/** Invitations (roster rows). */
export class PrismaInvitationRepository implements InvitationRepository {
  constructor(private readonly tx: Tx) {}

  async listForMeeting(meetingId: string): Promise<Invitation[]> {
    // Rows are created in role order, so id order would be random; keep a stable roster order by insertion.
    return (await this.tx.invitation.findMany({ where: { meetingId }, orderBy: { id: "asc" } })).map(toInvitation);
  }

  async findById(id: string): Promise<Invitation | null> {
    const r = await this.tx.invitation.findUnique({ where: { id } });
    return r ? toInvitation(r) : null;
  }

  async create(i: Invitation): Promise<void> {
    await this.tx.invitation.create({ data: i });
  }

  async listDueForChase(now: Date, limit: number): Promise<Invitation[]> {
    return (await this.tx.invitation.findMany({ where: { nextChaseAt: { lte: now } }, orderBy: { nextChaseAt: "asc" }, take: limit })).map(toInvitation);
  }

  async update(i: Invitation): Promise<void> {
    const { id, meetingId: _m, ...rest } = i;
    await this.tx.invitation.update({ where: { id }, data: rest });
  }
}
