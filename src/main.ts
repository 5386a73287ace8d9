import { ConfigError, loadConfig } from "./config/config";
import { createLogger } from "./server/logger";
import { captureConsole, writeFatalLine } from "./server/console-capture";
import { defaultMounts } from "./server/default-mounts";
import { startServer } from "./server/start-server";

// The composition root's process wrapper: config first (refuse to start on bad config),
// then the server, and a graceful stop on SIGTERM/SIGINT so in-flight work finishes.
// Every line the process writes is JSON: libraries' console output and crashes included.
async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      writeFatalLine(err.message, { code: "BAD_CONFIG" });
      process.exit(2);
    }
    throw err;
  }
  const logger = createLogger(config.LOG_LEVEL);
  captureConsole(logger);
  process.on("uncaughtException", (err) => {
    writeFatalLine("uncaught exception", { err: { name: err.name, message: err.message } });
    process.exit(1);
  });
  process.on("unhandledRejection", (reason) => {
    writeFatalLine("unhandled rejection", { err: { name: (reason as Error)?.name ?? typeof reason, message: String((reason as Error)?.message ?? reason) } });
    process.exit(1);
  });
  let server;
  try {
    server = await startServer(config, { logger, mounts: defaultMounts });
  } catch (err) {
    if (err instanceof ConfigError) {
      writeFatalLine(err.message, { code: "BAD_CONFIG" });
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
  writeFatalLine("Convene failed to start", { err: { name: (err as Error)?.name, message: String((err as Error)?.message ?? err) } });
  process.exit(1);
});
