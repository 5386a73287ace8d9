// Prisma CLI configuration. Generation works offline (WASM); Migrate needs the native engine,
// so migrations are applied by src/store/migrate-runner.ts at start-up instead.
import { defineConfig } from "prisma/config";

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "file:./data/convene.db" },
});
