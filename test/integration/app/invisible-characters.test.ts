import { createApp } from "../../../src/app/create-app";
import { createConversation } from "../../../src/app/conversation/conversation";
import type { ConversationTurn } from "../../../src/app/conversation/conversation-turn";
import { ActionId } from "../../../src/app/conversation/action-id";
import type { ActorIdentity } from "../../../src/app/ports/actor";
import { renderRosterCard } from "../../../src/cards/roster.card";
import { rosterBlocks } from "../../../src/cards/slack/roster.blocks";
import { createWorkingDayCalendar } from "../../../src/domain/calendar/working-day-calendar";
import { fixedClock } from "../../../src/domain/shared/clock";
import { hasInvisible, stripInvisible } from "../../../src/domain/shared/invisible-characters";
import { silentLogger } from "../../helpers/seed-strategy-case";
import { createTestDatabase, type TestDatabase } from "../../helpers/test-database";

// Security review, item 7: a right-to-left override in a concern ("\u202E") makes a card read
// backwards from that point, and zero-width characters make two texts look alike. They are
// stripped where user text enters the conversation, once, for every channel and every card.

const RLO = "\u202E";
const ZWSP = "\u200B";
const people: Record<string, ActorIdentity> = {
  sw: { platform: "teams", tenant: "t1", userId: "aad-sw", displayName: `Sam${RLO} Okafor`, email: "sam@la.example" },
  police: { platform: "teams", tenant: "t1", userId: "aad-police", displayName: `DC${ZWSP} Priya Shah`, email: "priya@police.example" },
  health: { platform: "teams", tenant: "t1", userId: "aad-health", displayName: "Hana Lewis\u2066", email: "hana@nhs.example" },
};

describe("invisible characters are stripped where user text enters", () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase("invisible");
  });
  afterAll(() => db.dispose());

  const turn = (key: string): ConversationTurn => ({
    key,
    conversation: { platform: "teams", conversationId: "19:invisible@thread.tacv2" },
    personal: false,
    commandPrefix: "",
    actor: async () => people.sw!,
    resolvePerson: async (id) => Object.values(people).find((p) => p.userId === id)!,
    conversationRef: () => "{}",
  });

  it("from typed words, people's names and form values, before any card sees them", async () => {
    const app = createApp({ uow: db.uow, clock: fixedClock("2026-11-23T09:00:00Z"), calendar: createWorkingDayCalendar(), logger: silentLogger });
    const conversation = createConversation({ app, logger: silentLogger });
    // A zero-width space inside the reference would otherwise make it a different (invalid) one.
    const linked = await conversation.handleText(turn("k1"), `link CS-2026-${ZWSP}0142`);
    expect(linked.kind).toBe("notice");
    expect(await db.prisma.case.findFirst({ where: { reference: "CS-2026-0142" } })).not.toBeNull();

    const reply = await conversation.handleAction(turn("k2"), ActionId.SubmitConvene, {
      caseRef: "CS-2026-0142",
      kind: "strategy-discussion",
      concern: `Bruising reported by school ${RLO}loohcs yb detroper`,
      urgency: "today",
      date: "2026-11-24",
      time: "10:00",
      mode: "meeting",
      "person_social-worker": "aad-sw",
      person_police: "aad-police",
      person_health: "aad-health",
      contact_school: `School${ZWSP} DSL duty line`,
    });
    expect(reply).toMatchObject({ kind: "notice", tone: "info" });
    // The roster card goes out through the outbox: render it as each channel would.
    const posted = await db.prisma.outboxMessage.findMany();
    const roster = posted.map((m) => JSON.parse(m.payload) as { type: string; view: Parameters<typeof rosterBlocks>[0] }).find((p) => p.type === "roster")!;
    expect(roster).toBeDefined();
    const teamsCard = JSON.stringify(renderRosterCard(roster.view, {}));
    const slackMessage = JSON.stringify(rosterBlocks(roster.view));
    for (const text of [JSON.stringify(roster.view), teamsCard, slackMessage]) expect(hasInvisible(text)).toBe(false);
    expect(teamsCard).toContain("School DSL duty line");
    expect(teamsCard).toContain("DC Priya Shah");

    // Nothing stored holds them either.
    const meeting = await db.prisma.meeting.findFirst();
    expect(hasInvisible(JSON.stringify(meeting))).toBe(false);
    for (const p of await db.prisma.practitioner.findMany()) expect(hasInvisible(p.displayName)).toBe(false);
  });

  it("strips every bidirectional control and zero-width character, and nothing else", () => {
    const controls = ["\u202A", "\u202B", "\u202C", "\u202D", "\u202E", "\u2066", "\u2067", "\u2068", "\u2069", "\u200E", "\u200F", "\u061C", "\u200B", "\u200C", "\u200D", "\u2060", "\uFEFF", "\u00AD"];
    for (const c of controls) expect(stripInvisible(`a${c}b`)).toBe("ab");
    expect(stripInvisible("Zoë Ó Briain – 10:00 ✓ 😀 مرحبا")).toBe("Zoë Ó Briain – 10:00 ✓ 😀 مرحبا");
  });
});
