import type { Page } from "playwright-core";
import type { RunningServer } from "../../src/server/start-server";
import { openPlayground, type PlaygroundBrowser } from "../helpers/playground-browser";

// Find a time, as a person tries it in the playground: convene with the time to be agreed,
// propose two times on the roster card, each agency ticks the times it can make, the card stars
// the earliest all three can make, and picking it schedules the meeting with its calendar link.
// axe finds no critical or serious violation on the poll.

describe("playground: find a time", () => {
  let pg: PlaygroundBrowser;
  let server: RunningServer;
  let page: Page;
  const as = (label: RegExp) => pg.as(label);
  const say = (text: string) => pg.say(text);
  const axeSerious = () => pg.axeSerious();
  const roster = () => page.locator(".msg", { hasText: "Who is coming" }).last();
  /** Presses "Times I can make…" as this person and ticks the times whose labels match. */
  const tick = async (who: RegExp, times: RegExp[]) => {
    await as(who);
    await pg.ownView(roster());
    await roster().getByRole("button", { name: "Times I can make…" }).click();
    await roster().getByRole("button", { name: "Save my times" }).waitFor();
    for (const t of times) await roster().getByLabel(t).check();
    await roster().getByRole("button", { name: "Save my times" }).click();
    await roster().getByRole("button", { name: "Times I can make…" }).waitFor();
  };

  beforeAll(async () => {
    pg = await openPlayground("playground-times", "2026-11-24T08:00:00Z");
    ({ server, page } = pg);
  });

  afterAll(async () => {
    await pg?.close();
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
    await pg.ownView(roster());
    await roster().getByRole("button", { name: "Pick a time…" }).click();
    await roster().getByRole("button", { name: "Hold it at this time" }).click();
    await roster().getByText("Thu 26 Nov 2026, 14:00 (UK time)").first().waitFor();
    // An Action.OpenUrl: the renderer draws it as a link to the signed .ics.
    await roster().getByText("Add to calendar").waitFor();
    const m = await server.context.prisma.meeting.findFirstOrThrow();
    expect(m).toMatchObject({ status: "scheduled", scheduledAt: new Date("2026-11-26T14:00:00Z") });
  });
});
