import { ConfidentialClientApplication, LogLevel } from "@azure/msal-node";
import type { AppLogger } from "../../app/ports/plumbing";
import { GraphError } from "./graph-http";

/** What the token source needs: the app registration and where its identity provider is. */
export interface GraphTokenSettings {
  /** Entra tenant id. */
  tenantId: string;
  /** App registration's client id. */
  clientId: string;
  /** App registration's client secret. */
  clientSecret: string;
  /** Identity provider base URL (https), e.g. https://login.microsoftonline.com. */
  authorityUrl: string;
  /** Graph base URL: the token's audience is its origin. */
  graphBaseUrl: string;
  /** Extra CA certificates (PEM) to trust. */
  ca?: string;
}

/**
 * App-only tokens for Graph by the client-credentials grant, through msal-node (which caches
 * them until shortly before they expire). The authority's metadata is given to msal rather
 * than discovered, so the only call made is the token request itself: no instance discovery
 * against Microsoft's public endpoints, which a sovereign cloud or a test fake would not answer.
 * Neither the secret nor a token is ever logged.
 */
export class GraphTokenSource {
  private readonly msal: ConfidentialClientApplication;
  private readonly scope: string;

  constructor(settings: GraphTokenSettings, logger: AppLogger) {
    const base = settings.authorityUrl.replace(/\/+$/, "");
    const tenantBase = `${base}/${settings.tenantId}`;
    const host = new URL(base).host;
    this.scope = `${new URL(settings.graphBaseUrl).origin}/.default`;
    this.msal = new ConfidentialClientApplication({
      auth: {
        clientId: settings.clientId,
        clientSecret: settings.clientSecret,
        authority: tenantBase,
        knownAuthorities: [host],
        authorityMetadata: JSON.stringify({
          token_endpoint: `${tenantBase}/oauth2/v2.0/token`,
          authorization_endpoint: `${tenantBase}/oauth2/v2.0/authorize`,
          end_session_endpoint: `${tenantBase}/oauth2/v2.0/logout`,
          issuer: `${tenantBase}/v2.0`,
          jwks_uri: `${tenantBase}/discovery/v2.0/keys`,
        }),
        cloudDiscoveryMetadata: JSON.stringify({
          tenant_discovery_endpoint: `${tenantBase}/v2.0/.well-known/openid-configuration`,
          "api-version": "1.1",
          metadata: [{ preferred_network: host, preferred_cache: host, aliases: [host] }],
        }),
      },
      system: {
        ...(settings.ca ? { customAgentOptions: { ca: settings.ca } } : {}),
        loggerOptions: {
          piiLoggingEnabled: false,
          logLevel: LogLevel.Warning,
          // msal's own messages carry no secrets with PII logging off; still, debug level only.
          loggerCallback: (_level, message) => logger.debug({ source: "msal" }, message),
        },
      },
    });
  }

  /** A bearer token for Graph; throws {@link GraphError} when the identity provider refuses or cannot be reached. */
  async token(): Promise<string> {
    try {
      const r = await this.msal.acquireTokenByClientCredential({ scopes: [this.scope] });
      if (!r?.accessToken) throw new GraphError("token request gave no access token", null);
      return r.accessToken;
    } catch (err) {
      if (err instanceof GraphError) throw err;
      // msal's errors name a code (e.g. invalid_client) and never the secret.
      const e = err as { errorCode?: string; message?: string };
      throw new GraphError(`token request failed: ${e.errorCode ?? e.message ?? "unknown error"}`, null);
    }
  }
}
