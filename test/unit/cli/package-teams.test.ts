import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { unzipSync } from "fflate";
import { fillTemplate, packageTeams, validateManifest } from "../../../src/cli/package-teams";

const APP_ID = "11111111-2222-4333-8444-555555555555";

describe("package-teams", () => {
  it("builds a zip with the manifest (app id substituted) and both icons", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "teams-pkg-"));
    try {
      const out = packageTeams({ appId: APP_ID, publicHost: "convene.example.gov.uk", manifestDir: path.resolve(__dirname, "../../../manifests/teams"), outFile: path.join(dir, "convene-teams.zip") });
      const files = unzipSync(readFileSync(out));
      expect(Object.keys(files).sort()).toEqual(["color.png", "manifest.json", "outline.png"]);
      const manifest = JSON.parse(new TextDecoder().decode(files["manifest.json"]));
      expect(manifest.id).toBe(APP_ID);
      expect(manifest.bots[0].botId).toBe(APP_ID);
      expect(manifest.bots[0].scopes).toEqual(["team", "groupChat", "personal"]);
      expect(manifest.bots[0].commandLists[0].commands.map((c: { title: string }) => c.title)).toEqual(["link", "convene", "deadlines", "referral", "transfer-in", "dob", "help"]);
      // "my" is a personal-scope command: someone's own list is never answered in a channel.
      const personal = manifest.bots[0].commandLists.find((l: { scopes: string[] }) => l.scopes.includes("personal"));
      expect(personal.commands.map((c: { title: string }) => c.title)).toContain("my");
      for (const c of personal.commands) expect(c.description.length).toBeLessThanOrEqual(128);
      // PNG sizes from the IHDR chunk.
      const size = (b: Uint8Array) => [Buffer.from(b).readUInt32BE(16), Buffer.from(b).readUInt32BE(20)];
      expect(size(files["color.png"]!)).toEqual([192, 192]);
      expect(size(files["outline.png"]!)).toEqual([32, 32]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("refuses a missing variable and a non-GUID app id", () => {
    expect(() => fillTemplate("${MICROSOFT_APP_ID}", {})).toThrow(/MICROSOFT_APP_ID/);
    expect(validateManifest({ id: "nope", bots: [{ botId: "nope" }] })).toContain("id must be the bot's Microsoft App ID (a GUID)");
  });
});
