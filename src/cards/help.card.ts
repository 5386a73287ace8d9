import { adaptiveCard, heading, text, type AdaptiveCardJson } from "./adaptive-card";

const COMMANDS: Array<[string, string]> = [
  ["link CS-2026-0142", "Links this channel or chat to a case. Messages name the case reference only, never a child."],
  ["convene strategy CS-2026-0142", "Opens the form to convene a strategy discussion (social worker, health and police are required)."],
  ["convene core-group CS-2026-0142", "Convenes a core group meeting. Also: convene icpc …, convene review …"],
  ["deadlines CS-2026-0142", "Lists the case's statutory deadlines and agreed actions, with working days left. A team manager can waive a deadline there (Waive…), giving a reason."],
  ["referral CS-2026-0142 2026-11-20", "Records the day a referral arrived: starts the decision (1 working day) and assessment (45 working days) clocks. Case social worker or team manager."],
  ["transfer-in CS-2026-0142 2026-11-20", "Records the day you were told the family moved in: starts the transfer-in conference clock (15 working days)."],
  ["dob CS-2026-0142 2010-05-14", "Records the child's date of birth (also date-of-birth …): plans the review conference before the 18th birthday."],
  ["help", "Shows this card."],
];

/** Explains every command. */
export function renderHelpCard(): AdaptiveCardJson {
  return adaptiveCard({
    fallbackText: `Convene commands: ${COMMANDS.map(([c]) => c).join(", ")}.`,
    body: [
      heading("Convene: what you can ask"),
      text("Mention the bot, then type a command. Invitees answer on the roster card; the convenor marks the meeting held and records the decision there."),
      ...COMMANDS.flatMap(([cmd, what]) => [text(`\`${cmd}\``, { weight: "Bolder", spacing: "Medium" }), text(what, { spacing: "None" })]),
    ],
  });
}
