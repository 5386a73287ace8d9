import type { IncomingMessage, ServerResponse } from "node:http";
import { CloudAdapter, ConfigurationBotFrameworkAuthentication, type Activity, type TurnContext } from "botbuilder";
import type { Config } from "../../config/config";
import type { Logger } from "../../server/logger";
import { sendJson } from "../../server/http-router";

/**
 * The public cloud's settings with another key source. Naming any one of these makes the SDK
 * take all of them as given (and leave the rest unset), so the defaults are restated here
 * (botframework-connector's AuthenticationConstants, 4.23). Emulator tokens are checked
 * against the same keys: Convene has no use for the Emulator's.
 */
function publicCloudWithKeysFrom(metadataUrl: string): Record<string, string | boolean> {
  return {
    ValidateAuthority: true,
    ToChannelFromBotLoginUrl: "https://login.microsoftonline.com/botframework.com",
    ToChannelFromBotOAuthScope: "https://api.botframework.com",
    ToBotFromChannelTokenIssuer: "https://api.botframework.com",
    OAuthUrl: "https://api.botframework.com",
    CallerId: "urn:botframework:azure",
    ToBotFromChannelOpenIdMetadataUrl: metadataUrl,
    ToBotFromEmulatorOpenIdMetadataUrl: metadataUrl,
  };
}

/**
 * The Bot Framework's request authentication. With MICROSOFT_APP_ID/PASSWORD/TENANT_ID it
 * validates every request's JWT (single tenant); without them (local mode) it authenticates
 * nothing, which is why the route accepts loopback peers only in that mode.
 */
export function createTeamsAuthentication(config: Config): ConfigurationBotFrameworkAuthentication {
  return new ConfigurationBotFrameworkAuthentication(
    config.MICROSOFT_APP_ID
      ? {
          MicrosoftAppId: config.MICROSOFT_APP_ID,
          MicrosoftAppPassword: config.MICROSOFT_APP_PASSWORD,
          MicrosoftAppTenantId: config.MICROSOFT_APP_TENANT_ID,
          MicrosoftAppType: "SingleTenant",
          ...(config.CONVENE_BOT_OPENID_METADATA_URL ? publicCloudWithKeysFrom(config.CONVENE_BOT_OPENID_METADATA_URL) : {}),
        }
      : {},
  );
}

/**
 * CloudAdapter with its turn runner opened up: Convene authenticates a request itself (see
 * {@link processWithAdapter}) and hands the SDK the already-authenticated result.
 */
export class ConveneCloudAdapter extends CloudAdapter {
  /** Runs one authenticated activity's turn; the invoke response, if any. */
  runAuthenticated(authenticated: AuthenticateRequestResult, activity: Activity, logic: (context: TurnContext) => Promise<void>) {
    return this.processActivity(authenticated, activity, logic);
  }
}

/** The Bot Framework adapter, for replies and proactive posts. */
export function createTeamsAdapter(config: Config, logger: Logger, auth: ConfigurationBotFrameworkAuthentication = createTeamsAuthentication(config)): ConveneCloudAdapter {
  const adapter = new ConveneCloudAdapter(auth);
  adapter.onTurnError = async (_context: TurnContext, err: Error) => {
    logger.error({ err: { message: err.message } }, "teams turn failed");
  };
  return adapter;
}

/**
 * How a failed authentication is answered: 503 when Microsoft's signing keys could not be
 * fetched (the caller may be genuine, and Teams retries), 401 for everything else (no token,
 * a forged or expired one, the wrong audience or tenant). Never 500, and never the SDK's text.
 */
export function authFailureStatus(err: unknown): 401 | 503 {
  const e = err as { name?: unknown; statusCode?: unknown; message?: unknown; code?: unknown };
  // node-fetch rejects with FetchError (ENOTFOUND, ECONNREFUSED, timeouts) while loading keys.
  if (e?.name === "FetchError" || e?.name === "AbortError") return 503;
  // The SDK's AuthenticationError carries a status: "Failed to load openID config/Keys" says 500.
  if (typeof e?.statusCode === "number" && e.statusCode !== 401) return 503;
  if (typeof e?.code === "string" && /^(ENOTFOUND|ECONNREFUSED|ECONNRESET|ETIMEDOUT|EAI_AGAIN)$/.test(e.code)) return 503;
  return 401;
}

type AuthenticateRequestResult = Awaited<ReturnType<ConfigurationBotFrameworkAuthentication["authenticateRequest"]>>;

/** The Bot Framework's date fields, as CloudAdapter.process would convert them. */
function fixDates(activity: Record<string, unknown>): Partial<Activity> {
  for (const [field, raw] of [["timestamp", "rawTimestamp"], ["expiration", "rawExpiration"], ["localTimestamp", "rawLocalTimestamp"]] as const) {
    if (typeof activity[field] === "string") {
      activity[raw] = activity[field];
      activity[field] = new Date(activity[field] as string);
    }
  }
  return activity as Partial<Activity>;
}

/**
 * Runs one HTTP request's activity through the adapter. Authentication runs here rather
 * than inside CloudAdapter.process, because process answers a failure with 500 and the
 * SDK's error text (key endpoint host names, ENOTFOUND) and prints it with console.error.
 */
export async function processWithAdapter(
  adapter: ConveneCloudAdapter,
  auth: ConfigurationBotFrameworkAuthentication,
  req: IncomingMessage,
  res: ServerResponse,
  body: Record<string, unknown>,
  logic: (context: TurnContext) => Promise<void>,
  logger: Logger,
): Promise<void> {
  const activity = fixDates(body);
  const header = req.headers.authorization;
  let authenticated: AuthenticateRequestResult;
  try {
    authenticated = await auth.authenticateRequest(activity as Activity, typeof header === "string" ? header : "");
  } catch (err) {
    const status = authFailureStatus(err);
    // The reason is the error's class only: SDK messages can quote claims or key ids.
    logger.warn({ status, reason: (err as { name?: string })?.name ?? "unknown" }, "teams request refused");
    return sendJson(res, status, { error: status === 503 ? "authentication_unavailable" : "unauthorized" });
  }
  const invokeResponse = await adapter.runAuthenticated(authenticated, activity as Activity, logic);
  const status = invokeResponse?.status ?? 200;
  const payload: unknown = invokeResponse?.body;
  if (payload === undefined || payload === null) {
    res.writeHead(status);
    res.end();
    return;
  }
  sendJson(res, status, payload);
}
