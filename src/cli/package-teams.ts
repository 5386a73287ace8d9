#!/usr/bin/env node
// `npm run package:teams`: builds the Teams app package (manifest.json + two icons in a zip)
// that an administrator uploads in the Teams admin center or with "Upload a custom app".
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { zipSync } from "fflate";

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Settings the manifest template needs. */
export interface PackageTeamsOptions {
  /** The bot's Microsoft App ID (a GUID); also the Teams app id. */
  appId: string;
  /** The public host name of the messaging endpoint, e.g. convene.example.gov.uk. */
  publicHost: string;
  /** Folder holding manifest.json, color.png and outline.png. */
  manifestDir: string;
  /** Where the zip is written. */
  outFile: string;
}

/** Fills the `${VAR}` placeholders; throws listing any that are unknown. */
export function fillTemplate(template: string, vars: Record<string, string>): string {
  const missing = new Set<string>();
  const out = template.replace(/\$\{([A-Z0-9_]+)\}/g, (_m, name: string) => {
    const v = vars[name];
    if (v === undefined) missing.add(name);
    return v ?? "";
  });
  if (missing.size) throw new Error(`The Teams manifest needs: ${[...missing].join(", ")}`);
  return out;
}

/** Checks the fields Teams refuses an upload without; returns the problems found. */
export function validateManifest(m: Record<string, unknown>): string[] {
  const problems: string[] = [];
  const get = (p: string): unknown => p.split(".").reduce<unknown>((o, k) => (o && typeof o === "object" ? (o as Record<string, unknown>)[k] : undefined), m);
  for (const p of ["manifestVersion", "version", "id", "developer.name", "developer.websiteUrl", "developer.privacyUrl", "developer.termsOfUseUrl", "name.short", "description.short", "description.full", "icons.color", "icons.outline", "accentColor"]) {
    if (typeof get(p) !== "string" || !(get(p) as string).trim()) problems.push(`${p} is missing`);
  }
  if (typeof m.id === "string" && !GUID.test(m.id)) problems.push("id must be the bot's Microsoft App ID (a GUID)");
  const bots = m.bots as Array<{ botId?: string; scopes?: string[] }> | undefined;
  if (!Array.isArray(bots) || !bots.length) problems.push("bots is missing");
  else if (bots[0]!.botId !== m.id) problems.push("bots[0].botId must equal id");
  if (String(get("name.short") ?? "").length > 30) problems.push("name.short must be 30 characters or fewer");
  if (String(get("description.short") ?? "").length > 80) problems.push("description.short must be 80 characters or fewer");
  return problems;
}

/** Builds the zip; returns its path. */
export function packageTeams(o: PackageTeamsOptions): string {
  const template = readFileSync(path.join(o.manifestDir, "manifest.json"), "utf8");
  const manifestText = fillTemplate(template, { MICROSOFT_APP_ID: o.appId, CONVENE_PUBLIC_HOST: o.publicHost });
  const manifest = JSON.parse(manifestText) as Record<string, unknown>;
  const problems = validateManifest(manifest);
  if (problems.length) throw new Error(`The Teams manifest is not valid:\n  ${problems.join("\n  ")}`);
  const zip = zipSync({
    "manifest.json": new TextEncoder().encode(JSON.stringify(manifest, null, 2)),
    "color.png": readFileSync(path.join(o.manifestDir, "color.png")),
    "outline.png": readFileSync(path.join(o.manifestDir, "outline.png")),
  });
  mkdirSync(path.dirname(o.outFile), { recursive: true });
  writeFileSync(o.outFile, zip);
  return o.outFile;
}

/** The repository root (works from src/, dist/ and dist/src/). */
function repoRoot(): string {
  const candidates = [path.resolve(__dirname, "../.."), path.resolve(__dirname, "../../.."), process.cwd()];
  return candidates.find((d) => existsSync(path.join(d, "manifests/teams/manifest.json"))) ?? process.cwd();
}

/** CLI entry: reads MICROSOFT_APP_ID and CONVENE_PUBLIC_URL (or CONVENE_PUBLIC_HOST). */
export function main(env: NodeJS.ProcessEnv = process.env, root = repoRoot()): number {
  const appId = env.MICROSOFT_APP_ID?.trim() ?? "";
  const publicHost = env.CONVENE_PUBLIC_HOST?.trim() || (env.CONVENE_PUBLIC_URL ? new URL(env.CONVENE_PUBLIC_URL).host : "");
  if (!appId || !publicHost) {
    console.error("Set MICROSOFT_APP_ID (the Azure Bot's app id) and CONVENE_PUBLIC_URL (e.g. https://convene.example.gov.uk) first.");
    return 2;
  }
  try {
    const dir = path.join(root, "manifests/teams");
    console.log(packageTeams({ appId, publicHost, manifestDir: dir, outFile: path.join(dir, "build/convene-teams.zip") }));
    return 0;
  } catch (err) {
    console.error((err as Error).message);
    return 1;
  }
}

if (require.main === module) process.exitCode = main();
