import { mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { auditKeyFile, resolveAuditKey } from "../../../src/store/audit-key";

describe("the audit key", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "convene-audit-key-"));
  const url = `file:${path.join(dir, "k.db")}`;
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("local mode generates one beside the database, readable by its owner only, and reuses it", () => {
    const first = resolveAuditKey({ databaseUrl: url, production: false });
    expect(first).toMatch(/^[0-9a-f]{64}$/);
    const file = auditKeyFile(url)!;
    expect(readFileSync(file, "utf8").trim()).toBe(first);
    expect(statSync(file).mode & 0o077).toBe(0);
    expect(resolveAuditKey({ databaseUrl: url, production: false })).toBe(first);
  });

  it("a configured key wins; production refuses to run without one", () => {
    expect(resolveAuditKey({ configured: "k".repeat(40), databaseUrl: url, production: true })).toBe("k".repeat(40));
    expect(() => resolveAuditKey({ databaseUrl: url, production: true })).toThrow(/CONVENE_AUDIT_KEY must be set in production/);
    expect(() => resolveAuditKey({ configured: "short", databaseUrl: url, production: false })).toThrow(/at least 32/);
  });
});
