import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { Writable } from "node:stream";
import pino from "pino";
import { loadConfig } from "../../../src/config/config";
import { startServer, type RunningServer } from "../../../src/server/start-server";
import { captureConsole } from "../../../src/server/console-capture";
import { FakeConnector } from "../../helpers/fake-teams-connector";
import { messageActivity, type TestTeamsUser } from "../../helpers/teams-activities";
import { rawRequest } from "../../helpers/raw-http";
import { FakeOpenIdServer, newSigningKey, signChannelToken } from "../../helpers/fake-openid-server";
import { databaseEnv, dropTestDatabase, freshDatabaseUrl } from "../../helpers/test-database";

// Security review, items 1-3: who may reach /api/messages in each mode, what local mode
// accepts, and how forged tokens are answered. Each test names the attack it stops.

const sw: TestTeamsUser = { id: "29:sw", aadObjectId: "aad-sw-1", name: "Sam Okafor", email: "sam@la.example" };

/** A logger whose lines the test reads back. */
function capturedLogger() {
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _enc, done) {
      lines.push(...chunk.toString("utf8").split("\n").filter(Boolean));
      done();
    },
  });
  return { logger: pino({ level: "debug", base: { service: "convene" } }, sink), lines };
}

describe("production with Slack-only credentials", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "convene-sec-prod-"));
  let server: RunningServer;
  let dbUrl = "";

  beforeAll(async () => {
    dbUrl = await freshDatabaseUrl(dir, "p");
    const config = loadConfig({
      NODE_ENV: "production",
      PORT: "0",
      DATABASE_URL: dbUrl,
      CONVENE_SCHEDULER: "off",
      SLACK_SIGNING_SECRET: "s3cret-signing",
      SLACK_BOT_TOKEN: "xoxb-test",
      SLACK_API_URL: "http://127.0.0.1:9/api/",
      CONVENE_AUDIT_KEY: "k".repeat(64),
    });
    expect(config.localMode).toBe(false);
    server = await startServer(config, { logger: pino({ level: "silent" }) });
  });
  afterAll(async () => {
    await server.close();
    await dropTestDatabase(dbUrl);
    rmSync(dir, { recursive: true, force: true });
  });

  it("does not serve /api/messages: an unsigned activity from loopback (a reverse proxy on the same host) creates nothing", async () => {
    const activity = messageActivity({ serviceUrl: "http://127.0.0.1:9", conversationId: "19:c@thread.tacv2" }, sw, "link CS-2026-0142");
    const res = await fetch(`${server.url}/api/messages`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(activity) });
    expect(res.status).toBe(404);
    expect(await server.context.prisma.case.count()).toBe(0);
  });

  it("never serves the playground", async () => {
    for (const p of ["/", "/playground/config", "/playground/messages", "/playground/app.js"]) expect((await fetch(`${server.url}${p}`)).status).toBe(404);
    const typed = await fetch(`${server.url}/playground/nudge-pass`, { method: "POST", headers: { "content-type": "application/json" }, body: "{}" });
    expect(typed.status).toBe(404);
  });
});

