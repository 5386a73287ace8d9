// User text reaches Adaptive Card TextBlocks, which render a Markdown subset in Teams and
// in the adaptivecards renderer. Backslash escapes are not honoured by every host, so the
// characters that build links, emphasis, headings, code and <at> mentions are swapped for
// their full-width look-alikes: the text still reads the same, and nothing can be injected.
// Parentheses, pipes and tildes stay as typed: without "[...]" no link can form, and
// "Hana Lewis (named nurse)" should read as written.
// Underscores are swapped only where they could make emphasis: at a word's edge. Between two
// letters or digits (CS_2026_0142, NOT_INVITEE, snake_case) Markdown never reads "_" as
// emphasis, and swapping those showed a full-width "＿" in case references, codes and ids for
// no protection. The test is made within each escaped piece, so pieces joined into one
// TextBlock cannot pair up into emphasis either: a kept "_" is inside a word in every join.

const REPLACEMENTS: Record<string, string> = {
  "[": "［",
  "]": "］",
  "*": "＊",
  "#": "＃",
  "<": "＜",
  ">": "＞",
  "`": "｀",
};

const SPECIAL = /[[\]*#<>`]/g;
const WORD = /[\p{L}\p{N}]/u;
// Control characters other than tab and newline can confuse renderers and logs.
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;

/** An underscore between two letters or digits: intraword, so never emphasis. */
function intraword(text: string, i: number): boolean {
  return WORD.test(text.charAt(i - 1)) && WORD.test(text.charAt(i + 1));
}

/** Swaps for "＿" the underscores that could open or close emphasis (at a word's edge). */
function escapeUnderscores(text: string): string {
  return text.replace(/_/g, (c: string, i: number) => (intraword(text, i) ? c : "＿"));
}

/**
 * Escapes user-typed text for an Adaptive Card TextBlock, FactSet value or choice title, so
 * that no Markdown link, emphasis, heading, code span or `<at>` mention can be injected.
 */
export function escapeAdaptiveText(text: string | null | undefined): string {
  if (text == null) return "";
  const plain = String(text)
    .replace(CONTROL, "")
    .replace(/\r\n?/g, "\n")
    .replace(SPECIAL, (c) => REPLACEMENTS[c] ?? c);
  return escapeUnderscores(plain)
    // A bare URL would be auto-linked; breaking the scheme separator keeps it as text.
    .replace(/:\/\//g, ":／／");
}
