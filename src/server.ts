// Entry: `npm start`. Config -> service -> listen; stops gracefully on
// SIGTERM/SIGINT (in-flight requests finish, driver closes, a Neo4j we
// started stops) and exits 0.
import { loadConfig } from "./config.ts";
import { createLogger } from "./log.ts";
import { startService } from "./service.ts";

async function main(): Promise<void> {
  const config = loadConfig();
  const log = createLogger(config.logLevel);
  const service = await startService(config, log);
  log.info(`actorgraph ready: GraphiQL at ${service.url}/graphql`);

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, "shutting down");
    service
      .stop()
      .then(() => {
        log.info("stopped");
        process.exitCode = 0;
      })
      .catch((error: Error) => {
        log.error({ err: error }, "shutdown failed");
        process.exitCode = 1;
      });
  };
  process.on("SIGTERM", () => stop("SIGTERM"));
  process.on("SIGINT", () => stop("SIGINT"));
}

main().catch((error: Error) => {
  console.error(error.name === "ConfigError" || error.name === "LocalNeo4jError" ? error.message : error);
  process.exitCode = 1;
});
