// User text reaches Adaptive Card TextBlocks, which render a Markdown subset in Teams and
// in the adaptivecards renderer. Backslash escapes are not honoured by every host, so the
// characters that build links, emphasis, headings, code and <at> mentions are swapped for
// their full-width look-alikes: the text still reads the same, and nothing can be injected.
// Parentheses, pipes and tildes stay as typed: without "[...]" no link can form, and
// "Hana Lewis (named nurse)" should read as written.

const REPLACEMENTS: Record<string, string> = {
  "[": "［",
  "]": "］",
  "*": "＊",
  _: "＿",
  "#": "＃",
  "<": "＜",
  ">": "＞",
  "`": "｀",
};

const SPECIAL = /[[\]*_#<>`]/g;
// Control characters other than tab and newline can confuse renderers and logs.
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;

/**
 * Escapes user-typed text for an Adaptive Card TextBlock, FactSet value or choice title, so
 * that no Markdown link, emphasis, heading, code span or `<at>` mention can be injected.
 */
export function escapeAdaptiveText(text: string | null | undefined): string {
  if (text == null) return "";
  return String(text)
    .replace(CONTROL, "")
    .replace(/\r\n?/g, "\n")
    .replace(SPECIAL, (c) => REPLACEMENTS[c] ?? c)
    // A bare URL would be auto-linked; breaking the scheme separator keeps it as text.
    .replace(/:\/\//g, ":／／");
}
