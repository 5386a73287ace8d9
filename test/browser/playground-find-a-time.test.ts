import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { chromium, type BrowserContext, type Page } from "playwright-core";
import { loadConfig } from "../../src/config/config";
import { startServer, type RunningServer } from "../../src/server/start-server";
import { fixedClock } from "../../src/domain/shared/clock";

// Find a time, as a person tries it in the playground: convene with the time to be agreed,
// propose two times on the roster card, each agency ticks the times it can make, the card stars
// the earliest all three can make, and picking it schedules the meeting with its calendar link.
// axe finds no critical or serious violation on the poll.

describe("playground: find a time", () => {
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
  const roster = () => page.locator(".msg", { hasText: "Who is coming" }).last();
  const axeSerious = async () => {
    if (!(await page.evaluate(() => "axe" in window))) await page.evaluate(readFileSync(require.resolve("axe-core/axe.min.js"), "utf8"));
    return page.evaluate(async () => {
      const r = await (window as unknown as { axe: { run: (c: unknown, o: unknown) => Promise<{ violations: { id: string; impact: string }[] }> } }).axe.run(document, { resultTypes: ["violations"] });
      return r.violations.filter((v) => v.impact === "critical" || v.impact === "serious").map((v) => `${v.impact} ${v.id}`);
    });
  };
  /** Presses "Times I can make…" as this person and ticks the times whose labels match. */
  const tick = async (who: RegExp, times: RegExp[]) => {
    await as(who);
    await roster().getByRole("button", { name: "Times I can make…" }).click();
    await roster().getByRole("button", { name: "Save my times" }).waitFor();
    for (const t of times) await roster().getByLabel(t).check();
    await roster().getByRole("button", { name: "Save my times" }).click();
    await roster().getByRole("button", { name: "Times I can make…" }).waitFor();
  };

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), "convene-playground-times-"));
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

  it("proposes times, takes each agency's ticks, stars the earliest all three can make, and schedules it", async () => {
    await as(/Sam Okafor/);
    await say("link CS-2026-0779");
    await page.getByText("Linked to case CS-2026-0779").waitFor();
    await say("convene strategy CS-2026-0779");
    await page.getByText("Convene: Strategy discussion").waitFor();
    const form = page.locator(".msg .ac-adaptiveCard").last();
    await form.getByLabel(/Concern in brief/).fill("Bruising reported by school.");
    await form.getByLabel(/Social worker \(required\)/).locator("input").fill("Sam Okafor");
    await form.getByLabel(/Police \(required\)/).locator("input").fill("DC Priya Shah");
    await form.getByLabel(/Health \(required\)/).locator("input").fill("Hana Lewis (named nurse)");
    await form.getByRole("button", { name: /Convene strategy discussion/ }).click();
    await roster().waitFor();

    await roster().getByRole("button", { name: "Find a time…" }).click();
    await roster().getByLabel("Option 1: date").fill("2026-11-25");
    await roster().getByLabel(/Option 1: time/).fill("10:00");
    await roster().getByLabel("Option 2: date").fill("2026-11-26");
    await roster().getByLabel(/Option 2: time/).fill("14:00");
    await roster().getByRole("button", { name: "Propose these times" }).click();
    await roster().getByText("Possible times").waitFor();

    await tick(/Sam Okafor/, [/Wed 25 Nov 2026, 10:00/, /Thu 26 Nov 2026, 14:00/]);
    await tick(/Hana/, [/Thu 26 Nov 2026, 14:00/]);
    await tick(/Priya/, [/Wed 25 Nov 2026, 10:00/, /Thu 26 Nov 2026, 14:00/]);
    await roster().getByText("Earliest time social worker, health and police can all make: Thu 26 Nov 2026, 14:00 (UK time)").waitFor();
    await roster().getByText("3 of 3 rows have marked their times.").waitFor();
    expect(await axeSerious()).toEqual([]);

    await as(/Sam Okafor/);
    await roster().getByRole("button", { name: "Pick a time…" }).click();
    await roster().getByRole("button", { name: "Hold it at this time" }).click();
    await roster().getByText("Thu 26 Nov 2026, 14:00 (UK time)").first().waitFor();
    // An Action.OpenUrl: the renderer draws it as a link to the signed .ics.
    await roster().getByText("Add to calendar").waitFor();
    const m = await server.context.prisma.meeting.findFirstOrThrow();
    expect(m).toMatchObject({ status: "scheduled", scheduledAt: new Date("2026-11-26T14:00:00Z") });
  });
});
