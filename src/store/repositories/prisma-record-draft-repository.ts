import type { RecordDraft, RecordDraftRepository } from "../../app/ports/record-draft";
import type { Tx } from "../prisma-client";

interface Row {
  id: string;
  meetingId: string;
  authorId: string;
  values: string;
  createdAt: Date;
}

function toDraft(row: Row): RecordDraft {
  const parsed = JSON.parse(row.values) as { values?: Record<string, string>; amendmentReason?: string | null };
  return { id: row.id, meetingId: row.meetingId, authorId: row.authorId, values: parsed.values ?? {}, amendmentReason: parsed.amendmentReason ?? null, createdAt: row.createdAt };
}

/** Decision records checked but not yet saved. */
export class PrismaRecordDraftRepository implements RecordDraftRepository {
  constructor(private readonly tx: Tx) {}

  async insert(d: RecordDraft): Promise<void> {
    await this.tx.recordDraft.create({ data: { id: d.id, meetingId: d.meetingId, authorId: d.authorId, values: JSON.stringify({ values: d.values, amendmentReason: d.amendmentReason }), createdAt: d.createdAt } });
  }

  async find(id: string): Promise<RecordDraft | null> {
    const row = await this.tx.recordDraft.findUnique({ where: { id } });
    return row ? toDraft(row) : null;
  }

  async latestFor(meetingId: string, authorId: string): Promise<RecordDraft | null> {
    const row = await this.tx.recordDraft.findFirst({ where: { meetingId, authorId }, orderBy: [{ createdAt: "desc" }, { id: "desc" }] });
    return row ? toDraft(row) : null;
  }

  async deleteForMeeting(meetingId: string): Promise<void> {
    await this.tx.recordDraft.deleteMany({ where: { meetingId } });
  }
}
