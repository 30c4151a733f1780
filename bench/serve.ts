// One benchmark contender as its own process (so the load generator does not
// share its event loop, and its memory is its own):
//   node --import tsx bench/serve.ts raw|actorgraph|neo4j-graphql BOLT_URI PORT
// Prints "LISTENING <url>" once it answers.
//   raw            node:http + neo4j-driver: POST /raw {"op": name} runs that
//                  operation's hand-written Cypher and returns its rows (the floor);
//                  NO_DATABASE, which has none, gets no rows without a session
//   actorgraph     the real service (startService) on NEO4J_URI
//   neo4j-graphql  the @neo4j/graphql reference server
import { createServer } from "node:http";
import neo4j from "neo4j-driver";
import { loadConfig } from "../src/config.ts";
import { createLogger } from "../src/log.ts";
import { startService } from "../src/service.ts";
import { startNeo4jGraphqlServer } from "./contenders/neo4j-graphql.ts";
import { createOperations, DEFAULT_IDS, NO_DATABASE, type OperationIds } from "./operations.ts";
import { runRawStatement } from "./raw-statement.ts";
import { TRANSACTION_TIMEOUT_MS } from "./transaction-timeout.ts";

const [contender, uri = "", portText = "0"] = process.argv.slice(2);
const port = Number(portText);
const ids: OperationIds = process.env.BENCH_IDS ? JSON.parse(process.env.BENCH_IDS) : DEFAULT_IDS;

async function startRaw(): Promise<string> {
  const driver = neo4j.driver(uri, neo4j.auth.basic("neo4j", ""), {
    disableLosslessIntegers: true,
    maxConnectionPoolSize: 100,
  });
  const operations = new Map([...createOperations(ids), NO_DATABASE].map((op) => [op.name, op.raw]));
  const server = createServer(async (req, res) => {
    const startedAt = performance.now();
    try {
      const chunks: Buffer[] = [];
      for await (const chunk of req) chunks.push(chunk as Buffer);
      const { op } = JSON.parse(Buffer.concat(chunks).toString()) as { op: string };
      const raw = operations.get(op);
      if (!raw) throw new Error(`unknown operation ${op}`);
      // The same split as actorgraph's Server-Timing: the statement (with its rows' decoding), the whole request.
      const queryStarted = performance.now();
      let rows: Record<string, unknown>[] = [];
      let dbMs = 0;
      if (raw.cypher !== "") {
        rows = await runRawStatement(driver, raw.cypher, raw.params, TRANSACTION_TIMEOUT_MS);
        dbMs = performance.now() - queryStarted;
      }
      const body = JSON.stringify({ rows });
      res
        .writeHead(200, {
          "content-type": "application/json",
          "server-timing": `db;dur=${dbMs.toFixed(2)}, total;dur=${(performance.now() - startedAt).toFixed(2)}`,
        })
        .end(body);
    } catch (error) {
      res.writeHead(500, { "content-type": "application/json" }).end(JSON.stringify({ error: String(error) }));
    }
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", () => resolve()));
  return `http://127.0.0.1:${port}/raw`;
}

async function startActorgraph(): Promise<string> {
  // As deployed, minus what a benchmark must not measure: request logs to a
  // terminal and the per-client rate limit (every request comes from 127.0.0.1).
  const config = loadConfig({
    ...process.env,
    NEO4J_URI: uri,
    PORT: String(port),
    // BENCH_LOG_LEVEL=warn shows the server's warnings when a cell has errors.
    LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? "silent",
    RATE_LIMIT_PER_MINUTE: "0",
    GRAPHIQL: "off",
    NEO4J_QUERY_TIMEOUT_MS: String(TRANSACTION_TIMEOUT_MS),
  });
  const service = await startService(config, createLogger(config.logLevel, { pretty: false }));
  return `${service.url}/graphql`;
}

async function main() {
  let url: string;
  if (contender === "raw") url = await startRaw();
  else if (contender === "actorgraph") url = await startActorgraph();
  else if (contender === "neo4j-graphql") {
    const driver = neo4j.driver(uri, neo4j.auth.basic("neo4j", ""), { maxConnectionPoolSize: 100 });
    url = (await startNeo4jGraphqlServer(driver, { port, transactionTimeoutMs: TRANSACTION_TIMEOUT_MS })).url;
  } else throw new Error(`unknown contender "${contender}": raw, actorgraph or neo4j-graphql`);
  console.log(`LISTENING ${url}`);
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
