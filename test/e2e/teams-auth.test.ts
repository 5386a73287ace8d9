import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { systemClock } from "../../src/domain/shared/clock";
import type { RunningServer } from "../../src/server/start-server";
import { startTestServer } from "../helpers/e2e-server";

// With Microsoft credentials the Bot Framework SDK authenticates every request: one
// without a valid JWT is refused before any command runs, and the playground is off.
describe("Teams endpoint with credentials (not local mode)", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "convene-teams-auth-"));
  let server: RunningServer;

  beforeAll(async () => {
    server = await startTestServer(dir, "auth", systemClock, {
      MICROSOFT_APP_ID: "00000000-0000-0000-0000-0000000000aa",
      MICROSOFT_APP_PASSWORD: "not-a-real-secret",
      MICROSOFT_APP_TENANT_ID: "00000000-0000-0000-0000-0000000000bb",
    });
  });
  afterAll(async () => {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const activity = {
    type: "message",
    id: "act-1",
    text: "link CS-2026-0142",
    channelId: "msteams",
    serviceUrl: "http://127.0.0.1:9/",
    from: { id: "29:x", aadObjectId: "aad-x", name: "X" },
    conversation: { id: "19:c@thread.tacv2", tenantId: "t" },
    recipient: { id: "28:bot" },
  };

  it("refuses an activity with no token", async () => {
    const res = await fetch(`${server.url}/api/messages`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(activity) });
    expect(res.status).toBe(401);
    expect(await server.context.prisma.case.count()).toBe(0);
  });

  // Forged tokens are tested in security/auth-modes.test.ts, against signing keys served
  // on loopback (CONVENE_BOT_OPENID_METADATA_URL), so no test reaches Microsoft.

  it("does not serve the playground", async () => {
    expect((await fetch(`${server.url}/`)).status).toBe(404);
  });
});
