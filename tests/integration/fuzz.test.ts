// Fuzzing: thousands of operations generated from the schema, valid and
// broken (wrong types, missing arguments, huge numbers, deep nesting, unknown
// fields, shuffled tokens) plus random bytes as bodies. No answer may be a
// 5xx, none may take long, and memory must stay steady. Seeded, so a failure
// reproduces: the seed is printed.
import v8 from "node:v8";
import vm from "node:vm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { schema } from "../../src/api/schema.ts";
import { createApp } from "../../src/api/yoga.ts";
import type { Database } from "../../src/db/database.ts";
import { createGraph } from "../../src/graph/index.ts";
import { createLogger } from "../../src/log.ts";
import { openTestDatabase, wipe } from "../helpers/database.ts";
import { saveFixtureDocuments } from "../helpers/fixtures.ts";
import { findStringSites, operationForSite, rootFieldOperations } from "../helpers/schema-operations.ts";

const OPERATIONS = 2000;
const RANDOM_BODIES = 500;
// A real collection before each heap reading, so growth is retained memory, not garbage.
v8.setFlagsFromString("--expose-gc");
const gc = vm.runInNewContext("gc") as () => void;

const SEED = Number(process.env.FUZZ_SEED ?? Date.now() % 1_000_000);

/** mulberry32: a small seeded PRNG. */
function createRandom(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  const pick = <T>(items: readonly T[]): T => items[int(items.length)] as T;
  return { next, int, pick };
}

const JUNK_VALUES: unknown[] = [
  null,
  0,
  -1,
  2 ** 31,
  -(2 ** 53),
  1e308,
  Number.MAX_SAFE_INTEGER,
  0.000001,
  true,
  "",
  "x".repeat(5000),
  "2024-02-30",
  "ACTOR",
  [],
  [null],
  {},
  { nested: { deeper: [1, 2, 3] } },
  "\u0000",
  "🙂",
];

describe("fuzzing the API", () => {
  let db: Database;
  let app: ReturnType<typeof createApp>;
  beforeAll(async () => {
    db = await openTestDatabase();
    await wipe(db);
    const graph = createGraph(db);
    await saveFixtureDocuments(graph);
    app = createApp({ graph, log: createLogger("silent", { pretty: false }), readiness: () => ({ ready: true }) });
  });
  afterAll(() => db.close());

  function generate(random: ReturnType<typeof createRandom>): string[] {
    const roots = [...rootFieldOperations(schema, "query"), ...rootFieldOperations(schema, "mutation")];
    const sites = [
      ...findStringSites(schema, "query").map((site) => ({ site, kind: "query" as const })),
      ...findStringSites(schema, "mutation", 1).map((site) => ({ site, kind: "mutation" as const })),
    ];
    const bodies: string[] = [];
    const fieldNames = Object.keys(schema.getTypeMap()).filter((n) => !n.startsWith("__"));
    for (let i = 0; i < OPERATIONS; i++) {
      const { site, kind } = random.pick(sites);
      const base = random.next() < 0.5 ? random.pick(roots) : operationForSite(site, kind, random.pick(JUNK_VALUES));
      let { query } = base;
      const variables: Record<string, unknown> = { ...base.variables };
      switch (random.int(8)) {
        case 0: // valid as generated
          break;
        case 1: // wrong types
          for (const key of Object.keys(variables)) variables[key] = random.pick(JUNK_VALUES);
          break;
        case 2: // missing arguments
          for (const key of Object.keys(variables)) if (random.next() < 0.7) delete variables[key];
          break;
        case 3: // unknown fields
          query = query.replace("__typename", `__typename ${random.pick(fieldNames).toLowerCase()}Nope`);
          break;
        case 4: {
          // deep nesting (over the depth limit from 4 levels on)
          let inner = "id";
          for (let level = 2 + random.int(8); level > 0; level--) {
            inner = `relations(first: 100) { edges { actor { ${inner} } } }`;
          }
          query = `{ actor(id: "x") { ${inner} } }`;
          break;
        }
        case 5: // huge numbers inline
          query = `{ actors(first: ${random.pick(["99999999999999999999", "-1", "1e400", "2147483648", "0x10"])}) { totalCount } }`;
          break;
        case 6: // shuffled tokens
          query = query
            .split(/\s+/)
            .sort(() => random.next() - 0.5)
            .join(" ");
          break;
        default: // truncated
          query = query.slice(0, random.int(query.length));
      }
      const body: Record<string, unknown> = { query, variables };
      if (random.next() < 0.05) body.operationName = "Nope";
      bodies.push(JSON.stringify(body));
    }
    for (let i = 0; i < RANDOM_BODIES; i++) {
      const bytes = Buffer.alloc(1 + random.int(2048));
      for (let j = 0; j < bytes.length; j++) bytes[j] = random.int(256);
      bodies.push(random.next() < 0.5 ? bytes.toString("latin1") : `{"query": "${bytes.toString("base64")}"}`);
    }
    return bodies;
  }

  it(`answers ${OPERATIONS} generated operations and ${RANDOM_BODIES} random bodies (twice) without a 5xx, a hang or a leak`, async () => {
    console.log(`[fuzz] seed ${SEED} (FUZZ_SEED=${SEED} reproduces)`);
    const random = createRandom(SEED);
    const bodies = generate(random);
    const send = async (body: string) => {
      const started = Date.now();
      const response = await app.fetch("http://localhost/graphql", {
        method: "POST",
        headers: { "content-type": random.next() < 0.9 ? "application/json" : "text/plain" },
        body,
      });
      const text = await response.text();
      return { status: response.status, ms: Date.now() - started, internal: text.includes("INTERNAL_SERVER_ERROR") };
    };
    // Two passes over the same requests: the first fills the caches (parsed
    // documents, key lookups), the second must not grow the heap any further.
    let slowest = 0;
    const statuses = new Map<number, number>();
    const heap: number[] = [];
    for (let pass = 0; pass < 2; pass++) {
      for (const body of bodies) {
        const { status, ms, internal } = await send(body);
        // Bad input is refused with a code; an unexpected (masked) error is a bug too.
        if (internal) throw new Error(`INTERNAL_SERVER_ERROR for body ${body.slice(0, 500)}`);
        slowest = Math.max(slowest, ms);
        statuses.set(status, (statuses.get(status) ?? 0) + 1);
        if (status >= 500) throw new Error(`${status} for body ${body.slice(0, 500)}`);
      }
      gc();
      heap.push(process.memoryUsage().heapUsed);
    }
    const growthMb = ((heap[1] ?? 0) - (heap[0] ?? 0)) / 1e6;
    console.log(
      `[fuzz] ${bodies.length * 2} requests, statuses ${JSON.stringify(Object.fromEntries(statuses))}, slowest ${slowest} ms, heap after pass 1 ${((heap[0] ?? 0) / 1e6).toFixed(0)} MB, growth in pass 2 ${growthMb.toFixed(1)} MB`,
    );
    expect(slowest).toBeLessThan(10_000);
    expect(growthMb).toBeLessThan(10);
  }, 120_000);
});
