// `npm run bench:overhead [-- OPERATION ...] [--concurrency C] [--rounds R]`:
// what each server costs per request, under load. Without operations, before
// any Cypher runs: actorgraph and the @neo4j/graphql reference answer
// `{ __typename }` (no resolver touches the database), raw an empty
// operation; the difference is the HTTP and GraphQL pipeline (graphql-armor,
// headers, request ids, Server-Timing, logging), the part of the ratios in
// bench/RESULTS.md that no Cypher change can remove (`npm run bench` times
// the same request at concurrency 1). With bench operations' names
// (bench/operations.ts), those operations on the bench graph (load it with
// `npm run bench:data` or `npm run bench`; this keeps its data).
// autocannon at concurrency C (default 16): a 6 s warm-up per contender and
// operation, then R rounds (default 1) of 1 s warm-up and 5 s timed each,
// the contenders taking turns. Per request: the server's CPU (and how much of
// it was system calls) and Neo4j's (from /proc, bench/cpu.ts). Figures only.
import { benchArgs } from "./args.ts";
import { CONTENDERS, measure, startContender } from "./contenders.ts";
import { openBenchDatabase } from "./neo4j.ts";
import { DEFAULT_IDS, NO_DATABASE } from "./operations.ts";

const { operations: named, counts } = benchArgs({ concurrency: 16, rounds: 1 });
const CONCURRENCY = counts.concurrency;
const ROUNDS = counts.rounds;
const operations = named ?? [NO_DATABASE];

const bench = await openBenchDatabase({ fresh: false, log: console.log });
const servers = await Promise.all(CONTENDERS.map((contender) => startContender(contender, bench.uri, DEFAULT_IDS)));
try {
  const ms = (value: number | undefined) => (value === undefined || Number.isNaN(value) ? "n/a" : value.toFixed(3));
  // A freshly started Neo4j and servers run their first requests several times slower (JIT): not a round.
  for (const op of operations) {
    for (const server of servers) await measure(server, op, CONCURRENCY, { warmupSeconds: 5, seconds: 1 });
  }
  for (let round = 1; round <= ROUNDS; round++) {
    for (const op of operations) {
      for (const server of servers) {
        const figures = await measure(
          server,
          op,
          CONCURRENCY,
          { warmupSeconds: 1, seconds: 5 },
          undefined,
          bench.neo4j.pid,
        );
        const neo4jMs = figures.cpu ? (figures.cpu.neo4j * 1000) / Math.max(figures.rps, 0.001) : undefined;
        console.log(
          `round ${round} ${op.name.padEnd(20)} ${server.contender.padEnd(13)} c=${CONCURRENCY}: ` +
            `${figures.rps.toFixed(0)} req/s, p50 ${figures.p50.toFixed(2)} ms, ` +
            `server CPU ${ms(figures.cpu?.serverMsPerRequest)} ms/request ` +
            `(system ${ms(figures.cpu?.serverSystemMsPerRequest)}), Neo4j CPU ${ms(neo4jMs)} ms/request` +
            (figures.errors ? `, ERRORS ${figures.errors}` : ""),
        );
      }
    }
  }
} finally {
  await Promise.all(servers.map((server) => server.stop()));
  await bench.stop();
}
