// The scaling curve: a seeded synthetic generator that grows the bench graph
// with actors and claims shaped like the real data (actor degrees sampled
// from the real degree distribution, predicates from the real mix, endpoints
// chosen in proportion to degree), imported through the same import path in
// steps; after each step the import rate and the latency (concurrency 1, in
// process) of the traversal operations for actorgraph and raw are recorded.
import neo4j from "neo4j-driver";
import { createApp } from "../src/api/yoga.ts";
import { createGraph } from "../src/graph/index.ts";
import type { ImportedActor, ImportedRecord } from "../src/import/records.ts";
import { runImport } from "../src/import/run-import.ts";
import { createLogger } from "../src/log.ts";
import type { Predicate } from "../src/model.ts";
import type { BenchDatabase } from "./neo4j.ts";
import { createOperations, DEFAULT_IDS } from "./operations.ts";

export type ScalingPoint = {
  actors: number;
  relations: number;
  events: number;
  importEventsPerSecond: number;
  latency: Record<string, { actorgraph: number; raw: number }>;
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

type Shape = { degrees: number[]; predicates: { predicate: Predicate; count: number }[] };

async function readShape(bench: BenchDatabase): Promise<Shape> {
  const degrees = await bench.db.read<{ degree: number }>(
    "MATCH (a:Actor) WITH COUNT { (a)-[r]-() WHERE r.key IS NOT NULL } AS degree WHERE degree > 0 RETURN degree",
  );
  const predicates = await bench.db.read<{ predicate: Predicate; count: number }>(
    "MATCH ()-[r]->() WHERE r.key IS NOT NULL RETURN type(r) AS predicate, count(*) AS count",
  );
  return { degrees: degrees.map((d) => d.degree), predicates };
}

/** Synthetic rows: `events` claims among `actors` new actors, shaped like the real graph. */
export function* generateRecords(shape: Shape, from: number, actors: number, events: number, seed: number) {
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
  for (let n = 0; n < events; n++) {
    const s = pick(weighted);
    let o = pick(weighted);
    if (o === s) o = (s + 1) % actors;
    const id = `syn-${from + n}`;
    const date = `20${10 + Math.floor(random() * 10)}-0${1 + Math.floor(random() * 9)}-1${Math.floor(random() * 9)}`;
    const quote = `Synthetic actor ${s} — synthetic relation — Synthetic actor ${o} (${date})`;
    const record: ImportedRecord = {
      id,
      document: { id, title: quote, url: null, publishedAt: date, source: "synthetic", license: "generated" },
      event: {
        id,
        type: "SYNTHETIC",
        date,
        datePrecision: "day",
        endDate: null,
        locations: [],
        perpetrators: [actor(s)],
        targets: [actor(o)],
        killed: { low: null, best: null, high: null },
        quote,
      },
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

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

export async function runScalingCurve(bench: BenchDatabase, quick: boolean): Promise<ScalingPoint[]> {
  const steps = quick ? [1_000] : [20_000, 40_000];
  const actorsPerEvent = 0.1;
  const shape = await readShape(bench);
  if (shape.degrees.length === 0) return [];
  const graph = createGraph(bench.db);
  const app = createApp({ graph, log: createLogger("silent", { pretty: false }), readiness: () => ({ ready: true }) });
  const driver = neo4j.driver(bench.uri, neo4j.auth.basic("neo4j", ""), { disableLosslessIntegers: true });
  const points: ScalingPoint[] = [];
  let events = 0;
  try {
    for (const [index, size] of steps.entries()) {
      const actors = Math.max(50, Math.round(size * actorsPerEvent));
      const summary = await runImport(
        asAsync(generateRecords(shape, events, actors, size, 7 + index)),
        (records) => graph.saveImportedBatch(records, "synthetic"),
        { batchSize: 5000 },
      );
      events += summary.eventsCreated;
      const [counts] = await bench.db.read<{ actors: number; relations: number }>(
        "MATCH (a:Actor) WITH count(a) AS actors MATCH ()-[r]->() WHERE r.key IS NOT NULL RETURN actors, count(r) AS relations",
      );
      // The step's best-connected synthetic actors, and a pair for paths.
      const hubs = await bench.db.read<{ id: string }>(
        `MATCH (a:Actor) WHERE a.id STARTS WITH 'syn-' WITH a ORDER BY COUNT { (a)-[r]-() WHERE r.key IS NOT NULL } DESC LIMIT 2 RETURN a.id AS id`,
      );
      const [hub = "", second = ""] = hubs.map((h) => h.id);
      const operations = createOperations({
        ...DEFAULT_IDS,
        hubs: [hub, second],
        neighbourhoodStart: second,
        pathFrom: `syn-${1 + index}`,
        pathTo: hub,
      }).filter((op) => ["relations-" + hub, "neighbourhood-2-hops", "paths-4-hops"].includes(op.name));
      const latency: ScalingPoint["latency"] = {};
      for (const op of operations) {
        const timeOf = async (fn: () => Promise<unknown>) => {
          const times: number[] = [];
          for (let i = 0; i < 12; i++) {
            const t = performance.now();
            await fn();
            if (i >= 2) times.push(performance.now() - t);
          }
          return median(times);
        };
        const actorgraph = await timeOf(async () => {
          const response = await app.fetch("http://bench/graphql", {
            method: "POST",
            headers: { "content-type": "application/json" },
            body: JSON.stringify({ query: op.actorgraph.query }),
          });
          await response.text();
        });
        const raw = await timeOf(() =>
          driver.executeQuery(op.raw.cypher, op.raw.params, { routing: neo4j.routing.READ }),
        );
        latency[op.name.replace(hub, "hub")] = { actorgraph, raw };
      }
      const point = {
        actors: counts?.actors ?? 0,
        relations: counts?.relations ?? 0,
        events: summary.eventsCreated,
        importEventsPerSecond: summary.eventsCreated / Math.max(summary.seconds, 0.001),
        latency,
      };
      points.push(point);
      console.log(
        `scaling: ${point.actors} actors, ${point.relations} relations (+${size} synthetic events at ${Math.round(point.importEventsPerSecond)}/s): ` +
          Object.entries(latency)
            .map(([name, l]) => `${name} actorgraph ${l.actorgraph.toFixed(1)} ms raw ${l.raw.toFixed(1)} ms`)
            .join("; "),
      );
    }
  } finally {
    await driver.close();
  }
  return points;
}
