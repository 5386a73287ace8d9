#!/usr/bin/env node
// Prints the SQL that takes a database from one schema to another, offline.
// Prisma 7's Migrate needs a native engine that cannot be downloaded here, so this runs
// Prisma 6.19's CLI (devDependency alias "prisma6") in its JS-engine mode on a temporary
// copy of the schema. Usage:
//   node scripts/schema-diff.js [--from <old schema.prisma>] [--to prisma/schema.prisma]
// Without --from it diffs from an empty database. Used to author new migrations
// (npm run db:diff) and by the drift tests.
//   node scripts/schema-diff.js --provider postgresql --url postgresql://…
// does the same for PostgreSQL (prisma/postgresql/schema.prisma). Prisma's schema engine
// needs a live server to reach for that provider, though it writes nothing to it.
const { execFileSync } = require("node:child_process");
const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");

function prisma6Copy(schemaPath, dir, name, datasourceUrl) {
  const text = fs
    .readFileSync(schemaPath, "utf8")
    .replace(/provider\s*=\s*"prisma-client"/, 'provider = "prisma-client"\n  engineType = "client"')
    .replace(/\n\s*importFileExtension[^\n]*/, "")
    .replace(/provider\s*=\s*"(sqlite|postgresql)"/, (_m, provider) => `provider = "${provider}"\n  url = ${JSON.stringify(datasourceUrl)}`);
  const out = path.join(dir, name);
  fs.writeFileSync(out, text);
  return out;
}

function main(argv) {
  const root = path.resolve(__dirname, "..");
  const args = { provider: "sqlite" };
  for (let i = 0; i < argv.length; i += 2) args[argv[i].replace(/^--/, "")] = argv[i + 1];
  const postgres = args.provider === "postgresql";
  if (!postgres && args.provider !== "sqlite") throw new Error(`--provider must be sqlite or postgresql, not ${args.provider}`);
  if (postgres && !args.url) throw new Error("--provider postgresql needs --url postgresql://… (a server the schema engine can reach)");
  args.to = args.to ?? path.join(root, postgres ? "prisma/postgresql/schema.prisma" : "prisma/schema.prisma");
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "convene-schema-diff-"));
  const datasourceUrl = postgres ? args.url : "file:" + path.join(dir, "scratch.db");
  const adapter = postgres
    ? `const { PrismaPg } = require("prisma6-adapter-pg");
  async adapter() { return new PrismaPg({ connectionString: ${JSON.stringify(args.url)} }); } };`
    : `const { PrismaLibSQL } = require("prisma6-adapter-libsql");
  async adapter() { return new PrismaLibSQL({ url: ${JSON.stringify(datasourceUrl)} }); } };`;
  try {
    const config = path.join(root, `.prisma6-${process.pid}.config.js`);
    fs.writeFileSync(
      config,
      `${adapter.split("\n")[0]}
module.exports = { experimental: { adapter: true }, engine: "js",
  schema: ${JSON.stringify(path.join(dir, "to.prisma"))},
${adapter.split("\n").slice(1).join("\n")}`,
    );
    try {
      const to = prisma6Copy(args.to, dir, "to.prisma", datasourceUrl);
      const from = args.from ? ["--from-schema-datamodel", prisma6Copy(args.from, dir, "from.prisma", datasourceUrl)] : ["--from-empty"];
      const sql = execFileSync(
        process.execPath,
        [path.join(root, "node_modules/prisma6/build/index.js"), "migrate", "diff", "--config", config, ...from, "--to-schema-datamodel", to, "--script"],
        { cwd: root, env: { ...process.env, PRISMA_SCHEMA_ENGINE_BINARY: "/bin/false", PRISMA_HIDE_UPDATE_MESSAGE: "1" }, stdio: ["ignore", "pipe", "pipe"] },
      ).toString();
      process.stdout.write(sql);
    } finally {
      fs.rmSync(config, { force: true });
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main(process.argv.slice(2));
