import { buildTimePollView } from "../../../../src/app/views/time-poll-view";
import type { RosterView } from "../../../../src/app/views/view-models";
import { renderRosterCard } from "../../../../src/cards/roster.card";
import { rosterBlocks } from "../../../../src/cards/slack/roster.blocks";
import { freshInvitation, type InviteeRole } from "../../../../src/domain/invitation/invitation";
import type { SlotFreeBusy } from "../../../../src/domain/meeting/free-busy";
import type { ProposedTime } from "../../../../src/domain/meeting/time-poll";
import { rosterView } from "../../cards/slack/slack-view-fixtures";

// Outlook free/busy on the poll: advisory lines per time, "not checked" for the rest, never a
// vote. Built from stored statuses, then rendered as the Teams card and the Slack message.

const times: ProposedTime[] = [
  { id: "s1", meetingId: "m", ordinal: 1, startsAt: new Date("2026-12-01T09:00:00Z") },
  { id: "s2", meetingId: "m", ordinal: 2, startsAt: new Date("2026-12-01T14:00:00Z") },
];
const person = (id: string, role: InviteeRole, practitionerId: string) => freshInvitation({ id, meetingId: "m", role, agency: role, required: true }, { kind: "person", practitionerId, displayName: practitionerId }, null);
const rows = [person("r-sw", "social-worker", "p-sw"), person("r-health", "health", "p-health"), freshInvitation({ id: "r-police", meetingId: "m", role: "police", agency: "police", required: true }, { kind: "agency", label: "Police duty desk" }, null)];
const fb = (slotId: string, invitationId: string, practitionerId: string, status: SlotFreeBusy["status"]): SlotFreeBusy => ({ slotId, invitationId, practitionerId, status, checkedAt: new Date("2026-11-30T10:00:00Z") });

describe("the poll's Outlook free/busy", () => {
  it("lists per time the roles shown busy, and the roles not checked, without touching the star", () => {
    const checked = [fb("s1", "r-sw", "p-sw", "free"), fb("s2", "r-sw", "p-sw", "free"), fb("s1", "r-health", "p-health", "free"), fb("s2", "r-health", "p-health", "busy")];
    const all = rows.map((r) => ({ slotId: "s2", invitationId: r.id, available: true, answeredById: "x", answeredAt: new Date() }));
    const view = buildTimePollView("strategy-discussion", times, rows, all, checked);
    expect(view.options.map((o) => o.outlookBusy)).toEqual([[], ["Health"]]);
    expect(view.outlookChecked).toBe(true);
    expect(view.outlookNotChecked).toEqual(["Police"]);
    expect(view.options[1]!.best).toBe(true);
    // The same answers without any free/busy give the same star.
    expect(buildTimePollView("strategy-discussion", times, rows, all).options.map((o) => o.best)).toEqual(view.options.map((o) => o.best));
  });

  it("drops advice for a row whose person has changed since, and counts an unreadable calendar as not checked", () => {
    const moved = rows.map((r) => (r.id === "r-health" ? { ...r, delegateId: "p-other" } : r));
    const view = buildTimePollView("strategy-discussion", times, moved, [], [fb("s2", "r-health", "p-health", "busy"), fb("s1", "r-sw", "p-sw", "unknown"), fb("s2", "r-sw", "p-sw", "unknown")]);
    expect(view.options.map((o) => o.outlookBusy)).toEqual([[], []]);
    expect(view.outlookNotChecked).toEqual(["Social worker", "Health", "Police"]);
  });

  it("says nothing about Outlook until a check has stored something", () => {
    const view = buildTimePollView("strategy-discussion", times, rows, []);
    expect(view.outlookChecked).toBe(false);
    expect(view.outlookNotChecked).toEqual([]);
  });
});

describe("rendering it", () => {
  const poll: NonNullable<RosterView["timePoll"]> = {
    options: [
      { slotId: "s1", label: "Tue 1 Dec 2026, 09:00 (UK time)", canMake: [], cannotMake: [], notYet: ["Health"], allRequired: false, best: false, outlookBusy: [] },
      { slotId: "s2", label: "Tue 1 Dec 2026, 14:00 (UK time)", canMake: ["Health"], cannotMake: [], notYet: [], allRequired: false, best: false, outlookBusy: ["Health", "*Police* <!here>"] },
    ],
    bestLabel: null, bestIntro: "Earliest time social worker, health and police can all make", asked: 2, answered: 1, outlookChecked: true, outlookNotChecked: ["[Other](https://evil.example)"],
  };
  const view = rosterView(2, { status: "proposed", timePoll: poll });

  it("in Teams: one advisory line under the busy time, escaped", () => {
    const card = JSON.stringify(renderRosterCard(view));
    expect(card.match(/Outlook shows busy/g)).toHaveLength(1);
    // Markdown and markup in the text are neutralised (the card escapes with look-alike characters).
    expect(card).toContain("Outlook shows busy: Health, ＊Police＊ ＜!here＞ (advisory)");
    expect(card).not.toContain("https://evil.example)");
  });

  it("in Slack: the same line in the poll section, with mrkdwn and mentions escaped", () => {
    const text = JSON.stringify(rosterBlocks(view).blocks);
    expect(text.match(/Outlook shows busy/g)).toHaveLength(1);
    expect(text).toContain("Outlook shows busy: Health");
    expect(text).not.toContain("<!here>");
    expect(text).toContain("Outlook calendars not checked for:");
  });
});
