import { verifyChain, type ChainVerification } from "../../domain/audit/audit-chain";
import type { StoredAuditEvent } from "../ports/audit";
import type { UnitOfWork } from "../ports/unit-of-work";

const PAGE = 5000;

/**
 * Checks the whole audit chain, a page at a time so a long trail does not load into
 * memory at once. Each page is verified from the last good row of the previous one.
 */
export async function verifyAuditTrail(uow: UnitOfWork, onProgress?: (checked: number) => void): Promise<ChainVerification> {
  let anchor: { seq: number; hash: string } | undefined;
  let count = 0;
  let headHash = "";
  for (;;) {
    const after = anchor?.seq ?? 0;
    const page: StoredAuditEvent[] = await uow.run((repos) => repos.audit.listChain(after, PAGE));
    if (page.length === 0) break;
    const result = verifyChain(page, anchor);
    if (!result.ok) return result;
    count += result.count;
    headHash = result.headHash;
    const last = page[page.length - 1]!;
    anchor = { seq: last.seq, hash: last.hash };
    onProgress?.(count);
    if (page.length < PAGE) break;
  }
  return { ok: true, count, headHash };
}
