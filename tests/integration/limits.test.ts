// Every request limit, one over-limit request each: the answer carries a
// stable code and a message naming the limit. (Body size and rate limit are
// in http-hardening.test.ts.)
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp, OPERATION_LIMITS } from "../../src/api/yoga.ts";
import { Database } from "../../src/db/database.ts";
import { createGraph } from "../../src/graph/index.ts";
import { LIMITS } from "../../src/graph/limits.ts";
import { readSourceFile } from "../../src/ingest/sources.ts";
import { createLogger } from "../../src/log.ts";
import { openTestDatabase, testDatabaseOptions, wipe } from "../helpers/database.ts";
import { saveFixtureDocuments } from "../helpers/fixtures.ts";

type Body = { data?: unknown; errors?: { message: string; extensions?: { code?: string } }[] };

describe("request limits", () => {
  let db: Database;
  let gql: (query: string, variables?: Record<string, unknown>) => Promise<Body>;
  beforeAll(async () => {
    db = await openTestDatabase();
    await wipe(db);
    // Nested arguments are checked only where there is a parent to resolve them on.
    await saveFixtureDocuments(createGraph(db));
    const app = createApp({
      graph: createGraph(db),
      log: createLogger("silent", { pretty: false }),
      readiness: () => ({ ready: true }),
    });
    gql = async (query, variables) => {
      const response = await app.fetch("http://localhost/graphql", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ query, variables }),
      });
      return (await response.json()) as Body;
    };
  });
  afterAll(() => db.close());

  /** A cheap query nested `depth` fields deep: actor → relations → actor → … */
  const nested = (depth: number) => {
    // actor(id) > relations > edges > actor > relations > … : one field per level, cheap.
    const chain = ["relations(first: 1)", "edges", "actor"];
    let inner = "__typename";
    for (let level = depth - 1; level >= 2; level--) inner = `${chain[(level - 2) % 3]} { ${inner} }`;
    return `{ actor(id: "x") { ${inner} } }`;
  };

  const withDirectives = (n: number) =>
    `{ ${Array.from({ length: n }, (_, i) => `d${i}: stats @include(if: true) { documents }`).join(" ")} }`;

  const cases: { limit: string; query: string; code: string; mentions: RegExp }[] = [
    {
      limit: "query depth",
      query: nested(OPERATION_LIMITS.depth + 1),
      code: "LIMIT_EXCEEDED",
      mentions: /depth limit of 12/i,
    },
    {
      limit: "aliases",
      query: `{ ${Array.from({ length: OPERATION_LIMITS.aliases + 1 }, (_, i) => `a${i}: stats { documents }`).join(" ")} }`,
      code: "LIMIT_EXCEEDED",
      mentions: /Aliases limit of 20/,
    },
    {
      limit: "directives",
      query: withDirectives(OPERATION_LIMITS.directives + 1),
      code: "LIMIT_EXCEEDED",
      mentions: /Directives limit of 10/,
    },
    {
      limit: "tokens",
      query: `{ ${"__typename ".repeat(OPERATION_LIMITS.tokens + 1)}}`,
      code: "LIMIT_EXCEEDED",
      mentions: /Token limit of 2000/,
    },
    {
      limit: "cost",
      // Aliased copies of a wide nested read add up past the cost limit without deepening the query.
      query: `{ ${[1, 2, 3, 4, 5, 6]
        .map(
          (n) =>
            `a${n}: actors(first: 100) { edges { node { relations(first: 100) { edges { node { claims(first: 100) { quote document { title } } } } } } } }`,
        )
        .join(" ")} }`,
      code: "LIMIT_EXCEEDED",
      mentions: new RegExp(`Cost limit of ${OPERATION_LIMITS.cost}`),
    },
    {
      limit: "list size (first)",
      query: `{ actors(first: ${LIMITS.first + 1}) { edges { cursor } } }`,
      code: "LIMIT_EXCEEDED",
      mentions: /first is limited to 100/,
    },
    {
      limit: "list size (nested first)",
      query: `{ documents(first: 1) { edges { node { claims(first: ${LIMITS.first + 1}) { quote } } } } }`,
      code: "LIMIT_EXCEEDED",
      mentions: /first is limited to 100/,
    },
    {
      limit: "traversal hops (paths)",
      query: `{ paths(from: "a", to: "b", maxHops: ${LIMITS.hops + 1}) { length } }`,
      code: "LIMIT_EXCEEDED",
      mentions: /maxHops is limited to 6/,
    },
    {
      limit: "traversal hops (support chain)",
      query: `{ supportChain(id: "a", maxHops: ${LIMITS.hops + 1}) { __typename } }`,
      code: "LIMIT_EXCEEDED",
      mentions: /maxHops is limited to 6/,
    },
    {
      limit: "neighbourhood depth",
      query: `{ neighborhood(id: "a", depth: ${LIMITS.depth + 1}) { nodes { id } } }`,
      code: "LIMIT_EXCEEDED",
      mentions: /depth is limited to 3/,
    },
    {
      limit: "search text length",
      query: `{ search(text: "${"x".repeat(LIMITS.searchText + 1)}") { __typename } }`,
      code: "LIMIT_EXCEEDED",
      mentions: /limited to 200/,
    },
  ];

  it.each(cases)("refuses an operation over the $limit limit, naming it", async ({ query, code, mentions }) => {
    const body = await gql(query);
    expect(body.errors?.length).toBeGreaterThan(0);
    expect(body.errors?.[0]?.extensions?.code).toBe(code);
    expect(body.errors?.[0]?.message).toMatch(mentions);
  });

  it("accepts the same operations at the limit (the limit, not the shape, refuses them)", async () => {
    const atLimit = [
      nested(OPERATION_LIMITS.depth),
      `{ ${Array.from({ length: OPERATION_LIMITS.aliases }, (_, i) => `a${i}: stats { documents }`).join(" ")} }`,
      withDirectives(OPERATION_LIMITS.directives),
      `{ actors(first: ${LIMITS.first}) { edges { cursor } } }`,
      `{ paths(from: "a", to: "b", maxHops: ${LIMITS.hops}) { length } }`,
    ];
    for (const query of atLimit) expect((await gql(query)).errors, query).toBeUndefined();
  });

  it("stops a query at the per-request Neo4j transaction timeout with QUERY_TIMEOUT", async () => {
    const slowDb = new Database({ ...testDatabaseOptions(), queryTimeoutMs: 300 });
    try {
      const graph = createGraph(slowDb);
      // A statement that runs for many seconds unless the transaction timeout stops it.
      const slow = {
        ...graph,
        findDatabaseInfo: () =>
          slowDb.read("UNWIND range(1, 400000000) AS x WITH x WHERE x < 0 RETURN count(x) AS n").then(() => null),
      };
      const app = createApp({
        graph: slow,
        log: createLogger("silent", { pretty: false }),
        readiness: () => ({ ready: true }),
      });
      const started = Date.now();
      const response = await app.fetch("http://localhost/graphql", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ query: "{ databaseInfo { name } }" }),
      });
      const body = (await response.json()) as Body;
      expect(body.errors?.[0]?.extensions?.code).toBe("QUERY_TIMEOUT");
      expect(body.errors?.[0]?.message).toContain("longer than 300 ms");
      expect(Date.now() - started).toBeLessThan(5000);
    } finally {
      await slowDb.close();
    }
  });

  describe("ingest text size (INGEST_MAX_BYTES)", () => {
    let scratch: string;
    beforeAll(async () => {
      scratch = await mkdtemp(path.join(tmpdir(), "actorgraph-limits-"));
    });
    afterAll(() => rm(scratch, { recursive: true, force: true }));

    it("refuses a document over the limit with a reason naming it, and reads one under it", async () => {
      const big = path.join(scratch, "big.md");
      const small = path.join(scratch, "small.md");
      await writeFile(big, `# Big\n\n${"Hezbollah fired rockets. ".repeat(200)}`);
      await writeFile(small, "# Small\n\nHezbollah fired rockets.");
      const items = [];
      for await (const item of readSourceFile(big, 2048)) items.push(item);
      expect(items).toHaveLength(1);
      expect(items[0]).toHaveProperty("failure");
      expect(JSON.stringify(items[0])).toContain("INGEST_MAX_BYTES");
      const ok = [];
      for await (const item of readSourceFile(small, 2048)) ok.push(item);
      expect(ok[0]).toHaveProperty("document");
    });
  });
});
