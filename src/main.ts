import { ConfigError, loadConfig } from "./config/config";
import { createLogger } from "./server/logger";
import { defaultMounts } from "./server/default-mounts";
import { startServer } from "./server/start-server";

// The composition root's process wrapper: config first (refuse to start on bad config),
// then the server, and a graceful stop on SIGTERM/SIGINT so in-flight work finishes.
async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`${err.message}\n`);
      process.exit(2);
    }
    throw err;
  }
  const logger = createLogger(config.LOG_LEVEL);
  let server;
  try {
    server = await startServer(config, { logger, mounts: defaultMounts });
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`${err.message}\n`);
      process.exit(2);
    }
    throw err;
  }
  logger.info({ url: server.url }, "Convene is listening");
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, "shutting down");
    server.close().then(
      () => process.exit(0),
      (err: unknown) => {
        logger.error({ err: (err as Error).message }, "shutdown failed");
        process.exit(1);
      },
    );
  };
  process.on("SIGTERM", () => stop("SIGTERM"));
  process.on("SIGINT", () => stop("SIGINT"));
}

void main().catch((err: unknown) => {
  process.stderr.write(`Convene failed to start: ${(err as Error).message}\n`);
  process.exit(1);
});
