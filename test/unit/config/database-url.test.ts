import { ConfigError, loadConfig } from "../../../src/config/config";
import { DatabaseUrlError, parseDatabaseUrl } from "../../../src/config/database-url";

const KEY = "0123456789abcdef0123456789abcdef";

describe("DATABASE_URL", () => {
  it("file: selects SQLite, resolved to an absolute path", () => {
    expect(parseDatabaseUrl("file:./data/convene.db")).toMatchObject({ provider: "sqlite", file: expect.stringMatching(/^\/.*data\/convene\.db$/) });
    expect(parseDatabaseUrl("file::memory:")).toMatchObject({ provider: "sqlite", file: ":memory:" });
  });

  it("postgresql:// and postgres:// select PostgreSQL, described without the password", () => {
    const t = parseDatabaseUrl("postgresql://convene:s3cret-pw@db.example:6543/convene?sslmode=require");
    expect(t).toEqual({ provider: "postgresql", url: "postgresql://convene:s3cret-pw@db.example:6543/convene?sslmode=require", where: "db.example:6543/convene" });
    expect(parseDatabaseUrl("postgres://u@localhost/db")).toMatchObject({ provider: "postgresql", where: "localhost:5432/db" });
  });

  it.each([
    ["mysql://u:p@h/db", /must be a SQLite file: URL .* or a PostgreSQL URL/],
    ["postgresql://u:p@:5432/db", /not a valid PostgreSQL URL|names no PostgreSQL host/],
    ["postgresql://u:p@host:5432", /names no PostgreSQL database/],
    ["postgresql://u:p@host:99999/db", /not a valid PostgreSQL URL/],
    ["file:", /needs a path/],
  ])("refuses %s with a message naming the fix", (url, message) => {
    expect(() => parseDatabaseUrl(url)).toThrow(DatabaseUrlError);
    expect(() => parseDatabaseUrl(url)).toThrow(message);
  });

  it("never repeats a password in a refusal", () => {
    for (const url of ["postgresql://u:hunter2-secret@host:5432", "postgresql://u:hunter2-secret@host:port/db"]) {
      try {
        loadConfig({ DATABASE_URL: url, CONVENE_AUDIT_KEY: KEY });
        throw new Error("accepted");
      } catch (err) {
        expect(err).toBeInstanceOf(ConfigError);
        expect((err as Error).message).toContain("DATABASE_URL");
        expect((err as Error).message).not.toContain("hunter2");
      }
    }
  });

  it("PostgreSQL needs CONVENE_AUDIT_KEY even outside production: every replica must share it", () => {
    expect(() => loadConfig({ DATABASE_URL: "postgresql://u:p@host:5432/convene" })).toThrow(/PostgreSQL DATABASE_URL needs CONVENE_AUDIT_KEY/);
    expect(loadConfig({ DATABASE_URL: "postgresql://u:p@host:5432/convene", CONVENE_AUDIT_KEY: KEY })).toMatchObject({ CONVENE_DATABASE_POOL_MAX: 10 });
    expect(() => loadConfig({ DATABASE_URL: "postgresql://u:p@host:5432/convene", CONVENE_AUDIT_KEY: KEY, CONVENE_DATABASE_POOL_MAX: "0" })).toThrow(/CONVENE_DATABASE_POOL_MAX must be at least 1/);
  });
});
