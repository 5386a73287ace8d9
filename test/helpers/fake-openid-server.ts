// A fake Bot Framework OpenID metadata server on loopback, so the SDK's real JWT checks run
// in tests without reaching Microsoft: it publishes one RSA key, and tests sign tokens with
// it (genuine) or with a key of their own (forged).
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { generateKeyPairSync, sign, type KeyObject } from "node:crypto";

/** A signing key as the test holds it. */
export interface TestSigningKey {
  kid: string;
  privateKey: KeyObject;
  publicKey: KeyObject;
}

/** A fresh RSA signing key. */
export function newSigningKey(kid: string): TestSigningKey {
  const { privateKey, publicKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  return { kid, privateKey, publicKey };
}

const b64url = (data: Buffer | string) => Buffer.from(data).toString("base64url");

/** An RS256 JWT with the Bot Framework channel's claims (issuer, audience, serviceurl). */
export function signChannelToken(key: TestSigningKey, claims: { audience: string; serviceUrl: string; issuer?: string; expiresInSeconds?: number; kid?: string }): string {
  const now = Math.floor(Date.now() / 1000);
  const header = { alg: "RS256", typ: "JWT", kid: claims.kid ?? key.kid };
  const payload = {
    iss: claims.issuer ?? "https://api.botframework.com",
    aud: claims.audience,
    serviceurl: claims.serviceUrl,
    nbf: now - 60,
    exp: now + (claims.expiresInSeconds ?? 600),
  };
  const signingInput = `${b64url(JSON.stringify(header))}.${b64url(JSON.stringify(payload))}`;
  return `${signingInput}.${b64url(sign("RSA-SHA256", Buffer.from(signingInput), key.privateKey))}`;
}

/** Serves /.well-known/openid-configuration and its JWKS with the published key, endorsed for msteams. */
export class FakeOpenIdServer {
  private server!: Server;
  url = "";
  /** How many times the SDK fetched the key set. */
  keyFetches = 0;

  constructor(private readonly published: TestSigningKey) {}

  /** The metadata URL to give CONVENE_BOT_OPENID_METADATA_URL. */
  get metadataUrl(): string {
    return `${this.url}/.well-known/openid-configuration`;
  }

  async start(): Promise<void> {
    this.server = createServer((req, res) => {
      const send = (body: unknown) => {
        res.writeHead(200, { "content-type": "application/json" });
        res.end(JSON.stringify(body));
      };
      if (req.url === "/.well-known/openid-configuration") return send({ issuer: "https://api.botframework.com", jwks_uri: `${this.url}/keys` });
      if (req.url === "/keys") {
        this.keyFetches += 1;
        const jwk = this.published.publicKey.export({ format: "jwk" });
        return send({ keys: [{ ...jwk, kty: "RSA", use: "sig", kid: this.published.kid, endorsements: ["msteams"] }] });
      }
      res.writeHead(404).end();
    });
    await new Promise<void>((r) => this.server.listen(0, "127.0.0.1", r));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  stop(): Promise<void> {
    return new Promise((r) => this.server.close(() => r()));
  }
}
