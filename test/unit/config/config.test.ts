import { ConfigError, loadConfig } from "../../../src/config/config";

const KEY = "0123456789abcdef0123456789abcdef";

describe("loadConfig", () => {
  it("defaults to local mode on embedded SQLite at port 3978", () => {
    const c = loadConfig({});
    expect(c).toMatchObject({ PORT: 3978, DATABASE_URL: "file:./data/convene.db", localMode: true, slackEnabled: false });
  });

  it("keeps settled card updates 30 days and command keys 7 by default, and refuses an age under a day", () => {
    expect(loadConfig({})).toMatchObject({ CONVENE_RETENTION_OUTBOX_DAYS: 30, CONVENE_RETENTION_COMMAND_DAYS: 7 });
    expect(loadConfig({ CONVENE_RETENTION_OUTBOX_DAYS: "90", CONVENE_RETENTION_COMMAND_DAYS: "2" })).toMatchObject({ CONVENE_RETENTION_OUTBOX_DAYS: 90, CONVENE_RETENTION_COMMAND_DAYS: 2 });
    expect(() => loadConfig({ CONVENE_RETENTION_COMMAND_DAYS: "0" })).toThrow(/CONVENE_RETENTION_COMMAND_DAYS must be at least 1/);
  });

  it("refuses production without credentials, naming the problem", () => {
    expect(() => loadConfig({ NODE_ENV: "production" })).toThrow(ConfigError);
    expect(() => loadConfig({ NODE_ENV: "production" })).toThrow(/NODE_ENV=production needs Teams/);
  });

  it("accepts production with Teams credentials and leaves local mode", () => {
    const c = loadConfig({ NODE_ENV: "production", MICROSOFT_APP_ID: "a", MICROSOFT_APP_PASSWORD: "b", MICROSOFT_APP_TENANT_ID: "c", CONVENE_AUDIT_KEY: KEY });
    expect(c.localMode).toBe(false);
    expect(c.teamsEnabled).toBe(true);
  });

  it("production with Slack credentials only serves no Teams endpoint and is not local mode (a same-host proxy makes every client loopback)", () => {
    const c = loadConfig({ NODE_ENV: "production", SLACK_BOT_TOKEN: "xoxb-1", SLACK_SIGNING_SECRET: "s", CONVENE_AUDIT_KEY: KEY });
    expect(c).toMatchObject({ localMode: false, teamsEnabled: false, slackEnabled: true });
  });

  it("refuses production without an audit key, and a short one anywhere", () => {
    expect(() => loadConfig({ NODE_ENV: "production", SLACK_BOT_TOKEN: "xoxb-1", SLACK_SIGNING_SECRET: "s" })).toThrow(/CONVENE_AUDIT_KEY/);
    expect(() => loadConfig({ CONVENE_AUDIT_KEY: "short" })).toThrow(/at least 32 characters/);
    expect(loadConfig({}).CONVENE_AUDIT_KEY).toBeUndefined();
  });

  it("lists every bad variable", () => {
    try {
      loadConfig({ PORT: "eighty", DATABASE_URL: "postgres://x", MICROSOFT_APP_ID: "only-one", CONVENE_CLOSURE_DAYS: "2026-13-45x" });
      throw new Error("should have thrown");
    } catch (e) {
      const text = (e as Error).message;
      expect(text).toContain("PORT");
      expect(text).toContain("DATABASE_URL");
      expect(text).toContain("MICROSOFT_APP_ID");
      expect(text).toContain("CONVENE_CLOSURE_DAYS");
    }
  });

  it("needs both Slack variables or neither", () => {
    expect(() => loadConfig({ SLACK_BOT_TOKEN: "xoxb-1" })).toThrow(/SLACK_SIGNING_SECRET/);
    expect(loadConfig({ SLACK_BOT_TOKEN: "xoxb-1", SLACK_SIGNING_SECRET: "s" }).slackEnabled).toBe(true);
  });
});

describe("loadConfig: Teams meetings through Microsoft Graph", () => {
  const graph = { GRAPH_TENANT_ID: "tenant-1", GRAPH_CLIENT_ID: "client-1", GRAPH_CLIENT_SECRET: "s3cret-value", GRAPH_MAILBOX: "convene@council.example" };

  it("is off without GRAPH_* settings (calendar invites by .ics only)", () => {
    expect(loadConfig({}).graph).toBeNull();
  });

  it("with all four, is on, with Microsoft's public cloud by default", () => {
    expect(loadConfig(graph).graph).toEqual({
      tenantId: "tenant-1", clientId: "client-1", clientSecret: "s3cret-value", mailbox: "convene@council.example",
      authorityUrl: "https://login.microsoftonline.com", baseUrl: "https://graph.microsoft.com/v1.0", caFile: undefined,
    });
  });

  it("refuses some but not all of them in one clear line, never echoing the secret", () => {
    let message = "";
    try {
      loadConfig({ GRAPH_TENANT_ID: "tenant-1", GRAPH_CLIENT_SECRET: "s3cret-value" });
    } catch (err) {
      message = (err as Error).message;
    }
    expect(message.split("\n").filter((l) => l.includes("GRAPH"))).toEqual([
      "  GRAPH_TENANT_ID: Set all four of GRAPH_TENANT_ID, GRAPH_CLIENT_ID, GRAPH_CLIENT_SECRET and GRAPH_MAILBOX for Teams meetings through Microsoft Graph, or none (calendar invites by .ics only).",
    ]);
    expect(message).not.toContain("s3cret-value");
  });

  it("refuses a mailbox that is no address and an authority that is not https", () => {
    expect(() => loadConfig({ ...graph, GRAPH_MAILBOX: "convene" })).toThrow(/GRAPH_MAILBOX must be the service mailbox's address/);
    expect(() => loadConfig({ ...graph, GRAPH_AUTHORITY_URL: "http://login.example" })).toThrow(/GRAPH_AUTHORITY_URL must be an https:\/\/ URL/);
    // The token goes with every Graph call: plain http only to a fake on this machine.
    expect(() => loadConfig({ ...graph, GRAPH_BASE_URL: "http://graph.example/v1.0" })).toThrow(/GRAPH_BASE_URL must be an https:\/\/ URL/);
    expect(loadConfig({ ...graph, GRAPH_BASE_URL: "http://127.0.0.1:4000/v1.0" }).graph?.baseUrl).toBe("http://127.0.0.1:4000/v1.0");
    expect(loadConfig({ ...graph, GRAPH_AUTHORITY_URL: "https://127.0.0.1:8443/", GRAPH_BASE_URL: "http://127.0.0.1:9/v1.0/" }).graph).toMatchObject({ authorityUrl: "https://127.0.0.1:8443", baseUrl: "http://127.0.0.1:9/v1.0" });
  });
});
