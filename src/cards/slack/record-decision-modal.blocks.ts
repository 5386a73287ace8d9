import type { InputBlock, KnownBlock, ModalView, PlainTextOption } from "@slack/types";
import { formFor, type FormField, type FormValues } from "../../domain/decision-record/record-form";
import type { MeetingKind } from "../../domain/meeting/meeting-kind";
import { SLACK_LIMITS, truncateMrkdwn, truncatePlain } from "./block-kit-limits";
import { boldLabel, escapeMrkdwn } from "./escape-mrkdwn";
import { SlackCallbackId } from "./slack-action-ids";

/** The block id of the amendment reason box (the app reports its errors under this key). */
export const AMENDMENT_REASON_BLOCK = "amendmentReason";

/** What the record modal carries between open and submit. */
export interface RecordModalMetadata {
  meetingId: string;
  channelId: string;
  teamId: string;
  /** True when a record exists: the submission is an amendment and needs a reason. */
  amend: boolean;
}

function option(value: string, label: string): PlainTextOption {
  return { value: value.slice(0, SLACK_LIMITS.optionValue), text: { type: "plain_text", text: truncatePlain(label, SLACK_LIMITS.optionText) } };
}

function inputFor(field: FormField): InputBlock {
  const label = { type: "plain_text" as const, text: truncatePlain(field.label, SLACK_LIMITS.inputLabel) };
  const hint = field.help ? { hint: { type: "plain_text" as const, text: truncatePlain(field.help, SLACK_LIMITS.inputHint) } } : {};
  const base = { type: "input" as const, block_id: field.id, label, optional: !field.required, ...hint };
  const initial = field.defaultValue;
  // action_id = field id: unique across the modal, and the key the form already uses.
  const actionId = field.id;
  switch (field.type) {
    case "date":
      return { ...base, element: { type: "datepicker", action_id: actionId, ...(initial ? { initial_date: initial } : {}) } };
    case "time":
      return { ...base, element: { type: "timepicker", action_id: actionId, timezone: "Europe/London", ...(initial ? { initial_time: initial } : {}) } };
    case "choice": {
      const options = (field.choices ?? []).slice(0, SLACK_LIMITS.selectOptions).map((c) => option(c.value, c.label));
      const initialOption = options.find((o) => o.value === initial);
      return { ...base, element: { type: "static_select", action_id: actionId, options, ...(initialOption ? { initial_option: initialOption } : {}) } };
    }
    case "number":
      return { ...base, element: { type: "number_input", action_id: actionId, is_decimal_allowed: false, ...(initial ? { initial_value: initial } : {}) } };
    case "toggle": {
      const yes = { value: "true", text: { type: "plain_text" as const, text: "Yes" } };
      return { ...base, optional: true, element: { type: "checkboxes", action_id: actionId, options: [yes], ...(initial === "true" ? { initial_options: [yes] } : {}) } };
    }
    case "text":
    case "multiline":
      return {
        ...base,
        element: {
          type: "plain_text_input",
          action_id: actionId,
          multiline: field.type === "multiline",
          max_length: Math.min(field.maxLength, SLACK_LIMITS.plainTextInputMaxLength),
          ...(initial ? { initial_value: initial } : {}),
        },
      };
  }
}

/**
 * The decision record modal, rendered from the same channel-neutral descriptor as the Teams
 * card (`formFor(kind)`): one input per field, block_id = the field id, so the app's field
 * errors map straight back onto the boxes with `response_action: "errors"`.
 */
export function recordDecisionModal(kind: MeetingKind, meta: RecordModalMetadata, caseReference: string, values?: FormValues): ModalView {
  const blocks: KnownBlock[] = [
    {
      type: "context",
      elements: [{ type: "mrkdwn", text: truncateMrkdwn(`Case *${escapeMrkdwn(caseReference)}*. Records belong to the child: plain words, and say how decisions were made.`, SLACK_LIMITS.sectionText) }],
    },
  ];
  if (meta.amend) {
    blocks.push({
      type: "input",
      block_id: AMENDMENT_REASON_BLOCK,
      label: { type: "plain_text", text: "Why this record is being amended" },
      hint: { type: "plain_text", text: "The first version is kept; this becomes a new version." },
      element: { type: "plain_text_input", action_id: AMENDMENT_REASON_BLOCK, multiline: true, max_length: 1000 },
    });
  }
  let section = "";
  for (const field of formFor(kind, values)) {
    if (field.section !== section) {
      section = field.section;
      blocks.push({ type: "section", text: { type: "mrkdwn", text: boldLabel(section) || " " } });
    }
    blocks.push(inputFor(field));
  }
  return {
    type: "modal",
    callback_id: SlackCallbackId.RecordDecision,
    title: { type: "plain_text", text: meta.amend ? "Amend decision record" : "Record decisions" },
    submit: { type: "plain_text", text: "Save record" },
    close: { type: "plain_text", text: "Cancel" },
    private_metadata: JSON.stringify(meta),
    blocks,
  };
}
