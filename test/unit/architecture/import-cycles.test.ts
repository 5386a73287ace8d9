import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import madge from "madge";

// ARCHITECTURE.md: no import cycles under src/, type-only imports included. A type-only
// cycle costs nothing at run time, but it is where layering rots first (the app importing
// its view models from cards/, the server and its channel mounts importing each other), so
// it is checked like any other. madge's TypeScript detective drops `import type` unless told
// otherwise, hence skipTypeImports: false.

const ROOT = path.resolve(__dirname, "../../..");
const SRC = path.join(ROOT, "src");

/** Every import cycle under `dir`, each as the files on it (relative to `dir`), and the imports madge could not resolve. */
async function cyclesUnder(dir: string): Promise<{ cycles: string[][]; skipped: string[] }> {
  const graph = await madge(dir, {
    fileExtensions: ["ts"],
    tsConfig: path.join(ROOT, "tsconfig.json"),
    // The Prisma client is generated code: it imports nothing of ours, and is large.
    excludeRegExp: [/[\\/]generated[\\/]/],
    detectiveOptions: { ts: { skipTypeImports: false }, es6: { skipTypeImports: false } },
  });
  return { cycles: graph.circular(), skipped: graph.warnings().skipped };
}

describe("import cycles", () => {
  it("src/ has none, type-only imports included", async () => {
    const { cycles, skipped } = await cyclesUnder(SRC);
    // An import madge cannot resolve is an edge it cannot see, and a cycle could hide behind it.
    expect(skipped).toEqual([]);
    expect(cycles).toEqual([]);
  });

  it("would catch one (the check is not vacuous): a type-only cycle and an `export ... from` cycle", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "convene-cycles-"));
    try {
      mkdirSync(path.join(dir, "app"));
      writeFileSync(path.join(dir, "app", "a.ts"), `import type { B } from "./b";\nexport interface A { b: B }\n`);
      writeFileSync(path.join(dir, "app", "b.ts"), `import type { A } from "./a";\nexport interface B { a: A }\n`);
      writeFileSync(path.join(dir, "c.ts"), `export { d } from "./d";\nexport const c = 1;\n`);
      writeFileSync(path.join(dir, "d.ts"), `export { c } from "./c";\nexport const d = 2;\n`);
      const cycles = (await cyclesUnder(dir)).cycles.map((c) => [...c].sort());
      expect(cycles).toEqual(expect.arrayContaining([["app/a.ts", "app/b.ts"], ["c.ts", "d.ts"]]));
      expect(cycles).toHaveLength(2);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
