import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { chromium, type BrowserContext, type Locator, type Page } from "playwright-core";
import { fixedClock } from "../../src/domain/shared/clock";
import type { RunningServer } from "../../src/server/start-server";
import { startTestServer } from "./e2e-server";

/** The playground open in Chromium on its own server and database, with what a test does as a person. */
export interface PlaygroundBrowser {
  server: RunningServer;
  page: Page;
  /** Switches the playground's "you are" picker to the person whose label matches, and waits for the page to settle. */
  as(label: RegExp): Promise<void>;
  /** Types a message into the conversation and sends it. */
  say(text: string): Promise<void>;
  /**
   * Waits until this card is the person's own view: like Teams, the playground refreshes a
   * roster for each person it lists, and a click on the shared copy just before that refresh
   * lands would be on a button that is about to be redrawn. Their own view has one "Respond (…)".
   */
  ownView(card: Locator): Promise<void>;
  /** axe-core's critical and serious violations on the page as it is now. */
  axeSerious(): Promise<string[]>;
  close(): Promise<void>;
}

/** Starts a server in local mode at `clockIso` (a fixed clock) and opens the playground in headless Chromium. */
export async function openPlayground(name: string, clockIso: string): Promise<PlaygroundBrowser> {
  const dir = mkdtempSync(path.join(tmpdir(), `convene-${name}-`));
  const server = await startTestServer(dir, "playground", fixedClock(clockIso));
  // A fresh profile per run (playwright passes it as --user-data-dir).
  const browser: BrowserContext = await chromium.launchPersistentContext(path.join(dir, "profile"), {
    executablePath: "/usr/bin/chromium",
    headless: true,
    viewport: { width: 1280, height: 900 },
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
  });
  const page = browser.pages()[0] ?? (await browser.newPage());
  // Like a person, act once the last change has reached the page: a card update still in the
  // outbox, or a person's own view still being fetched, would redraw the card (closing a form
  // opened on it) under the next click.
  const settled = async () => {
    for (let i = 0; i < 100 && (await server.context.prisma.outboxMessage.count({ where: { status: "pending" } })) > 0; i++) await page.waitForTimeout(100);
    await page.waitForTimeout(1200); // the page polls every second, and refreshes a person's own view on the next draw
  };
  await page.goto(server.url);
  await page.waitForSelector("body[data-ready=true]");
  return {
    server,
    page,
    async as(label) {
      const value = await page.locator("#user option", { hasText: label }).first().getAttribute("value");
      await page.selectOption("#user", value!);
      await settled();
    },
    async say(text) {
      await page.fill("#text", text);
      await page.click("#compose button");
    },
    async ownView(card) {
      for (let i = 0; i < 100 && (await card.getByRole("button", { name: /^Respond \(/ }).count()) !== 1; i++) await page.waitForTimeout(100);
    },
    async axeSerious() {
      if (!(await page.evaluate(() => "axe" in window))) await page.evaluate(readFileSync(require.resolve("axe-core/axe.min.js"), "utf8"));
      return page.evaluate(async () => {
        const r = await (window as unknown as { axe: { run: (c: unknown, o: unknown) => Promise<{ violations: { id: string; impact: string }[] }> } }).axe.run(document, { resultTypes: ["violations"] });
        return r.violations.filter((v) => v.impact === "critical" || v.impact === "serious").map((v) => `${v.impact} ${v.id}`);
      });
    },
    async close() {
      await browser.close();
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