describe("local mode request rules", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "convene-sec-local-"));
  let server: RunningServer;
  let connector: FakeConnector;
  let host = "";
  let dbUrl = "";

  beforeAll(async () => {
    connector = new FakeConnector([sw]);
    await connector.start();
    dbUrl = await freshDatabaseUrl(dir, "l");
    const config = loadConfig({ PORT: "0", DATABASE_URL: dbUrl, CONVENE_SCHEDULER: "off", NODE_ENV: "test", ...databaseEnv(dbUrl) });
    server = await startServer(config, { logger: pino({ level: "silent" }) });
    host = new URL(server.url).host;
  });
  afterAll(async () => {
    await server.close();
    await connector.stop();
    await dropTestDatabase(dbUrl);
    rmSync(dir, { recursive: true, force: true });
  });

  const linkActivity = (serviceUrl = connector.url, id?: string) =>
    JSON.stringify(messageActivity({ serviceUrl, conversationId: `19:${id ?? Math.random().toString(36)}@thread.tacv2` }, sw, "link CS-2026-0142", id));

  it("refuses a text/plain post (a cross-site form needs no preflight) and acts for nobody", async () => {
    const res = await rawRequest(`${server.url}/api/messages`, { method: "POST", headers: { host, "content-type": "text/plain" }, body: linkActivity() });
    expect(res.status).toBe(415);
    expect(await server.context.prisma.case.count()).toBe(0);
  });

  it("refuses a JSON post from a page on another site (foreign Origin)", async () => {
    const res = await rawRequest(`${server.url}/api/messages`, { method: "POST", headers: { host, origin: "https://evil.example", "content-type": "application/json" }, body: linkActivity() });
    expect(res.status).toBe(403);
    const nullOrigin = await rawRequest(`${server.url}/api/messages`, { method: "POST", headers: { host, origin: "null", "content-type": "application/json" }, body: linkActivity() });
    expect(nullOrigin.status).toBe(403);
    const playground = await rawRequest(`${server.url}/playground/nudge-pass`, { method: "POST", headers: { host, origin: "http://attacker.localhost:1", "content-type": "application/json" }, body: "{}" });
    expect(playground.status).toBe(403);
    expect(await server.context.prisma.case.count()).toBe(0);
  });

  it("refuses a request whose Host is not a loopback name (DNS rebinding)", async () => {
    const origin = "http://rebind.example:3978";
    const res = await rawRequest(`${server.url}/api/messages`, { method: "POST", headers: { host: "rebind.example:3978", origin, "content-type": "application/json" }, body: linkActivity() });
    expect(res.status).toBe(403);
    const page = await rawRequest(`${server.url}/playground/config`, { headers: { host: "rebind.example:3978" } });
    expect(page.status).toBe(403);
  });

  it("refuses a serviceUrl off this machine, so the bot never calls out to one", async () => {
    for (const serviceUrl of ["http://example.com/", "https://10.0.0.5/", "http://169.254.169.254/latest/"]) {
      const res = await rawRequest(`${server.url}/api/messages`, { method: "POST", headers: { host, "content-type": "application/json" }, body: linkActivity(serviceUrl) });
      expect(res.status).toBe(400);
    }
    expect(await server.context.prisma.case.count()).toBe(0);
  });

  it("still serves the playground's own same-origin JSON requests", async () => {
    const res = await rawRequest(`${server.url}/api/messages`, { method: "POST", headers: { host, origin: `http://${host}`, "content-type": "application/json; charset=utf-8" }, body: linkActivity(connector.url, "ok-1") });
    expect(res.status).toBe(200);
    expect(await server.context.prisma.case.count()).toBe(1);
    const typed = await rawRequest(`${server.url}/playground/typed`, { method: "POST", headers: { host, "content-type": "text/plain" }, body: "{}" });
    expect(typed.status).toBe(415);
  });
});

describe("forged Bot Framework tokens", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "convene-sec-jwt-"));
  const appId = "00000000-0000-0000-0000-0000000000aa";
  const published = newSigningKey("published-key");
  const attacker = newSigningKey("published-key"); // same kid, different key
  let keys: FakeOpenIdServer;
  let server: RunningServer;
  let down: RunningServer;
  const logs = capturedLogger();
  const dbUrls: string[] = [];

  const start = async (metadataUrl: string, db: string) => {
    const dbUrl = await freshDatabaseUrl(dir, db);
    dbUrls.push(dbUrl);
    return startServer(
      loadConfig({
        PORT: "0",
        DATABASE_URL: dbUrl,
        ...databaseEnv(dbUrl),
        CONVENE_SCHEDULER: "off",
        MICROSOFT_APP_ID: appId,
        MICROSOFT_APP_PASSWORD: "not-a-real-secret",
        MICROSOFT_APP_TENANT_ID: "00000000-0000-0000-0000-0000000000bb",
        CONVENE_BOT_OPENID_METADATA_URL: metadataUrl,
      }),
      { logger: logs.logger },
    );
  };

  beforeAll(async () => {
    keys = new FakeOpenIdServer(published);
    await keys.start();
    server = await start(keys.metadataUrl, "jwt");
    // Nothing listens on port 9 (discard) on loopback: the key endpoint is unreachable.
    down = await start("http://127.0.0.1:9/.well-known/openid-configuration", "down");
  });
  afterAll(async () => {
    await server.close();
    await down.close();
    await keys.stop();
    for (const dbUrl of dbUrls) await dropTestDatabase(dbUrl);
    rmSync(dir, { recursive: true, force: true });
  });

  const serviceUrl = "https://smba.trafficmanager.net/uk/";
  const update = JSON.stringify({ type: "conversationUpdate", id: "cu-1", channelId: "msteams", serviceUrl, from: { id: "29:x" }, recipient: { id: `28:${appId}` }, conversation: { id: "19:c@thread.tacv2" } });
  const post = (target: RunningServer, token: string | null, body = update) =>
    fetch(`${target.url}/api/messages`, { method: "POST", headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) }, body });

  it("accepts a token signed with the published key (so the refusals below are not vacuous)", async () => {
    const res = await post(server, signChannelToken(published, { audience: appId, serviceUrl }));
    expect(res.status).toBe(200);
  });

  it("answers 401 with no detail to a token signed by another key, a wrong audience, an expired token and garbage", async () => {
    const forged = [
      signChannelToken(attacker, { audience: appId, serviceUrl }),
      signChannelToken(attacker, { audience: appId, serviceUrl, kid: "unknown-kid" }),
      signChannelToken(published, { audience: "someone-else", serviceUrl }),
      signChannelToken(published, { audience: appId, serviceUrl, expiresInSeconds: -3600 }),
      "not.a.jwt",
      null,
    ];
    for (const token of forged) {
      const res = await post(server, token);
      expect(res.status).toBe(401);
      expect(await res.json()).toEqual({ error: "unauthorized" });
    }
    expect(await server.context.prisma.case.count()).toBe(0);
  });

  it("answers 503 with no internal detail while the signing keys are unreachable", async () => {
    const res = await post(down, signChannelToken(attacker, { audience: appId, serviceUrl }));
    expect(res.status).toBe(503);
    const text = await res.text();
    expect(JSON.parse(text)).toEqual({ error: "authentication_unavailable" });
    expect(text).not.toMatch(/127\.0\.0\.1|ECONNREFUSED|ENOTFOUND|openid|FetchError|    at /i);
  });

  it("logs each refusal as one JSON line without the SDK's text, and the SDK's console output is captured as JSON", async () => {
    const refusals = logs.lines.map((l) => JSON.parse(l) as { msg: string; status?: number }).filter((l) => l.msg === "teams request refused");
    expect(refusals.length).toBeGreaterThanOrEqual(7);
    expect(refusals.map((r) => r.status)).toContain(503);
    for (const line of logs.lines) expect(line).not.toMatch(/\n|    at /);

    // What the SDK prints itself (console.error of a raw error) becomes JSON log lines.
    const sink = capturedLogger();
    const fakeConsole = { log: () => undefined, info: () => undefined, debug: () => undefined, trace: () => undefined, warn: () => undefined, error: () => undefined } as unknown as Console;
    const restore = captureConsole(sink.logger, fakeConsole);
    fakeConsole.error(new Error("invalid signature\n    at verify (jsonwebtoken/verify.js:1:1)"));
    fakeConsole.warn("BadRequest: Missing activity or activity type.");
    restore();
    expect(sink.lines).toHaveLength(2);
    for (const line of sink.lines) {
      const parsed = JSON.parse(line) as { source: string; error?: { message: string; stack?: string } };
      expect(parsed.source).toBe("console");
      expect(parsed.error?.stack).toBeUndefined();
      expect(line).not.toContain("verify.js");
    }
  });
});

