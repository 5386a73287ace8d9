// Slack parses `<…>` in mrkdwn (and in a message's top-level `text`) as mentions, channel
// broadcasts and links, and `&…;` as entities. User text must never reach Slack unescaped,
// or a concern typed as "<!channel>" would ping a whole channel and "<http://x|label>"
// would disguise a link. Slack's own rule: escape exactly &, < and >.

/** Escapes user text for mrkdwn and message `text`: `&`, `<`, `>` become entities. */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** A user mention Slack renders as a name, e.g. `<@U0123ABC>`. Ids are checked, so a crafted id cannot inject a token. */
export function mentionUser(platformUserId: string): string {
  if (!/^[UW][A-Z0-9]{2,}$/.test(platformUserId)) return escapeMrkdwn(platformUserId);
  return `<@${platformUserId}>`;
}

/** Bold label for mrkdwn (the label is escaped; `*` inside it is dropped so it cannot end the bold early). */
export function boldLabel(label: string): string {
  const clean = escapeMrkdwn(label.replace(/\*/g, ""));
  return clean.trim() ? `*${clean}*` : "";
}
