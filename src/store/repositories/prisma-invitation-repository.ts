import type { Invitation } from "../../domain/invitation/invitation";
import type { InvitationRepository } from "../../app/ports/invitation";
import type { AuditKey } from "../../domain/audit/audit-chain";
import { Prisma } from "../generated/prisma/client";
import type { Tx } from "../prisma-client";
import { rowSeal } from "../row-seal";

// Every column but the seal, from the generated client, so a column added later is covered.
const COLUMNS = Object.values(Prisma.InvitationScalarFieldEnum).filter((c) => c !== "seal");

// The seal is the store's concern; the app never sees it.
const toInvitation = ({ seal: _seal, ...r }: Record<string, unknown>): Invitation => r as unknown as Invitation;

/** Invitations (roster rows). */
export class PrismaInvitationRepository implements InvitationRepository {
  constructor(
    private readonly tx: Tx,
    private readonly key: AuditKey,
  ) {}

  /** Rewrites the row's seal over what was just saved (as the database returned it). */
  private async seal(row: Record<string, unknown>): Promise<void> {
    await this.tx.invitation.update({ where: { id: row.id as string }, data: { seal: rowSeal("Invitation", row, this.key) } });
  }

  async listForMeeting(meetingId: string): Promise<Invitation[]> {
    // Rows are created in role order, so id order would be random; keep a stable roster order by insertion.
    return (await this.tx.invitation.findMany({ where: { meetingId }, orderBy: { id: "asc" } })).map(toInvitation);
  }

  async listWithSiblings(invitationId: string): Promise<Invitation[]> {
    return (await this.tx.invitation.findMany({ where: { meeting: { invitations: { some: { id: invitationId } } } }, orderBy: { id: "asc" } })).map(toInvitation);
  }

  async findById(id: string): Promise<Invitation | null> {
    const r = await this.tx.invitation.findUnique({ where: { id } });
    return r ? toInvitation(r) : null;
  }

  async create(i: Invitation): Promise<void> {
    const { seal: _s, ...data } = i as Invitation & { seal?: string };
    await this.seal(await this.tx.invitation.create({ data }));
  }

  async listAwaitingAnswerFrom(practitionerId: string): Promise<Invitation[]> {
    // Each OR branch is one of the indexed columns (inviteePractitionerId, delegateId, claimedById).
    const rows = await this.tx.invitation.findMany({
      where: {
        OR: [{ inviteePractitionerId: practitionerId }, { delegateId: practitionerId }, { claimedById: practitionerId }],
        response: { in: ["invited", "delegated"] },
        meeting: { status: { in: ["proposed", "scheduled"] } },
      },
      orderBy: { id: "asc" },
    });
    return rows.map(toInvitation);
  }

  async listDueForChase(now: Date, limit: number): Promise<Invitation[]> {
    return (await this.tx.invitation.findMany({ where: { nextChaseAt: { lte: now } }, orderBy: { nextChaseAt: "asc" }, take: limit })).map(toInvitation);
  }

  async update(i: Invitation): Promise<void> {
    const { id, meetingId: _m, seal: _s, ...rest } = i as Invitation & { seal?: string };
    const whole = i as unknown as Record<string, unknown>;
    if (COLUMNS.every((c) => whole[c] !== undefined)) {
      // Every column is known (the row was read whole and changed), so the row after the
      // update is exactly this one: seal it here and save data and seal in one statement.
      const seal = rowSeal("Invitation", Object.fromEntries(COLUMNS.map((c) => [c, whole[c]])), this.key);
      await this.tx.invitation.update({ where: { id }, data: { ...rest, seal }, select: { id: true } });
      return;
    }
    await this.seal(await this.tx.invitation.update({ where: { id }, data: rest }));
  }

  async remove(id: string): Promise<void> {
    await this.tx.invitation.delete({ where: { id } });
  }
}
