import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

// scripts/start.js (`npm start`) decides from file times alone whether to regenerate the
// Prisma client or recompile before starting dist/main.js. These tests build a small
// checkout in a temp folder and never run tsc or prisma.

interface StartScript {
  buildDecision(root: string): { rebuild: boolean; reason: string | null };
  generateDecision(root: string): { generate: boolean; reason: string | null };
}
// scripts/ is plain JavaScript (no build step before the build); its shape is declared above.
const { buildDecision, generateDecision } = require("../../../scripts/start.js") as StartScript;

const OLD = new Date("2026-01-01T10:00:00Z");
const NEW = new Date("2026-01-01T11:00:00Z");

describe("npm start: rebuild only when the compiled output is missing or older than its sources", () => {
  let root: string;

  function file(rel: string, at: Date): void {
    const f = path.join(root, rel);
    mkdirSync(path.dirname(f), { recursive: true });
    writeFileSync(f, "");
    utimesSync(f, at, at);
  }

  beforeEach(() => {
    root = mkdtempSync(path.join(tmpdir(), "convene-start-"));
    file("tsconfig.json", OLD);
    file("tsconfig.build.json", OLD);
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it("starts straight away when every output is newer than every source", () => {
    file("src/main.ts", OLD);
    file("src/server/start-server.ts", OLD);
    file("dist/main.js", NEW);
    file("dist/server/start-server.js", NEW);
    expect(buildDecision(root)).toEqual({ rebuild: false, reason: null });
  });

  it("rebuilds when a source is newer than the output, naming the source", () => {
    file("src/main.ts", OLD);
    file("src/server/start-server.ts", NEW);
    file("dist/main.js", new Date(OLD.getTime() + 60_000));
    file("dist/server/start-server.js", new Date(OLD.getTime() + 60_000));
    expect(buildDecision(root)).toEqual({ rebuild: true, reason: "src/server/start-server.ts changed since the last build" });
  });

  it("rebuilds when dist/ is missing", () => {
    file("src/main.ts", OLD);
    expect(buildDecision(root)).toEqual({ rebuild: true, reason: "dist/main.js is missing" });
  });

  it("rebuilds when a new source has no output yet", () => {
    file("src/main.ts", OLD);
    file("src/app/new-module.ts", OLD);
    file("dist/main.js", NEW);
    expect(buildDecision(root)).toEqual({ rebuild: true, reason: "dist/app/new-module.js is missing" });
  });

  it("rebuilds when a tsconfig changed after the build", () => {
    file("src/main.ts", OLD);
    file("dist/main.js", OLD);
    file("tsconfig.build.json", NEW);
    expect(buildDecision(root)).toEqual({ rebuild: true, reason: "tsconfig.build.json changed since the last build" });
  });

  it("dates the build by its oldest output, so an output left from an older build counts", () => {
    file("src/a.ts", new Date(OLD.getTime() + 30_000));
    file("src/b.ts", OLD);
    file("dist/a.js", OLD);
    file("dist/b.js", NEW);
    expect(buildDecision(root).rebuild).toBe(true);
  });

  it("a declaration file needs no output of its own but still counts as a source", () => {
    file("src/main.ts", OLD);
    file("src/types/ambient.d.ts", NEW);
    file("dist/main.js", new Date(OLD.getTime() + 60_000));
    expect(buildDecision(root)).toEqual({ rebuild: true, reason: "src/types/ambient.d.ts changed since the last build" });
  });

  it("regenerates the Prisma client when it is missing or older than the schema, not otherwise", () => {
    file("prisma/schema.prisma", OLD);
    expect(generateDecision(root).generate).toBe(true);
    file("src/store/generated/prisma/client.ts", NEW);
    expect(generateDecision(root)).toEqual({ generate: false, reason: null });
    file("prisma/schema.prisma", new Date(NEW.getTime() + 60_000));
    expect(generateDecision(root)).toEqual({ generate: true, reason: "prisma/schema.prisma changed after the Prisma client was generated" });
  });
});
