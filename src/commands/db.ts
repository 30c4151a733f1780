// `actorgraph db start|stop|status`: the local Neo4j for development.
import type { Command } from "../cli.ts";
import { loadConfig } from "../config.ts";
import { logFilePath, startLocalNeo4j, statusLocalNeo4j, stopLocalNeo4j } from "../db/local-neo4j.ts";

const HELP = `Usage: actorgraph db <start|stop|status>

  start   download Neo4j on first use, start it on 127.0.0.1:$LOCAL_NEO4J_PORT
          (default 7687) with data in $LOCAL_NEO4J_DATA_DIR, and return once
          Bolt answers; it keeps running until \`db stop\`.
  stop    stop it (clean shutdown, SIGTERM).
  status  say whether it runs, on which port, and which version.`;

export const dbCommand: Command = {
  summary: "start, stop or inspect the local Neo4j (no Docker needed)",
  async run(args) {
    const [action] = args;
    const config = loadConfig();
    const { dataDir } = config.localNeo4j;
    switch (action) {
      case "start": {
        const started = Date.now();
        const neo4j = await startLocalNeo4j({
          ...config.localNeo4j,
          detached: true,
          onProgress: (message) => console.log(message),
        });
        console.log(
          neo4j.startedHere
            ? `Neo4j ${neo4j.version} is running at ${neo4j.uri} (pid ${neo4j.pid}, started in ${((Date.now() - started) / 1000).toFixed(1)} s). Log: ${logFilePath(dataDir)}`
            : `Neo4j ${neo4j.version} was already running at ${neo4j.uri} (pid ${neo4j.pid}).`,
        );
        return 0;
      }
      case "stop": {
        const stopped = await stopLocalNeo4j(dataDir);
        console.log(stopped ? "Neo4j stopped." : "Neo4j was not running.");
        return 0;
      }
      case "status": {
        const status = await statusLocalNeo4j(dataDir);
        console.log(
          status.state === "running"
            ? `running: Neo4j ${status.version} at ${status.uri} (pid ${status.pid}), data in ${dataDir}`
            : `stopped (data folder: ${dataDir})`,
        );
        return status.state === "running" ? 0 : 3;
      }
      default:
        console.log(HELP);
        return action === "--help" || action === "-h" ? 0 : 2;
    }
  },
};
