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
}
