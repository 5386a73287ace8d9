/**
 * Characters that change how text is shown without being seen: bidirectional overrides,
 * embeddings and isolates (U+202A–E, U+2066–9, the marks U+200E/F and U+061C), which can make
 * "CS-2026-0142 declined" display as something else, and zero-width characters (U+200B–D,
 * U+2060–4, U+FEFF, U+180E, soft hyphen U+00AD), which make two different texts look the same.
 */
const INVISIBLE = /[\u00AD\u061C\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/g;

/** Removes bidirectional controls and zero-width characters from user text. */
export function stripInvisible(text: string): string {
  return text.replace(INVISIBLE, "");
}

/** True when the text holds any character {@link stripInvisible} removes. */
export function hasInvisible(text: string): boolean {
  return new RegExp(INVISIBLE.source).test(text);
}

/** {@link stripInvisible} over every string in a JSON-like value (form data, nested inputs). */
export function stripInvisibleDeep<T>(value: T): T {
  if (typeof value === "string") return stripInvisible(value) as T;
  if (Array.isArray(value)) return value.map((v) => stripInvisibleDeep(v)) as T;
  if (value && typeof value === "object" && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([k, v]) => [stripInvisible(k), stripInvisibleDeep(v)])) as T;
  }
  return value;
}
