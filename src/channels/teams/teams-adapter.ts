import type { IncomingMessage, ServerResponse } from "node:http";
import { CloudAdapter, ConfigurationBotFrameworkAuthentication, type TurnContext } from "botbuilder";
import type { Config } from "../../config/config";
import type { Logger } from "../../server/logger";

/**
 * The Bot Framework adapter. With MICROSOFT_APP_ID/PASSWORD/TENANT_ID it validates every
 * request's JWT (single tenant); without them (local mode) it authenticates nothing, which
 * is why the route accepts loopback peers only in that mode.
 */
export function createTeamsAdapter(config: Config, logger: Logger): CloudAdapter {
  const auth = new ConfigurationBotFrameworkAuthentication(
    config.localMode
      ? {}
      : {
          MicrosoftAppId: config.MICROSOFT_APP_ID,
          MicrosoftAppPassword: config.MICROSOFT_APP_PASSWORD,
          MicrosoftAppTenantId: config.MICROSOFT_APP_TENANT_ID,
          MicrosoftAppType: "SingleTenant",
        },
  );
  const adapter = new CloudAdapter(auth);
  adapter.onTurnError = async (_context: TurnContext, err: Error) => {
    logger.error({ err: { message: err.message } }, "teams turn failed");
  };
  return adapter;
}

/**
 * Runs one HTTP request through CloudAdapter.process using plain node:http objects: the
 * adapter expects an express-like request with a parsed body and a response with status/send.
 */
export async function processWithAdapter(
  adapter: CloudAdapter,
  req: IncomingMessage,
  res: ServerResponse,
  body: Record<string, unknown>,
  logic: (context: TurnContext) => Promise<void>,
): Promise<void> {
  let status = 200;
  let payload: unknown;
  const headers: Record<string, string> = {};
  const shimRes = {
    socket: req.socket,
    status(code: number) {
      status = code;
      return shimRes;
    },
    header(name: string, value: unknown) {
      headers[name.toLowerCase()] = String(value);
      return shimRes;
    },
    send(b: unknown) {
      payload = b;
      return shimRes;
    },
    end() {
      if (res.headersSent) return shimRes;
      if (payload === undefined) {
        res.writeHead(status, headers);
        res.end();
      } else {
        const text = typeof payload === "string" ? payload : JSON.stringify(payload);
        res.writeHead(status, { "content-type": typeof payload === "string" ? "text/plain; charset=utf-8" : "application/json; charset=utf-8", ...headers });
        res.end(text);
      }
      return shimRes;
    },
  };
  await adapter.process({ body, headers: req.headers as Record<string, string | string[] | undefined>, method: req.method }, shimRes, logic);
}
