import { rosterBlocks } from "../../../../src/cards/slack/roster.blocks";
import { blockKitProblems } from "../../../../src/cards/slack/block-kit-limits";
import { parseSlackActionId } from "../../../../src/cards/slack/slack-action-id";
import { rosterView } from "./slack-view-fixtures";

describe("rosterBlocks: the calendar link", () => {
  const url = "https://convene.example/calendar/m-1.1790000000.abc.ics";
  const buttons = (blocks: unknown[]) =>
    blocks.flatMap((b) => ((b as { type: string }).type === "actions" ? ((b as { elements: Array<{ text?: { text: string }; url?: string; action_id: string }> }).elements) : []));

  it("is a URL button, Add to calendar while scheduled and Remove from calendar once cancelled, and no conversation action", () => {
    const scheduled = rosterBlocks({ ...rosterView(3), status: "scheduled", calendarUrl: url });
    expect(blockKitProblems("message", scheduled.blocks)).toEqual([]);
    const add = buttons(scheduled.blocks).find((e) => e.text?.text === "Add to calendar")!;
    expect(add.url).toBe(url);
    // Slack still sends the click: the listener acks it and finds no action of ours.
    expect(parseSlackActionId(add.action_id)).toBeNull();
    const cancelled = rosterBlocks({ ...rosterView(3), status: "cancelled", calendarUrl: url });
    expect(buttons(cancelled.blocks).find((e) => e.text?.text === "Remove from calendar")?.url).toBe(url);
  });

  it("is absent without a link", () => {
    expect(buttons(rosterBlocks(rosterView(3)).blocks).some((e) => e.url)).toBe(false);
  });
});

describe("rosterBlocks: the Teams meeting", () => {
  const joinUrl = "https://teams.microsoft.com/l/meetup-join/19%3ameeting_abc%40thread.v2/0";
  const elements = (blocks: unknown[]) =>
    blocks.flatMap((b) => ((b as { type: string }).type === "actions" || (b as { type: string }).type === "context" ? (b as { elements: Array<{ text?: unknown; url?: string; action_id?: string }> }).elements : []));

  it("is a URL button that opens the join link, and no conversation action", () => {
    const blocks = rosterBlocks({ ...rosterView(3), status: "scheduled", joinUrl }).blocks;
    expect(blockKitProblems("message", blocks)).toEqual([]);
    const join = elements(blocks).find((e) => String(JSON.stringify(e.text)).includes("Join Teams meeting"))!;
    expect(join.url).toBe(joinUrl);
    expect(parseSlackActionId(join.action_id!)).toBeNull();
  });

  it("says when it could not be created yet", () => {
    const blocks = rosterBlocks({ ...rosterView(3), status: "scheduled", onlineMeetingNote: "Teams meeting: could not be created yet; retrying" }).blocks;
    expect(blockKitProblems("message", blocks)).toEqual([]);
    expect(JSON.stringify(blocks)).toContain("Teams meeting: could not be created yet; retrying");
    expect(JSON.stringify(blocks)).not.toContain("Join Teams meeting");
  });
});
