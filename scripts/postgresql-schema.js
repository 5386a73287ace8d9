#!/usr/bin/env node
// Derives prisma/postgresql/schema.prisma from prisma/schema.prisma, so the data model is
// written once. PostgreSQL gets its own generated client and its own migrations (Prisma's
// layout: one folder per provider), and every DateTime becomes timestamptz so a stored
// instant never depends on a database session's time zone.
//   node scripts/postgresql-schema.js          writes the file
//   node scripts/postgresql-schema.js --check  exits 1 when the file is out of date
const fs = require("node:fs");
const path = require("node:path");

const root = path.resolve(__dirname, "..");
const source = path.join(root, "prisma/schema.prisma");
const target = path.join(root, "prisma/postgresql/schema.prisma");

function derive(text) {
  const header =
    "// GENERATED from prisma/schema.prisma by scripts/postgresql-schema.js (npm run generate).\n" +
    "// Edit prisma/schema.prisma, never this file.\n";
  const body = text
    .replace(/output\s*=\s*"\.\.\/src\/store\/generated\/prisma"/, 'output       = "../../src/store/generated/prisma-postgresql"')
    .replace(/provider\s*=\s*"sqlite"/, 'provider = "postgresql"')
    .split("\n")
    .map((line) => {
      const m = /^(\s+\w+\s+DateTime\??)(.*?)(\s*\/\/.*)?$/.exec(line);
      if (!m) return line;
      return `${m[1]}${m[2]} @db.Timestamptz(3)${m[3] ?? ""}`;
    })
    .join("\n");
  if (body.includes('"sqlite"') || !body.includes("prisma-postgresql")) throw new Error("postgresql-schema: prisma/schema.prisma changed shape; update this script");
  return header + body;
}

const want = derive(fs.readFileSync(source, "utf8"));
if (process.argv.includes("--check")) {
  const have = fs.existsSync(target) ? fs.readFileSync(target, "utf8") : "";
  if (have !== want) {
    console.error("prisma/postgresql/schema.prisma is out of date: run npm run generate");
    process.exit(1);
  }
} else {
  fs.mkdirSync(path.dirname(target), { recursive: true });
  if (!fs.existsSync(target) || fs.readFileSync(target, "utf8") !== want) fs.writeFileSync(target, want);
}
