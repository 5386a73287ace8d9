// Small shared builders for Adaptive Card JSON. Cards are plain objects (they are stored,
// logged at debug level, and posted as attachments), so these stay tiny and pure.

import { escapeAdaptiveText } from "./escape-adaptive-text";

/** An Adaptive Card element or action, as JSON. */
export type CardElement = Record<string, unknown>;

/** An Adaptive Card 1.5 document. */
export interface AdaptiveCardJson {
  type: "AdaptiveCard";
  $schema: string;
  version: "1.5";
  /** Shown by hosts that cannot render the card (and read by screen readers in notifications). */
  fallbackText: string;
  body: CardElement[];
  actions?: CardElement[];
  refresh?: CardElement;
  msteams?: Record<string, unknown>;
  [key: string]: unknown;
}

/** The content type Bot Framework uses for Adaptive Card attachments and invoke responses. */
export const ADAPTIVE_CARD_CONTENT_TYPE = "application/vnd.microsoft.card.adaptive";

/** Wraps a body into a 1.5 card with a fallback text. */
export function adaptiveCard(parts: {
  fallbackText: string;
  body: CardElement[];
  actions?: CardElement[];
  refresh?: CardElement;
  msteams?: Record<string, unknown>;
}): AdaptiveCardJson {
  const card: AdaptiveCardJson = {
    type: "AdaptiveCard",
    $schema: "http://adaptivecards.io/schemas/adaptive-card.json",
    version: "1.5",
    // Some hosts render fallback text as Markdown too, so user text in it is neutralised.
    fallbackText: escapeAdaptiveText(parts.fallbackText),
    body: parts.body,
  };
  if (parts.actions && parts.actions.length) card.actions = parts.actions;
  if (parts.refresh) card.refresh = parts.refresh;
  card.msteams = { width: "Full", ...(parts.msteams ?? {}) };
  return card;
}

/** A wrapped TextBlock of text we wrote ourselves (may use Markdown). */
export function text(value: string, extra: Record<string, unknown> = {}): CardElement {
  return { type: "TextBlock", text: value, wrap: true, ...extra };
}

/** A wrapped TextBlock of user-supplied text, escaped. */
export function userText(value: string | null | undefined, extra: Record<string, unknown> = {}): CardElement {
  return text(escapeAdaptiveText(value), extra);
}

/** A heading. */
export function heading(value: string, size: "Medium" | "Large" = "Medium"): CardElement {
  return text(value, { size, weight: "Bolder", style: "heading" });
}

/** A red error line (shown beside a field or at the top of a card). */
export function errorText(message: string): CardElement {
  return userText(message, { color: "Attention", size: "Small", spacing: "None" });
}

/** An Action.Execute. */
export function execute(title: string, verb: string, data: Record<string, unknown> = {}, extra: Record<string, unknown> = {}): CardElement {
  return { type: "Action.Execute", title, verb, data, ...extra };
}

/** A FactSet of label/value pairs; values are user text and are escaped. */
export function facts(pairs: Array<[string, string]>): CardElement {
  return { type: "FactSet", facts: pairs.map(([title, value]) => ({ title: escapeAdaptiveText(title), value: escapeAdaptiveText(value) })) };
}
