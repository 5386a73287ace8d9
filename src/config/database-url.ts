import path from "node:path";

/** Where the data lives: an SQLite file (the default, one process or several on one host) or a PostgreSQL server (several replicas). */
export type DatabaseTarget =
  | { provider: "sqlite"; url: string; /** Absolute path, or ":memory:". */ file: string }
  | { provider: "postgresql"; url: string; /** host:port/database, for messages: never the password. */ where: string };

/** A DATABASE_URL that cannot be used; the message names the fix and never repeats a password. */
export class DatabaseUrlError extends Error {
  readonly code = "BAD_DATABASE_URL";
}

/**
 * Reads DATABASE_URL: `file:…` selects SQLite, `postgresql://…` (or `postgres://…`) selects
 * PostgreSQL. Anything else is refused here, before any connection is tried.
 */
export function parseDatabaseUrl(url: string): DatabaseTarget {
  if (url.startsWith("file:")) {
    const raw = url.slice("file:".length).split("?")[0] ?? "";
    if (!raw) throw new DatabaseUrlError("DATABASE_URL file: needs a path, e.g. file:./data/convene.db");
    return { provider: "sqlite", url, file: raw === ":memory:" ? raw : path.resolve(raw) };
  }
  if (/^postgres(ql)?:\/\//i.test(url)) {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      throw new DatabaseUrlError("DATABASE_URL is not a valid PostgreSQL URL: expected postgresql://user:password@host:5432/database");
    }
    const database = decodeURIComponent(parsed.pathname.replace(/^\//, ""));
    if (!parsed.hostname) throw new DatabaseUrlError("DATABASE_URL names no PostgreSQL host: expected postgresql://user:password@host:5432/database");
    if (!database || database.includes("/")) throw new DatabaseUrlError("DATABASE_URL names no PostgreSQL database: expected postgresql://user:password@host:5432/database");
    return { provider: "postgresql", url, where: `${parsed.hostname}:${parsed.port || "5432"}/${database}` };
  }
  throw new DatabaseUrlError(
    `DATABASE_URL must be a SQLite file: URL (file:./data/convene.db) or a PostgreSQL URL (postgresql://user:password@host:5432/database), not "${url.split(":")[0]}:…"`,
  );
}
