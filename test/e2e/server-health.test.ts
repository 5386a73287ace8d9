import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { systemClock } from "../../src/domain/shared/clock";
import type { RunningServer } from "../../src/server/start-server";
import { startTestServer } from "../helpers/e2e-server";
import { databaseEnv, dropTestDatabase, freshDatabaseUrl } from "../helpers/test-database";

describe("HTTP server skeleton", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "convene-health-"));
  let server: RunningServer;

  beforeAll(async () => {
    server = await startTestServer(dir, "health", systemClock);
  });
  afterAll(async () => {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("GET /healthz answers 200 once the database is migrated", async () => {
    const res = await fetch(`${server.url}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: "ok" });
  });

  it("answers 503 when the database is not migrated", async () => {
    // Marking every migration rolled back is what an unmigrated database looks like to
    // Prisma's bookkeeping; the same SQL on SQLite and PostgreSQL, and undone exactly after.
    const prisma = server.context.prisma;
    await prisma.$executeRawUnsafe(`UPDATE "_prisma_migrations" SET rolled_back_at = started_at`);
    const res = await fetch(`${server.url}/healthz`);
    expect(res.status).toBe(503);
    await prisma.$executeRawUnsafe(`UPDATE "_prisma_migrations" SET rolled_back_at = NULL`);
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
  });

  it("serves the favicon the playground links, a real 32x32 icon, so the console shows no 404", async () => {
    const page = await (await fetch(`${server.url}/`)).text();
    expect(page).toContain('<link rel="icon" href="/favicon.ico"');
    const res = await fetch(`${server.url}/favicon.ico`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("image/x-icon");
    const ico = Buffer.from(await res.arrayBuffer());
    // ICONDIR: reserved 0, type 1 (icon), one image; its entry says 32x32 and where the image starts.
    expect([ico.readUInt16LE(0), ico.readUInt16LE(2), ico.readUInt16LE(4)]).toEqual([0, 1, 1]);
    expect([ico[6], ico[7]]).toEqual([32, 32]);
    const offset = ico.readUInt32LE(18);
    expect(offset + ico.readUInt32LE(14)).toBe(ico.length);
    const png = ico.subarray(offset);
    expect(png.subarray(1, 4).toString("ascii")).toBe("PNG");
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([32, 32]);
  });

  it("answers 404 for unknown paths", async () => {
    expect((await fetch(`${server.url}/nope`)).status).toBe(404);
  });
});

describe("the server process", () => {
  const root = path.resolve(__dirname, "../..");

  it("refuses to start on bad config with a clear message and exit code 2", async () => {
    const child = spawn(process.execPath, [path.join(root, "dist/main.js")], {
      env: { PATH: process.env.PATH, NODE_ENV: "production" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stderr = "";
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    const code = await new Promise<number | null>((resolve) => child.on("exit", resolve));
    expect(code).toBe(2);
    expect(stderr).toContain("Convene cannot start: bad configuration");
    expect(stderr).toContain("NODE_ENV=production needs Teams");
  });

  it("shuts down gracefully on SIGTERM", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "convene-sigterm-"));
    const dbUrl = await freshDatabaseUrl(dir, "s");
    const child = spawn(process.execPath, [path.join(root, "dist/main.js")], {
      env: { PATH: process.env.PATH, PORT: "0", DATABASE_URL: dbUrl, ...databaseEnv(dbUrl), CONVENE_SCHEDULER: "off" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`server did not start: ${stdout}`)), 30_000);
      child.stdout.on("data", (d: Buffer) => {
        stdout += d.toString();
        if (stdout.includes("Convene is listening")) {
          clearTimeout(timer);
          resolve();
        }
      });
    });
    child.kill("SIGTERM");
    const code = await new Promise<number | null>((resolve) => child.on("exit", resolve));
    expect(code).toBe(0);
    expect(stdout).toContain('"msg":"shutting down"');
    await dropTestDatabase(dbUrl);
    rmSync(dir, { recursive: true, force: true });
  });
});
