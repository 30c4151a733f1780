// `npm run bench:overhead`: what each GraphQL server costs per request before
// any Cypher runs. actorgraph and the @neo4j/graphql reference answer
// `{ __typename }` (no resolver touches the database) at concurrency 16 with
// autocannon; the difference is the HTTP and GraphQL pipeline (graphql-armor,
// headers, request ids, Server-Timing, logging), the part of the latency
// ratios in bench/RESULTS.md that no Cypher change can remove. Uses the bench
// Neo4j (started here; data kept) only because both servers connect at start.
import { CONTENDERS, measure, startContender } from "./contenders.ts";
import { openBenchDatabase } from "./neo4j.ts";
import { DEFAULT_IDS, type Operation } from "./operations.ts";

const TYPENAME: Operation = {
  name: "typename",
  group: "other",
  actorgraph: { query: "{ __typename }", normalize: (d) => d },
  neo4jGraphql: { query: "{ __typename }", normalize: (d) => d },
  raw: { cypher: "RETURN 1", params: {}, normalize: (rows) => rows },
};

const bench = await openBenchDatabase({ fresh: false, log: console.log });
try {
  for (const contender of CONTENDERS.filter((c) => c !== "raw")) {
    const server = await startContender(contender, bench.uri, DEFAULT_IDS);
    try {
      const figures = await measure(server, TYPENAME, 16, { warmupSeconds: 1, seconds: 5 });
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
