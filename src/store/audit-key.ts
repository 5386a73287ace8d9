import { randomBytes } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { MIN_AUDIT_KEY_LENGTH, type AuditKey } from "../domain/audit/audit-chain";
import { sqlitePathFromUrl } from "./migration-runner";
import { parseDatabaseUrl } from "../config/database-url";

export { MIN_AUDIT_KEY_LENGTH };

/** Where local mode keeps the audit key it generated: beside the database file, readable by its owner only. */
export function auditKeyFile(databaseUrl: string): string | null {
  // PostgreSQL has no file of ours beside it, and every replica must share the key: it must be configured.
  if (parseDatabaseUrl(databaseUrl).provider !== "sqlite") return null;
  const file = sqlitePathFromUrl(databaseUrl);
  return file === ":memory:" ? null : `${file}.audit-key`;
}

/**
 * The key the audit chain and row seals are MACed with. A configured key (CONVENE_AUDIT_KEY)
 * wins. Without one, production refuses (the key must live outside the database's host
 * files, in the secret store); local mode reads the key file beside the database, creating
 * it with a fresh random key the first time, so the server and the `convene` command agree.
 */
export function resolveAuditKey(opts: { configured?: string | undefined; databaseUrl: string; production: boolean }): AuditKey {
  const configured = opts.configured?.trim();
  if (configured) {
    if (configured.length < MIN_AUDIT_KEY_LENGTH) throw new Error(`CONVENE_AUDIT_KEY must be at least ${MIN_AUDIT_KEY_LENGTH} characters.`);
    return configured;
  }
  if (opts.production) throw new Error("CONVENE_AUDIT_KEY must be set in production: the audit trail is keyed with it.");
  if (parseDatabaseUrl(opts.databaseUrl).provider === "postgresql") {
    throw new Error("CONVENE_AUDIT_KEY must be set for PostgreSQL: every replica keys the audit trail with the same secret.");
  }
  const file = auditKeyFile(opts.databaseUrl);
  if (!file) return randomBytes(32).toString("hex");
  try {
    // "wx": never overwrite a key another process has just written; read theirs instead.
    writeFileSync(file, `${randomBytes(32).toString("hex")}\n`, { flag: "wx", mode: 0o600 });
  } catch (err) {
    if ((err as { code?: string }).code !== "EEXIST") throw err;
  }
  const key = readFileSync(file, "utf8").trim();
  if (key.length < MIN_AUDIT_KEY_LENGTH) throw new Error(`The audit key file ${file} holds no usable key; restore it from a backup.`);
  return key;
}
