import type { ProcessedCommandRepository } from "../../app/ports/processed-command";
import type { Tx } from "../prisma-client";

/** Idempotency keys of applied commands. */
export class PrismaProcessedCommandRepository implements ProcessedCommandRepository {
  constructor(private readonly tx: Tx) {}

  async claim(key: string): Promise<{ fresh: true } | { fresh: false; response: string | null }> {
    const existing = await this.tx.processedCommand.findUnique({ where: { key } });
    if (existing) return { fresh: false, response: existing.response };
    await this.tx.processedCommand.create({ data: { key } });
    return { fresh: true };
  }

  async saveResponse(key: string, response: string): Promise<void> {
    await this.tx.processedCommand.update({ where: { key }, data: { response } });
  }

  async deleteBefore(cutoff: Date, limit: number): Promise<number> {
    const rows = await this.tx.processedCommand.findMany({ where: { createdAt: { lt: cutoff } }, select: { key: true }, orderBy: { createdAt: "asc" }, take: limit });
    if (!rows.length) return 0;
    const r = await this.tx.processedCommand.deleteMany({ where: { key: { in: rows.map((x) => x.key) }, createdAt: { lt: cutoff } } });
    return r.count;
  }
}
