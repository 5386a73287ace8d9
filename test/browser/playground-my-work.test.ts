import type { Page } from "playwright-core";
import type { RunningServer } from "../../src/server/start-server";
import { openPlayground, type PlaygroundBrowser } from "../helpers/playground-browser";

// `my` typed in the playground (a Teams-like channel): the channel's reply shows no list, and
// like Teams the typist's own copy refreshes into their meetings and actions; Accept there
// answers their row exactly as from the roster. axe finds no critical or serious violation.

describe("playground: my meetings and actions", () => {
  let pg: PlaygroundBrowser;
  let server: RunningServer;
  let page: Page;
  const as = (label: RegExp) => pg.as(label);
  const say = (text: string) => pg.say(text);
  const axeSerious = () => pg.axeSerious();

  beforeAll(async () => {
    pg = await openPlayground("playground-my", "2026-11-24T08:00:00Z");
    ({ server, page } = pg);
  });

  afterAll(async () => {
    await pg?.close();
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
