// `npm run bench:statements [-- OPERATION ...] [--rounds R] [--runs N]`:
// each bench operation's Cypher alone, actorgraph's against raw's, on the
// bench graph (load it with `npm run bench:data` or `npm run bench`; this
// keeps its data). actorgraph's statements are the ones its app sends for
// the operation's query (captured in process, optional parts bound); each is
// then run one at a time, as are raw's:
//   actorgraph   through Database.read, as the server runs it
//   same text    the same text and parameters through the driver alone
//                (what Database itself adds is the difference)
//   raw          the operation's hand-written statement, as the raw contender runs it
// R interleaved rounds of N runs each (default 5 × 1,000) after 500 warm-up runs;
// per way, the median over rounds (and their range) of each round's median
// wall time, CPU of this process (the client: Bolt encoding, decoding rows)
// and of Neo4j per statement, the rows' size as JSON, and the db hits
// Neo4j's PROFILE counts for the way's statements (once, after the rounds).
// Figures only.
import neo4j, { type ProfiledPlan } from "neo4j-driver";
import { createApp } from "../src/api/yoga.ts";
import { Database, type Params, type RequestStats } from "../src/db/database.ts";
import { createGraph } from "../src/graph/index.ts";
import { createLogger } from "../src/log.ts";
import { benchArgs } from "./args.ts";
import { median } from "./contenders.ts";
import { processCpuMs } from "./cpu.ts";
import { openBenchDatabase } from "./neo4j.ts";
import { createOperations, DEFAULT_IDS, type Operation } from "./operations.ts";
import { runRawStatement } from "./raw-statement.ts";
import { TRANSACTION_TIMEOUT_MS } from "./transaction-timeout.ts";

const { operations: named, counts } = benchArgs({ rounds: 5, runs: 1000 });
const ROUNDS = counts.rounds;
const RUNS = counts.runs;
const operations = named ?? createOperations(DEFAULT_IDS);

type Statement = { text: string; params: Params };
type Way = { name: string; statements: Statement[]; run: () => Promise<unknown[]> };
type Round = { wallMs: number; clientMs: number; neo4jMs: number };

const fixed = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return `${median(values).toFixed(3)} (${sorted[0]?.toFixed(3)}–${sorted[sorted.length - 1]?.toFixed(3)})`;
};

const bench = await openBenchDatabase({ fresh: false, log: console.log });
const db = new Database({ uri: bench.uri, user: "neo4j", password: "", database: undefined, queryTimeoutMs: 60_000 });
// As the raw contender connects (bench/serve.ts).
const driver = neo4j.driver(bench.uri, neo4j.auth.basic("neo4j", ""), { disableLosslessIntegers: true });
try {
  const [actors] = await db.read<{ n: number }>("MATCH (a:Actor) RETURN count(a) AS n");
  if (!actors?.n) throw new Error("The bench graph is empty: run `npm run bench:data` first.");
  const app = createApp({
    graph: createGraph(db),
    log: createLogger("silent", { pretty: false }),
    readiness: () => ({ ready: true }),
  });

  /** The statements actorgraph's app sends for the operation's query, as sent. */
  async function statementsOf(op: Operation): Promise<Statement[]> {
    const stats: RequestStats = { roundTrips: 0, databaseMs: 0, statements: [] };
    const response = await Database.recordStats(stats, () =>
      app.fetch("http://bench/graphql", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ query: op.actorgraph.query }),
      }),
    );
    const json = (await response.json()) as { errors?: unknown };
    if (json.errors) throw new Error(`${op.name}: ${JSON.stringify(json.errors).slice(0, 300)}`);
    return stats.statements ?? [];
  }

  async function timeRound(way: Way): Promise<Round> {
    const walls: number[] = [];
    const client = process.cpuUsage();
    const neo4jBefore = processCpuMs(bench.neo4j.pid);
    for (let i = 0; i < RUNS; i++) {
      const started = performance.now();
      await way.run();
      walls.push(performance.now() - started);
    }
    const used = process.cpuUsage(client);
    return {
      wallMs: median(walls),
      clientMs: (used.user + used.system) / 1000 / RUNS,
      neo4jMs: (processCpuMs(bench.neo4j.pid) - neo4jBefore) / RUNS,
    };
  }

  /** Database hits of the statements, summed over each one's PROFILE plan. */
  async function dbHitsOf(statements: Statement[]): Promise<number> {
    let hits = 0;
    const session = driver.session({ defaultAccessMode: neo4j.session.READ });
    try {
      for (const { text, params } of statements) {
        const { summary } = await session.run(`PROFILE ${text}`, params);
        const walk = (plan: ProfiledPlan): void => {
          hits += plan.dbHits;
          for (const child of plan.children) walk(child);
        };
        if (summary.profile) walk(summary.profile);
      }
    } finally {
      await session.close();
    }
    return hits;
  }

  console.log(
    `${ROUNDS} interleaved rounds of ${RUNS} runs per way; median over rounds (range) in ms per operation's statements`,
  );
  console.log("| operation | way | wall p50 | client CPU | Neo4j CPU | rows KB | db hits |");
  console.log("|---|---|---:|---:|---:|---:|---:|");
  for (const op of operations) {
    const statements = await statementsOf(op);
    const inSequence = async (run: (s: Statement) => Promise<unknown[]>) => {
      const rows: unknown[] = [];
      for (const statement of statements) rows.push(...(await run(statement)));
      return rows;
    };
    const ways: Way[] = [
      { name: "actorgraph", statements, run: () => inSequence((s) => db.read(s.text, s.params)) },
      {
        name: "same text",
        statements,
        run: () => inSequence((s) => runRawStatement(driver, s.text, s.params, TRANSACTION_TIMEOUT_MS)),
      },
      {
        name: "raw",
        statements: [{ text: op.raw.cypher, params: op.raw.params }],
        run: () => runRawStatement(driver, op.raw.cypher, op.raw.params, TRANSACTION_TIMEOUT_MS),
      },
    ];
    const rounds = new Map<string, Round[]>(ways.map((way) => [way.name, []]));
    for (const way of ways) for (let i = 0; i < 500; i++) await way.run();
    for (let round = 0; round < ROUNDS; round++) {
      // Rotated each round, so a noisy moment does not land on one way only.
      for (let i = 0; i < ways.length; i++) {
        const way = ways[(round + i) % ways.length] as Way;
        rounds.get(way.name)?.push(await timeRound(way));
      }
    }
    // actorgraph's and the same text share their statements: profiled once.
    const dbHits = new Map<Statement[], number>();
    for (const way of ways) {
      if (!dbHits.has(way.statements)) dbHits.set(way.statements, await dbHitsOf(way.statements));
    }
    for (const way of ways) {
      const figures = rounds.get(way.name) ?? [];
      const kb = JSON.stringify(await way.run()).length / 1024;
      console.log(
        `| ${op.name} | ${way.name} | ${fixed(figures.map((f) => f.wallMs))} | ` +
          `${fixed(figures.map((f) => f.clientMs))} | ${fixed(figures.map((f) => f.neo4jMs))} | ${kb.toFixed(1)} | ` +
          `${dbHits.get(way.statements)} |`,
      );
    }
  }
} finally {
  await driver.close();
  await db.close();
  await bench.stop();
}
