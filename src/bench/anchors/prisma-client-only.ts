import { createServer } from "node:http";
import { createPrismaClient } from "../../store/prisma-client";

// The anchor for idle memory: a process that loads the Prisma client, connects to the same
// SQLite file and runs one query (so the query compiler is loaded, as in the server), and
// answers GET /healthz so the benchmark knows it is up. Nothing else of Convene is loaded.

async function main(): Promise<void> {
  const prisma = createPrismaClient(process.env.DATABASE_URL ?? "file:./data/convene.db");
  await prisma.deadline.count();
  createServer((_req, res) => void res.writeHead(200).end("ok")).listen(Number(process.env.PORT), "127.0.0.1");
}

void main();
