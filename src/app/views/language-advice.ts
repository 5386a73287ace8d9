import type { LanguageAdviceView } from "./view-models";

/** One line per hint, for a notice to the recorder. */
export function describeLanguageAdvice(advice: readonly LanguageAdviceView[]): string[] {
  return advice.map((a) => `${a.fieldLabel}: "${a.match}" is ${a.kind === "jargon" ? "jargon" : "judgemental"}; try: ${a.suggestion}`);
}
