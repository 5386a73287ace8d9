import { randomUUID } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { readBody, sendJson, type Route } from "../../server/http-router";
import { PLAYGROUND_USERS, type PlaygroundUser } from "./playground-users";

/** A message the bot sent to a playground conversation (or the user typed). */
export interface PlaygroundMessage {
  id: string;
  conversationId: string;
  /** Bumped on every change, so the page can poll for what is new. */
  seq: number;
  fromName: string;
  fromId: string;
  text: string;
  attachments: unknown[];
  replyToId: string | null;
  updated: boolean;
}

/** In-memory transcript of playground conversations: the fake connector writes, the page reads. */
export class PlaygroundTranscript {
  private seq = 0;
  private readonly messages = new Map<string, PlaygroundMessage>();

  /** Adds a message; returns its id. */
  add(m: Omit<PlaygroundMessage, "id" | "seq" | "updated"> & { id?: string }): PlaygroundMessage {
    const msg: PlaygroundMessage = { ...m, id: m.id ?? `pg-${randomUUID()}`, seq: ++this.seq, updated: false };
    this.messages.set(msg.id, msg);
    return msg;
  }

  /** Replaces a message's content in place (the connector's PUT). False when unknown. */
  update(id: string, patch: Pick<PlaygroundMessage, "text" | "attachments">): boolean {
    const m = this.messages.get(id);
    if (!m) return false;
    Object.assign(m, patch, { seq: ++this.seq, updated: true });
    return true;
  }

  /** Messages of a conversation changed after `since`. */
  since(conversationId: string, since: number): PlaygroundMessage[] {
    return [...this.messages.values()].filter((m) => m.conversationId === conversationId && m.seq > since).sort((a, b) => a.seq - b.seq);
  }
}

function memberJson(u: PlaygroundUser) {
  return { id: u.id, name: u.name, aadObjectId: u.aadObjectId, objectId: u.aadObjectId, email: u.email, userPrincipalName: u.email, tenantId: "local", userRole: "user" };
}

/**
 * The Bot Framework connector, faked: the bot's replies, proactive posts and in-place
 * updates land in the transcript, and member lookups answer with the seeded users.
 */
export function fakeConnectorRoutes(prefix: string, transcript: PlaygroundTranscript): Route[] {
  const parse = (req: IncomingMessage) => new URL(req.url ?? "/", "http://x").pathname.slice(prefix.length).split("/").filter(Boolean).map(decodeURIComponent);
  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    // ["v3", "conversations", id, "activities"|"members", ...]
    const [v3, conversations, conversationId, what, sub] = parse(req);
    if (v3 === "v3" && conversations === "conversations" && !conversationId && req.method === "POST") {
      // createConversation: a personal chat with one member (the bot's invitations go there).
      let body: { members?: Array<{ id?: string }> };
      try {
        body = JSON.parse(await readBody(req)) as typeof body;
      } catch {
        return sendJson(res, 400, { error: "bad_request" });
      }
      const member = body?.members?.[0]?.id;
      const user = PLAYGROUND_USERS.find((u) => u.id === member || u.aadObjectId === member);
      return user ? sendJson(res, 201, { id: `personal:${user.id}` }) : sendJson(res, 404, { error: { code: "NotFound", message: "Unknown member" } });
    }
    if (v3 !== "v3" || conversations !== "conversations" || !conversationId) return sendJson(res, 404, { error: "not_found" });
    if (what === "members" && req.method === "GET") {
      if (!sub) return sendJson(res, 200, PLAYGROUND_USERS.map(memberJson));
      const user = PLAYGROUND_USERS.find((u) => u.id === sub || u.aadObjectId === sub);
      return user ? sendJson(res, 200, memberJson(user)) : sendJson(res, 404, { error: { code: "MemberNotFoundInConversation", message: "Not a member" } });
    }
    if (what === "activities" && (req.method === "POST" || req.method === "PUT")) {
      let activity: { text?: string; attachments?: unknown[]; from?: { id?: string; name?: string } };
      try {
        activity = JSON.parse(await readBody(req)) as typeof activity;
      } catch {
        return sendJson(res, 400, { error: "bad_request" });
      }
      if (!activity || typeof activity !== "object") return sendJson(res, 400, { error: "bad_request" });
      if (req.method === "PUT" && sub) {
        return transcript.update(sub, { text: activity.text ?? "", attachments: activity.attachments ?? [] })
          ? sendJson(res, 200, { id: sub })
          : sendJson(res, 404, { error: { code: "NotFound", message: "Unknown activity" } });
      }
      const msg = transcript.add({
        conversationId,
        fromId: activity.from?.id ?? "bot",
        fromName: activity.from?.name ?? "Convene",
        text: activity.text ?? "",
        attachments: activity.attachments ?? [],
        replyToId: sub ?? null,
      });
      return sendJson(res, 201, { id: msg.id });
    }
    return sendJson(res, 404, { error: "not_found" });
  };
  return (["GET", "POST", "PUT"] as const).map((method) => ({ method, path: `${prefix}/*`, handle }));
}
