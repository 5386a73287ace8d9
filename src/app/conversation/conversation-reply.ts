import type { DeadlinesView, DecisionRecordSummaryView, DecisionRecordView, MyWorkView, NoticeView, RosterView } from "../views/view-models";
import type { FormView } from "./form-descriptor";
import type { HelpView } from "./help";
import type { RecordPreviewView } from "./record-preview";

/**
 * What Convene answers, whatever the channel. Edges only render it: Teams as a card (a reply
 * or the invoke's response), Slack as an ephemeral or in-channel message, a modal or modal
 * errors. Nothing here is platform-shaped.
 */
export type ConversationReply =
  /** A short message. `audience: "conversation"` is for what everyone in the case channel should see (a link, a case event). */
  | { kind: "notice"; notice: NoticeView; tone: "info" | "error"; audience: "actor" | "conversation" }
  /** What Convene understands, optionally naming the word it did not. */
  | { kind: "help"; help: HelpView }
  /** A case's deadlines, for the person who asked (after a waiver, with its notice on top). */
  | { kind: "deadlines"; deadlines: DeadlinesView; notice?: NoticeView }
  /** A form to fill in, new or shown again with errors beside its fields. */
  | { kind: "form"; form: FormView }
  /**
   * The roster as it now stands, for the person who acted. Everyone else's copy updates
   * through the outbox. `note` lines must reach the actor in every channel (the plain-language advice).
   */
  | { kind: "roster"; roster: RosterView; notice?: string; note?: string[] }
  /** A meeting's full decision record, for the person who asked alone (Teams: their own view of the card; Slack: a modal). */
  | { kind: "record"; record: DecisionRecordView }
  /** The "check" step: the record as it will be saved, with the plain-language advice, then Save or Edit (for the recorder alone). */
  | { kind: "record-preview"; preview: RecordPreviewView }
  /** A decision record's summary, for someone not entitled to the full record (a Teams refresh). */
  | { kind: "record-summary"; summary: DecisionRecordSummaryView }
  /**
   * "My meetings and actions", for the person who asked alone: in a personal chat, the Slack
   * App Home, an ephemeral message, or a Teams card only they see. `notice` says what their
   * last press did (or why it was refused, with `tone: "error"`).
   */
  | { kind: "my-work"; myWork: MyWorkView; notice?: NoticeView; tone?: "info" | "error" }
  /**
   * `my` asked where every reply is seen by everyone (a Teams channel): the list is not shown
   * there. Edges say so, and offer it as a view for the asker alone (a Teams refresh and button).
   */
  | { kind: "my-work-elsewhere"; notice: NoticeView }
  /** A refusal or failure for the actor alone; nothing changed and the shared card stays as it is. */
  | { kind: "refusal"; message: string };
