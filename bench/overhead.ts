// `npm run bench:overhead`: what each server costs per request before any
// Cypher runs, under load. actorgraph and the @neo4j/graphql reference answer
// `{ __typename }` (no resolver touches the database), raw an empty operation,
// at concurrency 16 with autocannon; the difference is the HTTP and GraphQL
// pipeline (graphql-armor, headers, request ids, Server-Timing, logging), the
// part of the ratios in bench/RESULTS.md that no Cypher change can remove
// (`npm run bench` times the same request at concurrency 1). Uses the bench
// Neo4j (started here; data kept) only because the servers connect at start.
import { CONTENDERS, measure, startContender } from "./contenders.ts";
import { openBenchDatabase } from "./neo4j.ts";
import { DEFAULT_IDS, NO_DATABASE } from "./operations.ts";

const bench = await openBenchDatabase({ fresh: false, log: console.log });
try {
  for (const contender of CONTENDERS) {
    const server = await startContender(contender, bench.uri, DEFAULT_IDS);
    try {
      const figures = await measure(server, NO_DATABASE, 16, { warmupSeconds: 1, seconds: 5 });
      console.log(
        `${contender.padEnd(13)} { __typename } c=16: ${figures.rps.toFixed(0)} req/s, ` +
          `${(1000 / figures.rps).toFixed(2)} ms per request (1 / throughput), p50 ${figures.p50} ms` +
          (figures.errors ? `, ERRORS ${figures.errors}` : ""),
      );
    } finally {
      await server.stop();
    }
  }
} finally {
  await bench.stop();
}
