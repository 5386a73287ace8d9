import type { DecisionRecordRepository, StoredRecord, StoredRecordText } from "../../app/ports/decision-record";
import type { Tx } from "../prisma-client";

const toRecord = (r: { id: string; meetingId: string; caseId: string; version: number; kind: string; payload: string; reason: string | null; authorId: string; createdAt: Date }): StoredRecord => ({
  ...r,
  kind: r.kind as StoredRecord["kind"],
  payload: JSON.parse(r.payload) as unknown,
});

/** Decision records: insert-only, because finalised records are immutable. */
export class PrismaDecisionRecordRepository implements DecisionRecordRepository {
  constructor(private readonly tx: Tx) {}

  async listForMeeting(meetingId: string): Promise<StoredRecord[]> {
    return (await this.tx.decisionRecord.findMany({ where: { meetingId }, orderBy: { version: "asc" } })).map(toRecord);
  }

  async listForCase(caseId: string): Promise<StoredRecord[]> {
    return (await this.tx.decisionRecord.findMany({ where: { caseId }, orderBy: [{ createdAt: "asc" }, { version: "asc" }] })).map(toRecord);
  }

  async listStoredPage(afterId: string, limit: number): Promise<StoredRecordText[]> {
    const rows = await this.tx.decisionRecord.findMany({ where: { id: { gt: afterId } }, orderBy: { id: "asc" }, take: limit });
    return rows.map(({ payload, ...r }) => ({ ...r, kind: r.kind as StoredRecord["kind"], payloadJson: payload }));
  }

  async insert(r: StoredRecord): Promise<void> {
    await this.tx.decisionRecord.create({ data: { ...r, payload: JSON.stringify(r.payload) } });
  }
}
