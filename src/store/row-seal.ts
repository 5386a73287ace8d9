import { createHmac } from "node:crypto";
import type { AuditKey } from "../domain/audit/audit-chain";

/** Tables whose rows carry a seal: the ones people act on directly (roster rows, deadlines). */
export type SealedTable = "Invitation" | "Deadline";

const normalise = (v: unknown): unknown => (v instanceof Date ? v.toISOString() : v);

/**
 * A row's seal: HMAC-SHA256 under the audit key over every other column, in name order.
 * Repositories rewrite it on each save; a row edited directly in the database (a deadline
 * moved, a declined row made "accepted") no longer matches, and `convene audit verify` says so.
 */
export function rowSeal(table: SealedTable, row: Record<string, unknown>, key: AuditKey): string {
  const columns = Object.keys(row)
    .filter((k) => k !== "seal")
    .sort()
    .map((k) => [k, normalise(row[k])]);
  return createHmac("sha256", key).update(JSON.stringify(["convene-row-v1", table, columns]), "utf8").digest("hex");
}
