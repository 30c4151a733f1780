// The scaling curve: a seeded synthetic generator builds graphs shaped like
// the real data (actor degrees sampled from the real degree distribution,
// predicates from the real mix, endpoints chosen in proportion to degree),
// each loaded in bulk (the project's `bulkLoadRecords`) into a Neo4j of its
// own; on each, the latency (concurrency 1, in process) of the traversal
// operations is recorded for actorgraph and raw. `npm run bench:scale`
// builds one point of any size (1M actors and 5M relations included).
import { rm } from "node:fs/promises";
import path from "node:path";
import neo4j from "neo4j-driver";
import { createApp } from "../src/api/yoga.ts";
import { Database } from "../src/db/database.ts";
import { PROJECT_ROOT, startLocalNeo4j } from "../src/db/local-neo4j.ts";
import { applyMigrations } from "../src/db/migrate.ts";
import { completeBulkLoad } from "../src/graph/bulk-load.ts";
import { createGraph } from "../src/graph/index.ts";
import { bulkLoadRecords } from "../src/import/bulk-load.ts";
import type { ImportedActor, ImportedRecord } from "../src/import/records.ts";
import { createLogger } from "../src/log.ts";
import type { Predicate } from "../src/model.ts";
import { median } from "./contenders.ts";
import { BENCH_NEO4J } from "./neo4j.ts";
import { createOperations, DEFAULT_IDS } from "./operations.ts";
import { runRawStatement } from "./raw-statement.ts";

/** A size to build: actors, and claims among them (pairs repeat, so relations are fewer). */
export type ScaleSize = { actors: number; claims: number };

export type ScalingPoint = {
  actors: number;
  relations: number;
  claims: number;
  /** From the generator's first record to an answering, indexed graph. */
  loadSeconds: number;
  latency: Record<string, { actorgraph: number; raw: number }>;
};

/** The curve of `npm run bench`: sizes that fit its 15-minute budget on two cores. */
export const SCALING_SIZES: ScaleSize[] = [
  { actors: 100_000, claims: 400_000 },
  { actors: 200_000, claims: 1_000_000 },
];
export const QUICK_SCALING_SIZES: ScaleSize[] = [{ actors: 2_000, claims: 5_000 }];

/** The scaling graphs' own Neo4j, beside the bench one (which stays up with the real data). */
const SCALE_NEO4J = {
  port: Number(process.env.BENCH_SCALE_NEO4J_PORT ?? 7698),
  dataDir: ".neo4j/bench-scale",
  heap: BENCH_NEO4J.heap,
  pageCache: BENCH_NEO4J.pageCache,
};

