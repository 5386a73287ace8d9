/** One line of help: what to type and what it does. */
export interface HelpCommandView {
  /** The words, without the channel's prefix, e.g. "strategy CS-2026-0142". */
  usage: string;
  /** What it does, in a sentence. */
  what: string;
}

/** The answer to `help`, or to words Convene did not understand. */
export interface HelpView {
  /** How commands are typed in this channel, e.g. "/convene " in Slack; "" where a mention suffices. */
  prefix: string;
  /** The word that was not understood, when this help answers one. */
  notUnderstood?: string;
  /** Every command, in the order people need them. */
  commands: HelpCommandView[];
}

/** The one table of commands, shown the same in every channel (README's command table matches it). */
export const HELP_COMMANDS: readonly HelpCommandView[] = [
  { usage: "link CS-2026-0142", what: "Links this channel or chat to a case. Messages name the case reference only, never a child." },
  { usage: "strategy CS-2026-0142", what: "Opens the form to convene a strategy discussion (social worker, health and police are required). Also: convene strategy …" },
  { usage: "core-group CS-2026-0142", what: "Convenes a core group meeting. Also: icpc …, review …, and transfer-in … without a date for the transfer-in conference." },
  { usage: "deadlines CS-2026-0142", what: "Lists the case's statutory deadlines and agreed actions, with working days left, for you alone. A team manager can waive a deadline there, giving a reason." },
  { usage: "referral CS-2026-0142 2026-11-20", what: "Records the day a referral arrived: starts the decision (1 working day) and assessment (45 working days) clocks. Case social worker or team manager." },
  { usage: "transfer-in CS-2026-0142 2026-11-20", what: "Records the day you were told the family moved in: starts the transfer-in conference clock (15 working days)." },
  { usage: "dob CS-2026-0142 2010-05-14", what: "Records the child's date of birth (also date-of-birth …): plans the review conference before the 18th birthday." },
  { usage: "s47 CS-2026-0142 2026-11-20", what: "Records the day a section 47 enquiry started when no strategy discussion record says so: starts its initial conference clock (15 working days). Its outcome is recorded from the deadlines card." },
  { usage: "looked-after CS-2026-0142 2026-11-20", what: "Records the day the child became looked after: starts the permanence plan clock (local policy, 4 months). The plan is recorded from the deadlines card. Case social worker or team manager." },
  { usage: "plan-ends CS-2026-0142 2027-06-30", what: "Opens the form that ends the child protection plan with its reason (also the deadlines card's End the plan…): the review clocks close and everyone invited to the initial conference is told. A move to another authority waits for its transfer-in conference. Case social worker or team manager." },
  { usage: "my", what: "Shows your own meetings to answer (with the answer buttons), the meetings you convene with their gaps, and your open actions (Mark done), for you alone: in your personal chat with Convene, or privately in Slack (also the Convene app's Home tab). Also: mine." },
  { usage: "help", what: "Shows this list." },
];

/** Help for a channel, naming the word not understood if there was one. */
export function helpView(prefix: string, notUnderstood?: string): HelpView {
  return { prefix, commands: [...HELP_COMMANDS], ...(notUnderstood ? { notUnderstood } : {}) };
}
