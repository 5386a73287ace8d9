#!/usr/bin/env node
// `npm start`: starts dist/main.js straight away when the compiled output is up to date, and
// regenerates the Prisma client or recompiles the TypeScript first only when it is not.
// `npm ci` already does both (postinstall), so an installed checkout starts in well under
// a second; a full `tsc` takes 7-10 s. The check only compares file times (a few ms).
//
// dist/main.js runs in this process (required, not spawned): no second Node start-up, and
// SIGTERM/SIGINT reach main.js's own shutdown handlers. package.json runs this file with
// `exec`, so npm's `sh -c` becomes this process: a signal npm forwards lands here instead of
// killing the shell and leaving the server running.
"use strict";

const fs = require("node:fs");
const path = require("node:path");
const { spawnSync } = require("node:child_process");

const ROOT = path.resolve(__dirname, "..");

/** Build configuration that changes the output of `npm run build` as much as a source does. */
const BUILD_CONFIGS = ["tsconfig.json", "tsconfig.build.json"];
/** The Prisma client is generated (TypeScript, under src/) from this schema. */
const PRISMA_SCHEMA = "prisma/schema.prisma";
const PRISMA_CLIENT = "src/store/generated/prisma/client.ts";

/** Modification time in ms, or null when the file does not exist. */
function mtime(file) {
  const s = fs.statSync(file, { throwIfNoEntry: false });
  return s ? s.mtimeMs : null;
}

/** Every .ts file under dir, as paths relative to dir ("/"-separated). */
function listTypeScript(dir, prefix = "", out = []) {
  let entries;
  try {
    entries = fs.readdirSync(path.join(dir, prefix), { withFileTypes: true });
  } catch (err) {
    if (err.code === "ENOENT") return out;
    throw err;
  }
  for (const e of entries) {
    const rel = prefix ? `${prefix}/${e.name}` : e.name;
    if (e.isDirectory()) listTypeScript(dir, rel, out);
    else if (e.name.endsWith(".ts")) out.push(rel);
  }
  return out;
}

/**
 * Whether `npm run generate` must run before building: the generated Prisma client is
 * missing, or prisma/schema.prisma changed after it was generated. Reads file times only.
 * @param {string} root the checkout (folder holding package.json)
 * @returns {{ generate: boolean, reason: string | null }}
 */
function generateDecision(root) {
  const client = mtime(path.join(root, PRISMA_CLIENT));
  if (client === null) return { generate: true, reason: `the generated Prisma client (${PRISMA_CLIENT}) is missing` };
  const schema = mtime(path.join(root, PRISMA_SCHEMA));
  if (schema !== null && schema > client) return { generate: true, reason: `${PRISMA_SCHEMA} changed after the Prisma client was generated` };
  return { generate: false, reason: null };
}

/**
 * Whether `npm run build` must run: some src/**\/*.ts has no dist/**\/*.js, or a source or
 * tsconfig*.json is newer than the oldest of those outputs (tsc rewrites every output on
 * each build, so the oldest one dates the last build). Reads file times only.
 * @param {string} root the checkout (folder holding src/, dist/ and the tsconfig files)
 * @returns {{ rebuild: boolean, reason: string | null }}
 */
function buildDecision(root) {
  const src = path.join(root, "src");
  const dist = path.join(root, "dist");
  const sources = listTypeScript(src);
  if (sources.length === 0) return { rebuild: false, reason: null };
  let oldestOutput = Infinity;
  let newestInput = -Infinity;
  let newestName = "";
  for (const rel of sources) {
    const t = mtime(path.join(src, rel));
    if (t !== null && t > newestInput) {
      newestInput = t;
      newestName = `src/${rel}`;
    }
    if (rel.endsWith(".d.ts")) continue; // declarations compile to nothing
    const out = `${rel.slice(0, -".ts".length)}.js`;
    const o = mtime(path.join(dist, out));
    if (o === null) return { rebuild: true, reason: `dist/${out} is missing` };
    if (o < oldestOutput) oldestOutput = o;
  }
  for (const name of BUILD_CONFIGS) {
    const t = mtime(path.join(root, name));
    if (t !== null && t > newestInput) {
      newestInput = t;
      newestName = name;
    }
  }
  if (newestInput > oldestOutput) return { rebuild: true, reason: `${newestName} changed since the last build` };
  return { rebuild: false, reason: null };
}

/** Runs an npm script of this package with inherited output; returns its exit status. */
function runScript(name) {
  // Under `npm start`, npm_execpath is the running npm's CLI: use the same one.
  const execPath = process.env.npm_execpath;
  const r = execPath && execPath.endsWith(".js")
    ? spawnSync(process.execPath, [execPath, "run", name], { cwd: ROOT, stdio: "inherit" })
    : spawnSync("npm", ["run", name], { cwd: ROOT, stdio: "inherit", shell: process.platform === "win32" });
  if (r.error) {
    process.stderr.write(`npm start: could not run "npm run ${name}": ${r.error.message}\n`);
    return 1;
  }
  return r.status ?? 1;
}

/** Stops start-up when a step fails, and makes sure the next start tries the build again. */
function failed(step, status) {
  // tsc emits even when it reports errors; age dist/main.js so a failed build is never
  // mistaken for an up-to-date one.
  try {
    fs.utimesSync(path.join(ROOT, "dist", "main.js"), 0, 0);
  } catch {
    // no dist/main.js: the next start rebuilds anyway
  }
  process.stderr.write(`npm start: "npm run ${step}" failed (exit ${status}); not starting\n`);
  process.exit(status || 1);
}

function main() {
  const gen = generateDecision(ROOT);
  if (gen.generate) {
    process.stderr.write(`npm start: regenerating the Prisma client: ${gen.reason}\n`);
    const status = runScript("generate");
    if (status !== 0) failed("generate", status);
  }
  const build = buildDecision(ROOT);
  if (build.rebuild) {
    process.stderr.write(`npm start: rebuilding dist/: ${build.reason}\n`);
    const status = runScript("build");
    if (status !== 0) failed("build", status);
  }
  require(path.join(ROOT, "dist", "main.js"));
}

module.exports = { buildDecision, generateDecision };

if (require.main === module) main();