describe("the server process's output", () => {
  const root = path.resolve(__dirname, "../../..");

  it("is JSON on every line, stdout and stderr, while it refuses forged tokens (the SDK's own console output included)", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "convene-sec-proc-"));
    const published = newSigningKey("k-proc");
    const keys = new FakeOpenIdServer(published);
    await keys.start();
    const appId = "00000000-0000-0000-0000-0000000000cc";
    const dbUrl = await freshDatabaseUrl(dir, "proc");
    const child = spawn(process.execPath, [path.join(root, "dist/main.js")], {
      env: {
        PATH: process.env.PATH,
        PORT: "0",
        LOG_LEVEL: "debug",
        DATABASE_URL: dbUrl,
        ...databaseEnv(dbUrl),
        CONVENE_SCHEDULER: "off",
        MICROSOFT_APP_ID: appId,
        MICROSOFT_APP_PASSWORD: "not-a-real-secret",
        MICROSOFT_APP_TENANT_ID: "00000000-0000-0000-0000-0000000000dd",
        CONVENE_BOT_OPENID_METADATA_URL: keys.metadataUrl,
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    const url = await new Promise<string>((resolve, reject) => {
      child.on("exit", (code) => reject(new Error(`server exited ${code}: ${stderr}`)));
      child.stdout.on("data", (d: Buffer) => {
        stdout += d.toString();
        const m = /"url":"(http:[^"]+)","msg":"Convene is listening"/.exec(stdout);
        if (m) resolve(m[1]!);
      });
    });
    const serviceUrl = "https://smba.trafficmanager.net/uk/";
    const body = JSON.stringify({ type: "message", id: "m-1", channelId: "msteams", serviceUrl, text: "link CS-2026-0142", from: { id: "29:x" }, conversation: { id: "19:c@thread.tacv2" } });
    // An expired token makes the SDK console.error a raw TokenExpiredError with its stack.
    for (const token of [signChannelToken(published, { audience: appId, serviceUrl, expiresInSeconds: -3600 }), signChannelToken(newSigningKey("k-proc"), { audience: appId, serviceUrl })]) {
      const res = await fetch(`${url}/api/messages`, { method: "POST", headers: { "content-type": "application/json", authorization: `Bearer ${token}` }, body });
      expect(res.status).toBe(401);
    }
    child.kill("SIGTERM");
    await new Promise((resolve) => child.on("exit", resolve));
    await keys.stop();
    await dropTestDatabase(dbUrl);
    rmSync(dir, { recursive: true, force: true });
    const lines = `${stdout}${stderr}`.split("\n").filter((l) => l.trim());
    expect(lines.length).toBeGreaterThan(2);
    for (const line of lines) expect(() => JSON.parse(line)).not.toThrow();
    expect(lines.some((l) => l.includes('"source":"console"'))).toBe(true);
  });
});
