import type { KnownBlock, ModalView } from "@slack/types";
import type { DecisionRecordSummaryView, DecisionRecordView, LegacyDecisionRecordPost, RecordBlockView } from "../../app/views/view-models";
import { ActionId } from "../../app/conversation/action-id";
import { SLACK_LIMITS, truncatePlain } from "./block-kit-limits";
import { boldLabel, escapeMrkdwn } from "./escape-mrkdwn";
import type { SlackMessage } from "./roster.blocks";
import { slackActionId } from "./slack-action-id";

/**
 * Splits escaped mrkdwn into pieces Slack accepts (3,000 characters a section), at line or
 * word breaks where it can: a long answer is shown in full over several blocks, never cut.
 */
export function splitMrkdwn(textValue: string, max: number = SLACK_LIMITS.sectionText): string[] {
  const out: string[] = [];
  let rest = textValue;
  while (rest.length > max) {
    let at = rest.lastIndexOf("\n", max);
    if (at < max / 2) at = rest.lastIndexOf(" ", max);
    if (at < max / 2) at = max;
    // Never split an escaped entity (&amp;) or a surrogate pair.
    const amp = rest.lastIndexOf("&", at);
    if (amp > at - 6 && rest.indexOf(";", amp) >= at) at = amp;
    const code = rest.charCodeAt(at - 1);
    if (code >= 0xd800 && code <= 0xdbff) at -= 1;
    out.push(rest.slice(0, at));
    rest = rest.slice(at).replace(/^\n/, "");
  }
  if (rest) out.push(rest);
  return out;
}

const section = (mrkdwn: string): KnownBlock[] => splitMrkdwn(mrkdwn || " ").map((t) => ({ type: "section", text: { type: "mrkdwn", text: t } }));

/** A table as one line per row ("*Who:* Sam · *What:* … · *By when:* …"), every value escaped. */
function tableLines(columns: string[], rows: string[][]): string {
  return rows.map((r) => `• ${r.map((v, i) => `${boldLabel(columns[i] ?? "")} ${escapeMrkdwn(v || "—")}`).join("  ·  ")}`).join("\n");
}

function recordBlock(b: RecordBlockView): KnownBlock[] {
  switch (b.kind) {
    case "fields":
      return section(b.fields.map((f) => `${boldLabel(f.label)}\n${escapeMrkdwn(f.value.trim() || "—")}`).join("\n\n"));
    case "table":
      return section(`${b.caption ? `${boldLabel(b.caption)}\n` : ""}${tableLines(b.columns, b.rows)}`);
    case "text":
      return section(escapeMrkdwn(b.text));
  }
}

/**
 * The full decision record as a Slack modal, opened for the person entitled who pressed
 * "View full record": the same document as the Teams card and the export. Past 100 blocks the
 * last block says so and points at the export, because Slack refuses bigger modals.
 */
export function decisionRecordModal(view: DecisionRecordView): ModalView {
  const blocks: KnownBlock[] = [
    { type: "context", elements: [{ type: "mrkdwn", text: `*${escapeMrkdwn(view.marking)}* · shown to you alone; opening it was recorded in the information-sharing log.` }] },
    ...decisionRecordBlocks(view, SLACK_LIMITS.modalBlocks - 1),
  ];
  return {
    type: "modal",
    title: { type: "plain_text", text: truncatePlain("Decision record", SLACK_LIMITS.modalTitle) },
    close: { type: "plain_text", text: "Close" },
    blocks,
  };
}

/**
 * The record document's blocks (header, sections, tables), at most `room` of them: past that the
 * last block says so and points at the export, because Slack refuses modals over 100 blocks.
 */
export function decisionRecordBlocks(view: DecisionRecordView, room: number): KnownBlock[] {
  const blocks: KnownBlock[] = [
    { type: "header", text: { type: "plain_text", text: truncatePlain(`${view.kindTitle} · ${view.caseReference}`, SLACK_LIMITS.headerText) } },
    ...section(view.header.map((f) => `${boldLabel(f.label)}: ${escapeMrkdwn(f.value)}`).join("\n")),
  ];
  for (const s of view.sections) {
    blocks.push({ type: "divider" }, { type: "header", text: { type: "plain_text", text: truncatePlain(s.title, SLACK_LIMITS.headerText) } });
    for (const b of s.blocks) blocks.push(...recordBlock(b));
  }
  if (blocks.length > room) {
    blocks.length = room - 1;
    blocks.push({ type: "context", elements: [{ type: "mrkdwn", text: "The record continues beyond what Slack can show here. Ask the case's social worker for the export to read every section." }] });
  }
  return blocks;
}

/**
 * The decision record's summary for the case channel: who attended by agency, the decisions,
 * the actions and the clocks, with "View full record", which opens the full record in a
 * modal for those entitled and refuses anyone else privately.
 */
export function decisionRecordSummaryBlocks(view: DecisionRecordSummaryView): SlackMessage {
  const blocks: KnownBlock[] = [
    { type: "header", text: { type: "plain_text", text: truncatePlain(`Decision record · ${view.caseReference}`, SLACK_LIMITS.headerText) } },
    { type: "context", elements: [{ type: "mrkdwn", text: `${escapeMrkdwn(view.kindTitle)} · held ${escapeMrkdwn(view.dateLabel)} · version ${view.version}` }] },
  ];
  if (view.attendance.length) blocks.push(...section(`*Who attended*\n${view.attendance.map((a) => `${boldLabel(a.agency)}: ${escapeMrkdwn(a.names.join(", "))}`).join("\n")}`));
  if (view.decisions.length) blocks.push(...section(`*Decisions*\n${view.decisions.map((d) => `${boldLabel(d.label)}: ${escapeMrkdwn(d.value)}`).join("\n")}`));
  if (view.actions.length) blocks.push(...section(`*Actions*\n${tableLines(["Who", "What", "By when"], view.actions.map((a) => [a.who, a.what, a.byWhenLabel]))}`));
  if (view.clocks.length) blocks.push(...section(`*Clocks started*\n${view.clocks.map((c) => `${escapeMrkdwn(c.title)}: due ${escapeMrkdwn(c.dueDateLabel)}`).join("\n")}`));
  blocks.push(
    { type: "context", elements: [{ type: "mrkdwn", text: "What agencies shared, the child's words and the rest of the record are in the full record, for those entitled to it." }] },
    {
      type: "actions",
      elements: [
        { type: "button", action_id: slackActionId(ActionId.ViewFullRecord, view.meetingId), text: { type: "plain_text", text: "View full record" }, style: "primary", value: view.meetingId },
        { type: "button", action_id: slackActionId(ActionId.ShowDeadlines, view.caseReference), text: { type: "plain_text", text: "Show deadlines" }, value: view.caseReference },
      ],
    },
  );
  const text = `Decision record summary for ${escapeMrkdwn(view.caseReference)} (${escapeMrkdwn(view.kindTitle)}, version ${view.version})`;
  return { text, blocks: blocks.slice(0, SLACK_LIMITS.messageBlocks) };
}

/** A decision record post queued before summaries existed: its heading and the button, nothing else. */
export function legacyRecordBlocks(view: LegacyDecisionRecordPost): SlackMessage {
  return decisionRecordSummaryBlocks({ ...view, dateLabel: "(see the full record)", attendance: [], decisions: [], actions: [], clocks: [] });
}
