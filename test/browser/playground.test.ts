import { mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { chromium, type BrowserContext, type Page } from "playwright-core";
import { loadConfig } from "../../src/config/config";
import { startServer, type RunningServer } from "../../src/server/start-server";
import { fixedClock } from "../../src/domain/shared/clock";
import { exportCase } from "../../src/app/use-cases/export-case";
import { renderCaseExportHtml } from "../../src/cards/case-export.html";

// Drives the playground in Chromium through the whole flow a new user would try: link,
// convene, three agencies answer (and a wrong user is refused), mark held, record the
// decision, need to know (the channel's summary, the full record for an attendee only, each
// opening logged, the HTML export), and see a nudge. axe runs on every state, and finds no
// critical or serious violation. Screenshots go to test-results/playground/.

const SHOTS = path.resolve(__dirname, "../../test-results/playground");

describe("playground in a browser", () => {
  let dir: string;
  let server: RunningServer;
  let browser: BrowserContext;
  let page: Page;

  const shot = (name: string) => page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });
  const as = async (label: RegExp) => {
    const value = await page.locator("#user option", { hasText: label }).first().getAttribute("value");
    await page.selectOption("#user", value!);
  };
  // Like a person, act once the last change has reached the page: a card update still in the
  // outbox would otherwise redraw the card (and close a form opened on it) under the next click.
  const settled = async () => {
    for (let i = 0; i < 100 && (await server.context.prisma.outboxMessage.count({ where: { status: "pending" } })) > 0; i++) await page.waitForTimeout(100);
    await page.waitForTimeout(1200); // the page polls every second
  };
  const say = async (text: string) => {
    await page.fill("#text", text);
    await page.click("#compose button");
  };
  // One message, whole: the conversation scrolls inside the page, which would clip a long card,
  // so it is let out to full height for the shot and put back after.
  const cardShot = async (message: ReturnType<Page["locator"]>, name: string) => {
    await page.evaluate(() => { document.querySelector("main")!.setAttribute("style", "height:auto"); document.getElementById("messages")!.setAttribute("style", "overflow:visible"); });
    await message.screenshot({ path: path.join(SHOTS, `${name}.png`) });
    await page.evaluate(() => { document.querySelector("main")!.removeAttribute("style"); document.getElementById("messages")!.removeAttribute("style"); });
  };
  // axe-core in the page: the critical and serious violations in the page as it is now.
  const axeFindings = async (state: string, on: Page) => {
    // Evaluated rather than added as a <script>: the export's CSP (default-src 'none') rightly refuses inline scripts.
    if (!(await on.evaluate(() => "axe" in window))) await on.evaluate(readFileSync(require.resolve("axe-core/axe.min.js"), "utf8"));
    const violations = await on.evaluate(async () => {
      const r = await (window as unknown as { axe: { run: (c: unknown, o: unknown) => Promise<{ violations: { id: string; impact: string; help: string; nodes: { target: unknown[]; failureSummary?: string }[] }[] }> } }).axe.run(document, { resultTypes: ["violations"] });
      return r.violations.filter((v) => v.impact === "critical" || v.impact === "serious").map((v) => ({ id: v.id, impact: v.impact, help: v.help, count: v.nodes.length, first: v.nodes.slice(0, 3).map((n) => `${JSON.stringify(n.target)} ${n.failureSummary ?? ""}`) }));
    });
    return violations.map((v) => `${state}: ${v.impact} ${v.id} (${v.count}) ${v.help} ${v.first.join(" | ")}`);
  };
  const findings: string[] = [];
  const axeCheck = async (state: string, on: Page = page) => { findings.push(...(await axeFindings(state, on))); };
  const lastCard = () => page.locator(".msg .ac-adaptiveCard").last();
  const rosterCard = () => page.locator(".msg", { hasText: "Who is coming" }).last();

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    dir = mkdtempSync(path.join(tmpdir(), "convene-playground-"));
    // The discussion is convened for 24 November and held that day: the server's day is that Tuesday.
    server = await startServer(loadConfig({ DATABASE_URL: `file:${path.join(dir, "pg.db")}`, PORT: "0", CONVENE_SCHEDULER: "off", LOG_LEVEL: "silent", NODE_ENV: "test" }), { clock: fixedClock("2026-11-24T08:00:00Z") });
    // A fresh profile per run (playwright passes it as --user-data-dir).
    browser = await chromium.launchPersistentContext(path.join(dir, "profile"), {
      executablePath: "/usr/bin/chromium",
      headless: true,
      viewport: { width: 1280, height: 900 },
      args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
    });
    page = browser.pages()[0] ?? (await browser.newPage());
    if (process.env.DEBUG_PLAYGROUND) {
      page.on("console", (m) => console.log("console:", m.text()));
      page.on("pageerror", (e) => console.log("pageerror:", e.message));
      page.on("response", async (r) => { if (r.url().includes("/api/messages")) { const t = await r.text(); console.log("api:", r.status(), t.slice(0, 200), (t.match(/"color":"Attention"[^}]*|"text":"[^"]*","wrap":true,"color":"Attention"/g) ?? []).join(" | ")); } });
    }
    await page.goto(server.url);
    await page.waitForSelector("body[data-ready=true]");
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it("runs convene → answers → held → decision → nudge", async () => {
    await as(/Sam Okafor/);
    await say("link CS-2026-0777");
    await page.getByText("Linked to case CS-2026-0777").waitFor();

    await say("convene strategy CS-2026-0777");
    await page.getByText("Convene: Strategy discussion").waitFor();
    const form = lastCard();
    await form.getByLabel(/Concern in brief/).fill("Bruising reported by school.");
    await form.getByLabel(/Proposed date/).fill("2026-11-24");
    await form.getByLabel(/Time \(UK time\)/).fill("10:00");
    await form.getByLabel(/Social worker \(required\)/).locator("input").fill("Sam Okafor");
    await form.getByLabel(/Police \(required\)/).locator("input").fill("DC Priya Shah");
    await form.getByLabel(/Health \(required\)/).locator("input").fill("Hana Lewis (named nurse)");
    await shot("01-convene-form");
    await axeCheck("01-convene-form");
    await form.getByRole("button", { name: /Convene strategy discussion/ }).click();
    await rosterCard().waitFor();
    await shot("02-roster");
    await axeCheck("02-roster");

    // The police user's own copy (a Teams refresh) offers Respond on the Police row only.
    await as(/Priya/);
    await rosterCard().getByRole("button", { name: "Respond (Health)" }).waitFor({ state: "detached" });
    await rosterCard().getByRole("button", { name: "Respond (Police)" }).waitFor();
    await shot("03-own-view");
    await axeCheck("03-own-view");
    // Someone not on the roster sees the shared copy; answering the Health row is refused, privately.
    await as(/Sara/);
    await rosterCard().getByRole("button", { name: "Respond (Health)" }).click();
    await rosterCard().getByRole("button", { name: /^Accept/ }).click();
    await page.getByText(/Only Hana Lewis/).waitFor();
    await shot("03-refused");
    await axeCheck("03-refused");

    for (const [who, role] of [[/Sam Okafor/, "Social worker"], [/Priya/, "Police"], [/Hana/, "Health"]] as const) {
      await as(who);
      // Their own view (refreshed for them, as Teams does) has their one Respond button: click after it lands, not before.
      for (let i = 0; i < 100 && (await rosterCard().getByRole("button", { name: /^Respond \(/ }).count()) !== 1; i++) await page.waitForTimeout(100);
      await rosterCard().getByRole("button", { name: `Respond (${role})` }).click();
      await rosterCard().getByRole("button", { name: /^Accept/ }).click();
      await page.getByText("Your answer is recorded.").or(rosterCard().getByText(/Accepted/).first()).first().waitFor();
    }
    await page.waitForFunction(() => Array.from(document.querySelectorAll(".msg")).some((m) => m.textContent!.includes("Who is coming") && (m.textContent!.match(/Accepted/g) ?? []).length >= 3));
    await shot("04-all-accepted");
    await axeCheck("04-all-accepted");

    await as(/Sam Okafor/);
    await rosterCard().getByRole("button", { name: "Mark held" }).click();
    // It asks who took part, row by row; everyone who accepted is already marked "Took part".
    await rosterCard().getByRole("button", { name: "Save attendance and mark held" }).click();
    await page.getByRole("button", { name: "Record decision" }).waitFor();
    // The channel's copy updates from the outbox a moment later; open the form after that.
    await page.getByText(/Marked held\. Record/).waitFor({ state: "detached" });
    await settled();
    await page.getByRole("button", { name: "Record decision" }).click();
    await page.getByText("Record the decision").waitFor();
    const rec = page.locator(".msg", { hasText: "Record the decision" }).last();
    const form2 = page.locator(".msg", { hasText: "Record the decision" }).last();
    const f2 = (label: RegExp, nth = 0) => form2.getByLabel(label).nth(nth);
    await f2(/^Date held/).fill("2026-11-24");
    await f2(/^Start time/).fill("10:00");
    await f2(/^How it was held/).selectOption({ label: "Meeting (in person or video)" });
    await f2(/^Who took part/).fill("Sam Okafor, Social worker, Children's social care\nDC Priya Shah, Detective constable, Police\nHana Lewis, Named nurse, Health");
    await f2(/^Agency/, 0).fill("Police");
    await f2(/^What they shared/, 0).fill("No previous call-outs to the address.");
    await f2(/^The child's daily life/).fill("Goes to school most days.");
    await f2(/^The child's wishes and feelings/).fill("Wants things calmer at home.");
    await f2(/^What are we worried about/).fill("Unexplained bruising.");
    await f2(/^What is working well/).fill("School attendance is good.");
    await f2(/^What needs to happen/).fill("A medical and a joint visit.");
    await f2(/^Agency/, 4).fill("Police");
    await f2(/^Score/, 0).fill("4");
    await f2(/^Will section 47/).selectOption({ label: "Yes" });
    await f2(/^Any criminal investigation/).fill("Joint interview on 25 November.");
    await f2(/^Is a medical assessment needed/).selectOption({ label: "No" });
    await f2(/^Legal action/).selectOption({ label: "None needed" });
    await f2(/^Other children in the household/).fill("None.");
    await f2(/^Will information be shared/).selectOption({ label: "No, withheld for now" });
    await f2(/^Why it is withheld/).fill("Sharing now may jeopardise the police investigation.");
    await f2(/^Next step/).selectOption({ label: "Initial child protection conference" });
    await f2(/^Why(?! it)/).fill("Section 47 enquiries are starting.");
    await f2(/^Chair/).fill("Sam Okafor");
    await f2(/^Recorded by/).fill("Sam Okafor");
    await shot("05-decision-form");
    await axeCheck("05-decision-form");
    // Section 47 enquiries start but nobody said who carries them out: the server's rule answers beside the field.
    await form2.getByRole("button", { name: /Check the record/ }).click();
    await page.getByText(/Please fix/).waitFor();
    await page.getByText(/single agency or joint with the police/).first().waitFor();
    await shot("06-decision-errors");
    await axeCheck("06-decision-errors");
    const form3 = page.locator(".msg", { hasText: "Record the decision" }).last();
    await form3.getByLabel(/^Who will carry out the enquiries/).selectOption({ label: "Jointly with the police" });
    await form3.getByRole("button", { name: /Check the record/ }).click();
    // The check step: the record as it will be saved, with the plain-language advice, then Save.
    const preview = page.locator(".msg", { hasText: "Check the record before saving" }).last();
    await preview.getByText(/Plain-language check/).waitFor();
    await shot("07a-decision-check");
    await axeCheck("07a-decision-check");
    await preview.getByRole("button", { name: /Save decision record/ }).click();
    await page.getByText(/Decision record version 1 saved/).waitFor();
    await page.locator(".msg", { hasText: "Decision record ·" }).last().waitFor();
    await shot("07-decision-recorded");
    await axeCheck("07-decision-recorded");

    // Need to know. What the record holds in confidence: what agencies shared, the child's
    // daily life and words, the criminal investigation, and why the family are not told.
    const confidential = ["No previous call-outs", "Goes to school most days", "Wants things calmer at home", "Joint interview on 25 November", "Sharing now may jeopardise"];
    const prisma = server.context.prisma;
    const opened = async (name: RegExp) => {
      const who = (await prisma.practitioner.findMany()).find((p) => name.test(p.displayName));
      return who ? prisma.informationSharing.count({ where: { kind: "record-opened", recipientId: who.id } }) : 0;
    };
    // The post itself, as the connector received it, is the summary and nothing more.
    const posted = await page.evaluate(async () => {
      const config = await (await fetch("/playground/config")).json();
      const list = await (await fetch(`/playground/messages?conversationId=${encodeURIComponent(config.conversationId)}&since=0`)).json();
      return JSON.stringify(list.filter((m: { attachments?: unknown[] }) => JSON.stringify(m.attachments ?? []).includes("Decision record ·")));
    });
    expect(posted).toContain("View full record");
    expect(posted).toContain("Section 47");
    for (const t of confidential) expect(posted).not.toContain(t);

    // Sara (the school, not at the meeting) sees the summary, and is refused the full record.
    await as(/Sara/);
    const summary = page.locator(".msg", { hasText: "are in the full record, for those entitled" }).last();
    await summary.getByText("Who attended").waitFor();
    for (const t of confidential) expect(await summary.textContent()).not.toContain(t);
    await shot("09-summary");
    await cardShot(summary, "09-summary-card");
    await axeCheck("09-summary");
    await summary.getByRole("button", { name: "View full record" }).click();
    await summary.getByText(/The full record is shared only with the people who attended/).waitFor();
    await shot("10-full-record-refused");
    await axeCheck("10-full-record-refused");
    expect(await opened(/Sara/)).toBe(0);

    // Priya attended. Like Teams, her copy refreshes into the full record (refresh.userIds),
    // and the opening is a row in the sharing log.
    const priyaBefore = await opened(/Priya/);
    await as(/Priya/);
    const full = page.locator(".msg", { hasText: "Shown to you alone because you are entitled" }).last();
    await full.getByText("Wants things calmer at home.").waitFor();
    await full.getByText("No previous call-outs to the address.").waitFor();
    await full.getByText(/24 November 2026/).first().waitFor();
    expect(await opened(/Priya/)).toBe(priyaBefore + 1);
    await shot("11-full-record");
    await cardShot(full, "11-full-record-card");
    await axeCheck("11-full-record");
    // Back to her copy of the post, already refreshed once: "View full record" opens it again, logged again.
    await as(/Sara/);
    await as(/Priya/);
    await summary.getByRole("button", { name: "View full record" }).click();
    await page.locator(".msg", { hasText: "Shown to you alone because you are entitled" }).getByText("Wants things calmer at home.").waitFor();
    expect(await opened(/Priya/)).toBe(priyaBefore + 2);
    const rows = await prisma.informationSharing.findMany({ where: { kind: "record-opened" } });
    expect(rows.every((r) => r.lawfulBasis === "safeguarding" && r.why.length > 0)).toBe(true);

    // The HTML export: the same document, marked, with the log; shown in its own tab.
    const c = await prisma.case.findFirstOrThrow({ where: { reference: "CS-2026-0777" } });
    const model = await exportCase({ uow: server.context.uow, clock: server.context.clock }, { tenant: c.tenant, caseRef: "CS-2026-0777", exportedBy: "Sam Okafor", reason: "Copy for the child's case file", format: "HTML", operator: "test:browser" });
    const exported = await browser.newPage();
    await exported.setContent(renderCaseExportHtml(model));
    await exported.getByText("OFFICIAL-SENSITIVE").first().waitFor();
    await exported.getByText("Wants things calmer at home.").first().waitFor();
    await exported.getByText(/Full record opened/).first().waitFor();
    await exported.screenshot({ path: path.join(SHOTS, "12-export.png"), fullPage: true });
    await axeCheck("12-export", exported);
    await exported.close();
    expect(await prisma.informationSharing.count({ where: { kind: "export" } })).toBe(1);

    // Nudges come from deadlines: run the pass "as of" a later day (the page offers this in local mode).
    // Nudges go out on working days; the ICPC deadline here is Tue 15 Dec 2026.
    await page.fill("#asof", "2026-12-14");
    await page.click("#nudge");
    await page.getByText(/Nudge pass: [1-9]/).waitFor();
    await page.locator(".msg", { hasText: "CS-2026-0777" }).filter({ hasText: "Show deadlines" }).last().waitFor();
    await shot("08-nudge");
    await axeCheck("08-nudge");
    expect(findings).toEqual([]);
  });
});
