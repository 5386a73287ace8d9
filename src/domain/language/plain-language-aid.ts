/**
 * The plain-language aid: points out jargon and judgemental words in what a practitioner has
 * written, with a plainer suggestion. It is advisory only: nothing here blocks a record,
 * because a professional may have good reason to quote someone's exact words.
 */
import type { MeetingKind } from "../meeting/meeting-kind";
import type { RecordFor } from "../decision-record/decision-record.schema";
import { formFor, recordToFormValues } from "../decision-record/record-form";
import {
  DEFAULT_LANGUAGE_LIST,
  LanguageListSchema,
  type LanguageEntry,
} from "./default-language-list";

/** One word or phrase worth a second look. */
export interface Finding {
  /** The list term that matched (as the list spells it). */
  term: string;
  /** Why it is pointed out. */
  kind: LanguageEntry["kind"];
  /** What to write instead. */
  suggestion: string;
  /** Where the match starts in the text (UTF-16 index). */
  index: number;
  /** The text as written, e.g. "Refused to engage". */
  match: string;
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

interface Compiled {
  entry: LanguageEntry;
  pattern: RegExp;
}

const cache = new WeakMap<readonly LanguageEntry[], Compiled[]>();

function compile(list: readonly LanguageEntry[]): Compiled[] {
  const hit = cache.get(list);
  if (hit) return hit;
  const compiled = list.map((entry) => {
    // Letters and digits on either side mean a different word ("claims" in "reclaims", "DA" in
    // "DAY"); \b is ASCII-only and treats "-" as a boundary, so explicit Unicode lookarounds are used.
    const body = entry.term.trim().split(/\s+/).map(escapeRegExp).join("\\s+");
    return { entry, pattern: new RegExp(`(?<![\\p{L}\\p{N}_])${body}(?![\\p{L}\\p{N}_])`, "giu") };
  });
  cache.set(list, compiled);
  return compiled;
}

/**
 * Finds list terms in `text`, whole-word and case-insensitive, in reading order. Where terms
 * overlap ("failed to engage" and "failed to") only the longer one is reported.
 */
export function checkLanguage(text: string, list: readonly LanguageEntry[] = DEFAULT_LANGUAGE_LIST): Finding[] {
  const all: Finding[] = [];
  for (const { entry, pattern } of compile(list)) {
    pattern.lastIndex = 0;
    for (const m of text.matchAll(pattern)) {
      all.push({ term: entry.term, kind: entry.kind, suggestion: entry.suggestion, index: m.index ?? 0, match: m[0] });
    }
  }
  all.sort((a, b) => a.index - b.index || b.match.length - a.match.length);
  const out: Finding[] = [];
  let coveredTo = -1;
  for (const f of all) {
    if (f.index < coveredTo) continue;
    out.push(f);
    coveredTo = f.index + f.match.length;
  }
  return out;
}

/**
 * The list to use, from a local authority's configuration (validated by {@link LanguageListSchema}).
 * Merge mode: their entries replace defaults with the same term and add the rest.
 */
export function resolveLanguageList(config?: unknown): LanguageEntry[] {
  if (config === undefined) return [...DEFAULT_LANGUAGE_LIST];
  const parsed = LanguageListSchema.parse(config);
  const key = (t: string) => t.trim().toLowerCase();
  const allowed = new Set(parsed.allow.map(key));
  const own = new Map(parsed.entries.map((e) => [key(e.term), e]));
  const base = parsed.mode === "replace" ? [] : DEFAULT_LANGUAGE_LIST.filter((e) => !own.has(key(e.term)));
  return [...base, ...own.values()].filter((e) => !allowed.has(key(e.term)));
}

/**
 * Findings for every free-text field of a record, keyed by form field id (so a card can show
 * each hint under its box). Names, dates and choices are not checked.
 */
export function checkRecordLanguage<K extends MeetingKind>(
  kind: K,
  record: RecordFor<K>,
  list: readonly LanguageEntry[] = DEFAULT_LANGUAGE_LIST,
): Record<string, Finding[]> {
  const values = recordToFormValues(kind, record);
  const out: Record<string, Finding[]> = {};
  for (const field of formFor(kind, values)) {
    const text = values[field.id];
    if (!field.prose || text === undefined) continue;
    const findings = checkLanguage(text, list);
    if (findings.length > 0) out[field.id] = findings;
  }
  return out;
}
