/**
 * One entry point to the decision record schemas, keyed by meeting kind, so the store and the
 * app never switch on kind themselves.
 */
import type { z } from "zod";
import type { MeetingKind } from "../meeting/meeting-kind";
import { CoreGroupRecordSchema, type CoreGroupRecord } from "./core-group-record.schema";
import { IcpcRecordSchema, type IcpcRecord } from "./icpc-record.schema";
import { ReviewConferenceRecordSchema, type ReviewConferenceRecord } from "./review-conference-record.schema";
import { StrategyDiscussionRecordSchema, type StrategyDiscussionRecord } from "./strategy-discussion-record.schema";
import { TransferInRecordSchema, type TransferInRecord } from "./transfer-in-record.schema";

export type { MeetingKind } from "../meeting/meeting-kind";

/** The record type for each meeting kind. */
export interface RecordByKind {
  /** Strategy discussion. */
  "strategy-discussion": StrategyDiscussionRecord;
  /** Initial child protection conference. */
  icpc: IcpcRecord;
  /** Core group meeting. */
  "core-group": CoreGroupRecord;
  /** Review child protection conference. */
  "review-conference": ReviewConferenceRecord;
  /** Transfer-in conference. */
  "transfer-in-conference": TransferInRecord;
}

/** The record for meeting kind `K`. */
export type RecordFor<K extends MeetingKind> = RecordByKind[K];

/** Any decision record payload (what the DecisionRecord row stores as JSON). */
export type DecisionRecordPayload = RecordByKind[MeetingKind];

const SCHEMAS: { [K in MeetingKind]: z.ZodType<RecordByKind[K]> } = {
  "strategy-discussion": StrategyDiscussionRecordSchema,
  icpc: IcpcRecordSchema,
  "core-group": CoreGroupRecordSchema,
  "review-conference": ReviewConferenceRecordSchema,
  "transfer-in-conference": TransferInRecordSchema,
};

/** The zod schema that validates a record for `kind`. */
export function recordSchemaFor<K extends MeetingKind>(kind: K): z.ZodType<RecordFor<K>> {
  return SCHEMAS[kind];
}

/** Validates stored or submitted JSON for `kind`; throws a ZodError with field paths when it is not a valid record. */
export function parseDecisionRecord<K extends MeetingKind>(kind: K, payload: unknown): RecordFor<K> {
  return recordSchemaFor(kind).parse(payload);
}
