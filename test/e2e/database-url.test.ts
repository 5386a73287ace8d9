import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { createServer } from "node:net";
import path from "node:path";
import { TEST_AUDIT_KEY, TEST_POSTGRES_URL } from "../helpers/test-database";

// A DATABASE_URL an operator got wrong, through the real process (dist/main.js, as `npm start`
// runs it): it must stop on its own with exactly one line that says what is wrong, and never
// print the password it was given. Only the last case needs a PostgreSQL server.

const ROOT = path.resolve(__dirname, "../..");
const PASSWORD = "pw-Never-Print-Me-7731";
// Generous: the process gives up on a connection after 10 s at most; it must never hang.
const GIVE_UP_MS = 20_000;

interface Outcome {
  code: number | null;
  lines: string[];
}

/** Runs the server with `databaseUrl` until it exits (or kills it after {@link GIVE_UP_MS}, which fails the test). */
function runServer(databaseUrl: string): Promise<Outcome> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(ROOT, "dist/main.js")], {
      env: { PATH: process.env.PATH, PORT: "0", DATABASE_URL: databaseUrl, CONVENE_AUDIT_KEY: TEST_AUDIT_KEY, CONVENE_SCHEDULER: "off" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (d: Buffer) => (output += d.toString()));
    child.stderr.on("data", (d: Buffer) => (output += d.toString()));
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`the server was still running after ${GIVE_UP_MS} ms: ${output}`));
    }, GIVE_UP_MS);
    child.on("exit", (code) => {
      clearTimeout(timer);
      resolve({ code, lines: output.split("\n").filter((l) => l.trim()) });
    });
  });
}

/** The one message the process printed, checked to be one JSON line without the password. */
function onlyMessage(outcome: Outcome): string {
  expect(outcome.code).not.toBe(0);
  expect(outcome.code).not.toBeNull();
  expect(outcome.lines).toHaveLength(1);
  const line = outcome.lines[0]!;
  expect(line).not.toContain(PASSWORD);
  expect(line).not.toContain(encodeURIComponent(PASSWORD));
  expect(line).not.toMatch(/    at /);
  return (JSON.parse(line) as { msg: string }).msg;
}

/** A loopback port nothing listens on: one the OS just handed out and took back. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe("a DATABASE_URL that cannot be used", () => {
  it("refuses a malformed postgresql:// URL with one line naming DATABASE_URL", async () => {
    for (const url of [`postgresql://convene:${PASSWORD}@[::1/convene`, `postgresql://convene:${PASSWORD}@127.0.0.1:5432/`]) {
      const msg = onlyMessage(await runServer(url));
      expect(msg).toContain("DATABASE_URL");
      expect(msg).toMatch(/PostgreSQL/);
    }
  }, 2 * GIVE_UP_MS);

  it("stops with one line, and does not hang, when the server refuses the connection", async () => {
    const port = await closedPort();
    const msg = onlyMessage(await runServer(`postgresql://convene:${PASSWORD}@127.0.0.1:${port}/convene`));
    expect(msg).toContain(`Cannot connect to PostgreSQL at 127.0.0.1:${port}/convene (DATABASE_URL)`);
    expect(msg).toContain("refused the connection");
  }, GIVE_UP_MS + 5_000);

  (TEST_POSTGRES_URL ? it : it.skip)("stops with one line when the database does not exist on a running server", async () => {
    const url = new URL(TEST_POSTGRES_URL!);
    const missing = `convene_missing_${randomBytes(4).toString("hex")}`;
    url.pathname = `/${missing}`;
    // The test server trusts loopback, so the password is ignored there; it must still never be printed.
    url.password = PASSWORD;
    const msg = onlyMessage(await runServer(url.toString()));
    expect(msg).toContain(`Cannot connect to PostgreSQL at ${url.hostname}:${url.port || "5432"}/${missing} (DATABASE_URL)`);
    expect(msg).toContain("does not exist");
  }, GIVE_UP_MS + 5_000);
});
