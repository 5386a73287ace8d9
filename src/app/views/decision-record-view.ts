import { DateTime } from "luxon";
import type { DecisionRecordView, RecordFieldView } from "./view-models";
import type { RecordFor } from "../../domain/decision-record/decision-record.schema";
import { formFor, recordToFormValues } from "../../domain/decision-record/record-form";
import type { MeetingKind } from "../../domain/meeting/meeting-kind";
import { meetingKindTitle } from "../../domain/meeting/meeting-kind";
import { LONDON } from "../../domain/shared/iso-date";

/**
 * Builds the decision card from a stored record, through the same form descriptor the
 * forms use, so every field shows with the label the recorder saw, in the same order.
 */
export function buildDecisionRecordView(args: {
  meetingId: string;
  caseReference: string;
  kind: MeetingKind;
  version: number;
  payload: unknown;
  amendmentReason: string | null;
  authorLabel: string;
  recordedAt: Date;
}): DecisionRecordView {
  const values = recordToFormValues(args.kind, args.payload as RecordFor<MeetingKind>);
  const sections: { title: string; fields: RecordFieldView[] }[] = [];
  for (const field of formFor(args.kind, values)) {
    const raw = values[field.id];
    if (raw === undefined || raw === "") continue;
    const value = field.choices?.find((c) => c.value === raw)?.label ?? (field.type === "toggle" ? (raw === "true" ? "Yes" : "No") : raw);
    let section = sections.find((s) => s.title === field.section);
    if (!section) sections.push((section = { title: field.section, fields: [] }));
    section.fields.push({ label: field.label, value });
  }
  return {
    meetingId: args.meetingId,
    caseReference: args.caseReference,
    kindTitle: meetingKindTitle(args.kind),
    version: args.version,
    amendmentReason: args.amendmentReason,
    authorLabel: args.authorLabel,
    recordedAtLabel: DateTime.fromJSDate(args.recordedAt, { zone: LONDON }).toFormat("ccc d LLL yyyy, HH:mm"),
    sections,
  };
}
