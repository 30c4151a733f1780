// `npm run bench:analyst`: what an analyst's first views cost on the bench
// graph (load it with `npm run bench:data` or `npm run bench`; this keeps
// its data): the explorer's own operations (web/src/queries.ts) on the best
// connected actors, the unfiltered lists and the stats.
// In process through `app.fetch` (no HTTP), one request at a time: the
// median of 7 after 2 warm-ups, and the Cypher round trips of one request.
// Figures only; never passes or fails on time.
import { createApp } from "../src/api/yoga.ts";
import { Database } from "../src/db/database.ts";
import { createGraph } from "../src/graph/index.ts";
import { createLogger } from "../src/log.ts";
import {
  ACTOR_CARD_QUERY,
  EVENT_QUERY,
  NEIGHBORHOOD_QUERY,
  PATHS_QUERY,
  RELATION_CLAIMS_QUERY,
  SEARCH_QUERY,
  toRelationEvidenceVariables,
} from "../web/src/queries.ts";
import { openBenchDatabase } from "./neo4j.ts";

const WARMUP = 2;
const RUNS = 7;

const bench = await openBenchDatabase({ fresh: false, log: console.log });
const db = new Database({ uri: bench.uri, user: "neo4j", password: "", database: undefined, queryTimeoutMs: 60_000 });
try {
  const [hub, second] = await db.read<{ id: string }>(
    "MATCH (a:Actor) RETURN a.id AS id ORDER BY COUNT { (a)-[:SUPPORTS|FUNDS|ARMS|ATTACKS|FIGHTS|ALLIED_WITH]-() } DESC LIMIT 2",
  );
  const [event] = await db.read<{ id: string }>(
    "MATCH (e:Event) WHERE e.sortKey < '~' RETURN e.id AS id ORDER BY e.sortKey DESC LIMIT 1",
  );
  // The hub's strongest outgoing relation: the edge whose evidence the explorer opens.
  const [edge] = await db.read<{ source: string; target: string; predicate: string }>(
    "MATCH (a:Actor {id: $id})-[r:SUPPORTS|FUNDS|ARMS|ATTACKS|FIGHTS|ALLIED_WITH]->(b:Actor) " +
      "RETURN a.id AS source, b.id AS target, type(r) AS predicate ORDER BY r.confidence DESC, b.id LIMIT 1",
    { id: hub?.id ?? "" },
  );
  if (!hub || !second || !event || !edge) throw new Error("The bench graph is empty: run `npm run bench:data` first.");
  const app = createApp({
    graph: createGraph(db),
    log: createLogger("silent", { pretty: false }),
    readiness: () => ({ ready: true }),
  });
  const views: [string, string, Record<string, unknown>][] = [
    ["search", SEARCH_QUERY, { text: hub.id, first: 10 }],
    ["actor card (hub)", ACTOR_CARD_QUERY, { id: hub.id }],
    ["neighbourhood depth 1 (hub)", NEIGHBORHOOD_QUERY, { id: hub.id, depth: 1, limit: 200 }],
    ["neighbourhood depth 2 (hub)", NEIGHBORHOOD_QUERY, { id: hub.id, depth: 2, limit: 200 }],
    // With the variables the explorer sends for an edge (a predicate, no date).
    ["relation evidence (hub's top edge)", RELATION_CLAIMS_QUERY, toRelationEvidenceVariables(edge, null)],
    ["paths (hub to second)", PATHS_QUERY, { from: hub.id, to: second.id, maxHops: 4, k: 3 }],
    ["event", EVENT_QUERY, { id: event.id }],
    ["actors, first page", "{ actors { totalCount edges { node { id name } } } }", {}],
    [
      "actors with relations, first page",
      "{ actors { edges { node { id relations(first: 3) { edges { actor { id } } } } } } }",
      {},
    ],
    ["events, first page", "{ events { totalCount edges { node { id date } } } }", {}],
    ["documents, first page", "{ documents { totalCount edges { node { id title } } } }", {}],
    ["stats", "{ stats { documents claims events relationsByPredicate { predicate count } } }", {}],
  ];
  console.log(`hub ${hub.id}, second ${second.id}; median of ${RUNS} after ${WARMUP} (ms), round trips`);
  for (const [name, query, variables] of views) {
    const body = JSON.stringify({ query, variables });
    const once = async () => {
      const response = await app.fetch("http://bench/graphql", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body,
      });
      const json = (await response.json()) as { errors?: unknown };
      if (json.errors) throw new Error(`${name}: ${JSON.stringify(json.errors).slice(0, 300)}`);
    };
    const times: number[] = [];
    for (let i = 0; i < WARMUP + RUNS; i++) {
      const started = performance.now();
      await once();
      if (i >= WARMUP) times.push(performance.now() - started);
    }
    const { roundTrips } = await Database.countRoundTrips(once);
    times.sort((a, b) => a - b);
    console.log(`${name.padEnd(36)} ${(times[RUNS >> 1] ?? Number.NaN).toFixed(1).padStart(8)}  ${roundTrips}`);
  }
} finally {
  await db.close();
  await bench.stop();
}
