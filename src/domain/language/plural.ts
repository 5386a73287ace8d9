/**
 * Counted words for every message, card, block and CLI line: "1 working day", "2 working
 * days", "0 working days". One helper, so no message says "1 working days" again.
 */

/** Nouns whose plural is not the singular plus "s". */
const IRREGULAR: Readonly<Record<string, string>> = {
  "sharing-log entry": "sharing-log entries",
  entry: "entries",
  person: "people",
};

/** The plural of `singular`: `plural` if given, an irregular form, or the singular plus "s". */
export function pluralOf(singular: string, plural?: string): string {
  return plural ?? IRREGULAR[singular] ?? `${singular}s`;
}

/**
 * "1 working day", "3 working days", "0 working days", "-1 working day" read as English
 * (the count is shown as given; its size decides the noun). Thousands take a comma
 * ("1,000 characters"). Pass `plural` for a noun the table does not know.
 */
export function countOf(n: number, singular: string, plural?: string): string {
  const noun = Math.abs(n) === 1 ? singular : pluralOf(singular, plural);
  return `${n.toLocaleString("en-GB")} ${noun}`;
}

/** "1 working day" / "3 working days": the unit every statutory timescale counts in. */
export function workingDays(n: number): string {
  return countOf(n, "working day");
}
