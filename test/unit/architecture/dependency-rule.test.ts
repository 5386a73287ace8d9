import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import ts from "typescript";

// The house rule (ARCHITECTURE.md): dependencies point inward. src/domain imports no I/O
// library and no edge folder; only src/store knows Prisma; only src/channels/teams knows
// botbuilder. Parsed with the TypeScript compiler, so comments and strings don't fool it.

const SRC = path.resolve(__dirname, "../../../src");

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return name === "generated" ? [] : filesUnder(full);
    return full.endsWith(".ts") ? [full] : [];
  });
}

function importsOf(file: string): string[] {
  const info = ts.preProcessFile(readFileSync(file, "utf8"), true, true);
  return info.importedFiles.map((f) => f.fileName);
}

function violations(folder: string, allowed: (spec: string, file: string) => boolean): string[] {
  return filesUnder(path.join(SRC, folder)).flatMap((file) =>
    importsOf(file)
      .filter((spec) => !allowed(spec, file))
      .map((spec) => `${path.relative(SRC, file)} imports "${spec}"`),
  );
}

const insideSrc = (spec: string, file: string) => path.relative(SRC, path.resolve(path.dirname(file), spec));

describe("dependency rule", () => {
  it("src/domain imports only luxon, zod, date-holidays, node:crypto and other domain files", () => {
    const PURE = new Set(["luxon", "zod", "date-holidays", "node:crypto"]);
    expect(
      violations("domain", (spec, file) => (spec.startsWith(".") ? insideSrc(spec, file).startsWith("domain") : PURE.has(spec))),
    ).toEqual([]);
  });

  it("only src/store imports Prisma or the SQLite driver", () => {
    const offenders = filesUnder(SRC)
      .filter((f) => !path.relative(SRC, f).startsWith("store") && !path.relative(SRC, f).startsWith("bench"))
      .flatMap((file) => importsOf(file).filter((s) => /^@prisma\/|^better-sqlite3$|generated\/prisma/.test(s)).map((s) => `${path.relative(SRC, file)} imports "${s}"`));
    expect(offenders).toEqual([]);
  });

  it("only src/channels/teams imports botbuilder, and only src/channels/slack imports Slack's SDK", () => {
    // Block Kit builders may use @slack/types: it is type declarations only, no I/O.
    const slackOk = (s: string, rel: string) => rel.startsWith("channels/slack") || (s === "@slack/types" && rel.startsWith("cards/slack"));
    const offenders = filesUnder(SRC).flatMap((file) => {
      const rel = path.relative(SRC, file);
      return importsOf(file)
        .filter((s) => (/^botbuilder/.test(s) && !rel.startsWith("channels/teams")) || (/^@slack\//.test(s) && !slackOk(s, rel)))
        .map((s) => `${rel} imports "${s}"`);
    });
    expect(offenders).toEqual([]);
  });

  it("only src/integrations/graph imports msal: the app knows Graph only as the OnlineMeetingCalendar port", () => {
    const offenders = filesUnder(SRC).flatMap((file) => {
      const rel = path.relative(SRC, file);
      return importsOf(file)
        .filter((s) => /^@azure\//.test(s) && !rel.startsWith("integrations/graph"))
        .map((s) => `${rel} imports "${s}"`);
    });
    expect(offenders).toEqual([]);
  });

  it("src/app does not import edges (channels, store, server, cli)", () => {
    expect(
      violations("app", (spec, file) => !spec.startsWith(".") ? !/^(botbuilder|@slack\/|@prisma\/|better-sqlite3|pino$)/.test(spec) : !/^(channels|store|server|cli)\//.test(insideSrc(spec, file))),
    ).toEqual([]);
  });

  it("src/delivery knows the gateway contract, not channels, the store or the server", () => {
    expect(
      violations("delivery", (spec, file) => !spec.startsWith(".") ? !/^(botbuilder|@slack\/|@prisma\/|better-sqlite3)/.test(spec) : !/^(channels|store|server|cli)\//.test(insideSrc(spec, file))),
    ).toEqual([]);
  });

  it("src/cards are pure builders: no edges, store or server", () => {
    expect(
      violations("cards", (spec, file) => !spec.startsWith(".") ? !/^(botbuilder|@slack\/(bolt|web-api)|@prisma\/|better-sqlite3|node:)/.test(spec) : !/^(channels|store|server|cli|delivery)\//.test(insideSrc(spec, file))),
    ).toEqual([]);
  });

  it("channel folders hold no rules: from the app only the conversation core, ports, views and the app's interface; from the domain only shared errors and clocks", () => {
    // ARCHITECTURE.md: a channel authenticates, resolves the actor, maps payloads to the
    // conversation core and renders. Grammar, labels, forms and role rules live in app/ and domain/.
    const ok = (rel: string) =>
      !/^(domain|app)\//.test(rel) ||
      /^domain\/shared\//.test(rel) ||
      /^app\/(conversation|ports|views)\//.test(rel) ||
      rel === "app/app";
    expect(violations("channels", (spec, file) => !spec.startsWith(".") || ok(insideSrc(spec, file)))).toEqual([]);
  });

  it("channel folders define no label table, grammar or role rule of their own", () => {
    const smells = [/_LABELS\b/, /Record<InviteeRole/, /\bparse\w*Command\b/, /\bsplit\(\/\\s\+\/\)/, /requiredRoles\(/, /ROLE_AGENC/];
    const offenders = filesUnder(path.join(SRC, "channels")).flatMap((file) => {
      const text = readFileSync(file, "utf8");
      return smells.filter((re) => re.test(text)).map((re) => `${path.relative(SRC, file)} matches ${re}`);
    });
    expect(offenders).toEqual([]);
  });

  it("would catch a violation (the check is not vacuous)", () => {
    const info = ts.preProcessFile(`import { PrismaClient } from "@prisma/client"; import x from "node:fs";`, true, true);
    expect(info.importedFiles.map((f) => f.fileName)).toEqual(["@prisma/client", "node:fs"]);
  });
});