/** mulberry32: a small seeded PRNG, so every run generates the same graph. */
function createRandom(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type Shape = { degrees: number[]; predicates: { predicate: Predicate; count: number }[] };

/** The real graph's degree distribution and predicate mix. */
export async function readShape(db: Database): Promise<Shape> {
  const degrees = await db.read<{ degree: number }>(
    "MATCH (a:Actor) WITH COUNT { (a)-[r]-() WHERE r.key IS NOT NULL } AS degree WHERE degree > 0 RETURN degree",
  );
  const predicates = await db.read<{ predicate: Predicate; count: number }>(
    "MATCH ()-[r]->() WHERE r.key IS NOT NULL RETURN type(r) AS predicate, count(*) AS count",
  );
  return { degrees: degrees.map((d) => d.degree), predicates };
}

/**
 * Synthetic rows: `claims` claims among `actors` actors, shaped like the real
 * graph, each with its evidence document (no event: the curve measures
 * relations and traversals, and events would add a node per claim).
 */
export function* generateRecords(shape: Shape, actors: number, claims: number, seed: number) {
  const random = createRandom(seed);
  const pick = <T>(list: T[]) => list[Math.floor(random() * list.length)] as T;
  // Chung-Lu: each actor's expected degree drawn from the real distribution;
  // endpoints drawn from a list where an actor appears as often as its degree.
  const weighted: number[] = [];
  for (let i = 0; i < actors; i++) {
    const degree = Math.min(pick(shape.degrees), 2000);
    for (let k = 0; k < degree; k++) weighted.push(i);
  }
  const total = shape.predicates.reduce((n, p) => n + p.count, 0);
  const predicate = (): Predicate => {
    let x = random() * total;
    for (const p of shape.predicates) {
      x -= p.count;
      if (x < 0) return p.predicate;
    }
    return "ATTACKS";
  };
  const actor = (i: number): ImportedActor => ({
    id: `syn-${i}`,
    name: `Synthetic actor ${i}`,
    type: "Organization",
    aliases: [],
  });
  for (let n = 0; n < claims; n++) {
    const s = pick(weighted);
    let o = pick(weighted);
    if (o === s) o = (s + 1) % actors;
    const id = `syn-claim-${n}`;
    const date = `20${10 + Math.floor(random() * 10)}-0${1 + Math.floor(random() * 9)}-1${Math.floor(random() * 9)}`;
    const quote = `Synthetic actor ${s} — synthetic relation — Synthetic actor ${o} (${date})`;
    const record: ImportedRecord = {
      id,
      document: { id, title: quote, url: null, publishedAt: date, source: "synthetic", license: "generated" },
      event: null,
      claim: {
        id,
        subject: actor(s),
        object: actor(o),
        predicate: predicate(),
        modality: "asserted",
        confidence: 0.5,
        attribution: "synthetic",
        quote,
      },
    };
    yield { record };
  }
}

async function* asAsync<T>(items: Iterable<T>): AsyncGenerator<T> {
  yield* items;
}

/**
 * Median latency of each contender over 10 sequential requests, after 3
 * warm-up ones each. The contenders take turns request by request (the
 * first of each pair alternating), so the graph's first reads after Neo4j's
 * start, which fill its page cache, are paid by both: timed one after the
 * other, the first contender paid for them alone (`npm run bench` at
 * 05e41ea: actorgraph 27.7 against raw 14.6 ms on 400k claims' paths; a
 * one-off interleaved timing of the same graph: 15–17 ms each).
 */
async function medianLatencies<K extends string>(
  contenders: Record<K, () => Promise<unknown>>,
): Promise<Record<K, number>> {
  const names = Object.keys(contenders) as K[];
  const times = new Map<K, number[]>(names.map((name) => [name, []]));
  for (let round = 0; round < 13; round++) {
    const order = round % 2 === 0 ? names : [...names].reverse();
    for (const name of order) {
      const started = performance.now();
      await contenders[name]();
      if (round >= 3) times.get(name)?.push(performance.now() - started);
    }
  }
  return Object.fromEntries(names.map((name) => [name, median(times.get(name) ?? [])])) as Record<K, number>;
}

/**
 * Builds one synthetic graph of `size` in the scaling Neo4j (deleted first
 * and afterwards), and times the traversal operations on it.
 */
export async function measureScalePoint(
  shape: Shape,
  size: ScaleSize,
  seed: number,
  log: (m: string) => void = console.log,
): Promise<ScalingPoint> {
  const home = path.resolve(PROJECT_ROOT, SCALE_NEO4J.dataDir);
  await rm(home, { recursive: true, force: true });
  const started = Date.now();
  const loaded = await bulkLoadRecords(
    [
      {
        name: `synthetic (${size.actors} actors, ${size.claims} claims)`,
        source: "synthetic",
        open: () => ({ results: asAsync(generateRecords(shape, size.actors, size.claims, seed)), close: () => {} }),
      },
    ],
    // Batches as the real data's: bigger ones only keep more garbage alive (slower in a one-off comparison).
    { dataDir: SCALE_NEO4J.dataDir, batchSize: 5000, onProgress: log },
  );
  const neo4jProcess = await startLocalNeo4j({ ...SCALE_NEO4J, onProgress: log });
  const db = new Database({
    uri: neo4jProcess.uri,
    user: "neo4j",
    password: "",
    database: undefined,
    queryTimeoutMs: 600_000,
  });
  const driver = neo4j.driver(neo4jProcess.uri, neo4j.auth.basic("neo4j", ""), { disableLosslessIntegers: true });
  try {
    await applyMigrations(db);
    await completeBulkLoad(db);
    const loadSeconds = (Date.now() - started) / 1000;
    // The two best-connected actors, and for paths to the first, the actor
    // with the smallest id that is not a hub (the generator only creates
    // actors that some claim names, so it has relations, unlike a fixed id).
    const hubs = await db.read<{ id: string }>(
      "MATCH (a:Actor) WITH a ORDER BY COUNT { (a)-[r]-() WHERE r.key IS NOT NULL } DESC LIMIT 2 RETURN a.id AS id",
    );
    const [hub = "", second = ""] = hubs.map((h) => h.id);
    const [from] = await db.read<{ id: string }>(
      "MATCH (a:Actor) WHERE NOT a.id IN $hubs RETURN a.id AS id ORDER BY a.id LIMIT 1",
      { hubs: [hub, second] },
    );
    const operations = createOperations({
      ...DEFAULT_IDS,
      hubs: [hub, second],
      neighbourhoodStart: second,
      pathFrom: from?.id ?? "",
      pathTo: hub,
    }).filter((op) => [`relations-${hub}`, "neighbourhood-2-hops", "paths-4-hops"].includes(op.name));
    const app = createApp({
      graph: createGraph(db),
      log: createLogger("silent", { pretty: false }),
      readiness: () => ({ ready: true }),
    });
    const latency: ScalingPoint["latency"] = {};
    for (const op of operations) {
      latency[op.name.replace(hub, "hub")] = await medianLatencies({
        actorgraph: async () => {
          const response = await app.fetch("http://bench/graphql", {
            method: "POST",
            headers: { "content-type": "application/json" },
            body: JSON.stringify({ query: op.actorgraph.query }),
          });
          const body = await response.text();
          if (!response.ok || body.includes('"errors"'))
            throw new Error(`${op.name} answered with errors: ${body.slice(0, 300)}`);
        },
        // As the raw contender of bench/serve.ts runs it.
        raw: async () => {
          const rows = await runRawStatement(driver, op.raw.cypher, op.raw.params);
          // An empty answer (an id the generated graph does not hold) would time no work.
          if (rows.length === 0) throw new Error(`${op.name}: the raw statement found nothing to time`);
        },
      });
    }
    const point = {
      actors: loaded.graph.actors,
      relations: loaded.graph.relations,
      claims: loaded.graph.claims,
      loadSeconds,
      latency,
    };
    log(
      `scaling: ${point.actors} actors, ${point.relations} relations, ${point.claims} claims loaded in ${loadSeconds.toFixed(1)} s: ` +
        Object.entries(latency)
          .map(([name, l]) => `${name} actorgraph ${l.actorgraph.toFixed(1)} ms raw ${l.raw.toFixed(1)} ms`)
          .join("; "),
    );
    return point;
  } finally {
    await driver.close();
    await db.close();
    await neo4jProcess.stop();
    await rm(home, { recursive: true, force: true });
  }
}

/** The curve of the benchmark run: each size built and timed on its own. */
export async function runScalingCurve(db: Database, quick: boolean): Promise<ScalingPoint[]> {
  const shape = await readShape(db);
  if (shape.degrees.length === 0) return [];
  const points: ScalingPoint[] = [];
  for (const [index, size] of (quick ? QUICK_SCALING_SIZES : SCALING_SIZES).entries()) {
    points.push(await measureScalePoint(shape, size, 7 + index));
  }
  return points;
}
