import { readFileSync } from "node:fs";
import type { AppLogger } from "../../app/ports/plumbing";
import { GraphOnlineMeetings, type GraphSettingsInput } from "./graph-online-meetings";
import { GraphTokenSource } from "./graph-token-source";

/**
 * Teams meetings through Graph, from the config's settings: one token source (msal, with its
 * token cache) shared by every call. A CA file is read once here, so a bad path stops start-up.
 */
export function createGraphOnlineMeetings(settings: GraphSettingsInput, logger: AppLogger): GraphOnlineMeetings {
  const ca = settings.caFile ? readFileSync(settings.caFile, "utf8") : undefined;
  const tokens = new GraphTokenSource(
    { tenantId: settings.tenantId, clientId: settings.clientId, clientSecret: settings.clientSecret, authorityUrl: settings.authorityUrl, graphBaseUrl: settings.baseUrl, ...(ca ? { ca } : {}) },
    logger,
  );
  return new GraphOnlineMeetings({ baseUrl: settings.baseUrl, mailbox: settings.mailbox, ...(ca ? { ca } : {}) }, () => tokens.token());
}
