import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { chromium, type BrowserContext, type Page } from "playwright-core";
import { loadConfig } from "../../src/config/config";
import { startServer, type RunningServer } from "../../src/server/start-server";
import { fixedClock } from "../../src/domain/shared/clock";

// `my` typed in the playground (a Teams-like channel): the channel's reply shows no list, and
// like Teams the typist's own copy refreshes into their meetings and actions; Accept there
// answers their row exactly as from the roster. axe finds no critical or serious violation.

describe("playground: my meetings and actions", () => {
  let dir: string;
  let server: RunningServer;
  let browser: BrowserContext;
  let page: Page;

  const as = async (label: RegExp) => {
    const value = await page.locator("#user option", { hasText: label }).first().getAttribute("value");
    await page.selectOption("#user", value!);
  };
  const say = async (text: string) => {
    await page.fill("#text", text);
    await page.click("#compose button");
  };
  const axeSerious = async () => {
    if (!(await page.evaluate(() => "axe" in window))) await page.evaluate(readFileSync(require.resolve("axe-core/axe.min.js"), "utf8"));
    return page.evaluate(async () => {
      const r = await (window as unknown as { axe: { run: (c: unknown, o: unknown) => Promise<{ violations: { id: string; impact: string }[] }> } }).axe.run(document, { resultTypes: ["violations"] });
      return r.violations.filter((v) => v.impact === "critical" || v.impact === "serious").map((v) => `${v.impact} ${v.id}`);
    });
  };

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), "convene-playground-my-"));
    server = await startServer(loadConfig({ DATABASE_URL: `file:${path.join(dir, "pg.db")}`, PORT: "0", CONVENE_SCHEDULER: "off", LOG_LEVEL: "silent", NODE_ENV: "test" }), { clock: fixedClock("2026-11-24T08:00:00Z") });
    browser = await chromium.launchPersistentContext(path.join(dir, "profile"), {
      executablePath: "/usr/bin/chromium",
      headless: true,
      viewport: { width: 1280, height: 900 },
      args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
    });
    page = browser.pages()[0] ?? (await browser.newPage());
    await page.goto(server.url);
    await page.waitForSelector("body[data-ready=true]");
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it("shows Hana her own meeting to answer when she types my, and Accept there answers her row", async () => {
    await as(/Sam Okafor/);
    await say("link CS-2026-0778");
    await page.getByText("Linked to case CS-2026-0778").waitFor();
    await say("convene strategy CS-2026-0778");
    await page.getByText("Convene: Strategy discussion").waitFor();
    const form = page.locator(".msg .ac-adaptiveCard").last();
    await form.getByLabel(/Concern in brief/).fill("Bruising reported by school.");
    await form.getByLabel(/Proposed date/).fill("2026-11-24");
    await form.getByLabel(/Time \(UK time\)/).fill("15:00");
    await form.getByLabel(/Social worker \(required\)/).locator("input").fill("Sam Okafor");
    await form.getByLabel(/Police \(required\)/).locator("input").fill("DC Priya Shah");
    await form.getByLabel(/Health \(required\)/).locator("input").fill("Hana Lewis (named nurse)");
    await form.getByRole("button", { name: /Convene strategy discussion/ }).click();
    await page.locator(".msg", { hasText: "Who is coming" }).last().waitFor();

    await as(/Hana/);
    await say("my");
    const mine = page.locator(".msg", { hasText: "My meetings and actions" }).last();
    await mine.getByText("Strategy discussion · CS-2026-0778").waitFor();
    await mine.getByText("Only you see this list.").waitFor();
    expect(await mine.textContent()).not.toContain("Bruising");
    expect(await axeSerious()).toEqual([]);
    await mine.getByRole("button", { name: /^Accept/ }).click();
    await mine.getByText("Your answer is recorded.").waitFor();
    await mine.getByText("Nothing is waiting for your answer.").waitFor();
    const row = await server.context.prisma.invitation.findFirstOrThrow({ where: { role: "health" } });
    expect(row.response).toBe("accepted");

    // Someone else looking at the channel sees the notice, never Hana's list.
    await as(/Sara/);
    const seen = page.locator(".msg", { hasText: "Your meetings and actions are shown to you alone" }).last();
    await seen.waitFor();
    expect(await seen.textContent()).not.toContain("CS-2026-0778");
  });
});
