// `actorgraph db start|stop|status|load`: the local Neo4j for development,
// and the bulk first load of a new one.
import { parseArgs } from "node:util";
import type { Command } from "../cli.ts";
import { type Config, loadConfig } from "../config.ts";
import { logFilePath, startLocalNeo4j, statusLocalNeo4j, stopLocalNeo4j } from "../db/local-neo4j.ts";
import { InvalidInputError } from "../errors.ts";
import { completeBulkLoad } from "../graph/bulk-load.ts";
import { bulkLoad } from "../import/bulk-load.ts";
import { datasetFile } from "../import/dataset-files.ts";
import { openDatabase } from "./connect.ts";
import { parseBatchSize } from "./import.ts";

const HELP = `Usage: actorgraph db <start|stop|status>
       actorgraph db load FILE... [--replace] [--batch-size N]

  start   download Neo4j on first use, start it on 127.0.0.1:$LOCAL_NEO4J_PORT
          (default 7687) with data in $LOCAL_NEO4J_DATA_DIR, and return once
          Bolt answers; it keeps running until \`db stop\`.
  stop    stop it (clean shutdown, SIGTERM).
  status  say whether it runs, on which port, and which version.
  load    the first load of a new local database, in bulk: UCDP GED .csv and
          ICEWS .tsv files, in the order given, become the same graph
          \`actorgraph import\` would write (same --batch-size), built by
          neo4j-admin from CSV, several times faster. The local Neo4j must be
          stopped, and its database must not exist yet: --replace deletes
          the current one. Then it starts, builds its indexes and stays up.
          Add later files with \`actorgraph import\`.`;

async function loadFiles(config: Config, args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    options: {
      replace: { type: "boolean", default: false },
      "batch-size": { type: "string", default: "2000" },
    },
    allowPositionals: true,
  });
  if (positionals.length === 0) {
    console.log(HELP);
    return 2;
  }
  if (config.neo4jUri) {
    throw new InvalidInputError(
      `db load fills the local Neo4j, but NEO4J_URI points to ${config.neo4jUri}. ` +
        "Unset NEO4J_URI, or load that server with neo4j-admin yourself.",
    );
  }
  const batchSize = parseBatchSize(values["batch-size"]);
  const files = positionals.map((file) => datasetFile(file));
  const started = Date.now();
  const result = await bulkLoad(files, {
    dataDir: config.localNeo4j.dataDir,
    batchSize,
    replace: values.replace,
    onProgress: (message) => console.error(message),
  });
  const db = await openDatabase(config, (message) => console.error(message));
  try {
    await completeBulkLoad(db);
  } finally {
    await db.close();
  }
  let rejected = 0;
  for (const file of result.files) {
    for (const row of file.rejected.slice(0, 50)) console.error(`${file.file} line ${row.line}: ${row.reason}`);
    if (file.rejected.length > 50)
      console.error(`… and ${file.rejected.length - 50} more rejected rows in ${file.file}`);
    rejected += file.rejected.length;
  }
  const seconds = (Date.now() - started) / 1000;
  const { graph } = result;
  console.log(
    `Loaded ${graph.events} events, ${graph.documents} documents, ${graph.claims} claims, ${graph.actors} actors and ` +
      `${graph.relations} relations in ${seconds.toFixed(1)} s (${Math.round(graph.events / Math.max(seconds, 0.001))} events/s, ` +
      `indexes built); rejected ${rejected} rows. Neo4j is running (\`actorgraph db stop\` stops it).`,
  );
  return rejected > 0 ? 1 : 0;
}

export const dbCommand: Command = {
  summary: "start, stop or inspect the local Neo4j (no Docker needed); load a new one in bulk",
  async run(args) {
    const [action, ...rest] = args;
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
      case "load":
        return loadFiles(config, rest);
      default:
        console.log(HELP);
        return action === "--help" || action === "-h" ? 0 : 2;
    }
  },
};
