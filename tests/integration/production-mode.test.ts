// Production switches: INTROSPECTION=off refuses __schema/__type,
// GRAPHIQL=off serves no playground, and PERSISTED_OPERATIONS_FILE runs only
// the allow-listed operations.
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hashOperation, readAllowList } from "../../src/api/persisted-operations.ts";
import { createApp } from "../../src/api/yoga.ts";
import { loadConfig } from "../../src/config.ts";
import type { Database } from "../../src/db/database.ts";
import { createGraph } from "../../src/graph/index.ts";
import { createLogger } from "../../src/log.ts";
import { openTestDatabase } from "../helpers/database.ts";

type Body = { data?: Record<string, unknown>; errors?: { message: string; extensions?: { code?: string } }[] };

const STATS = "query Stats { stats { documents } }";

describe("production mode", () => {
  let db: Database;
  let scratch: string;
  beforeAll(async () => {
    db = await openTestDatabase();
    scratch = await mkdtemp(path.join(tmpdir(), "actorgraph-prod-"));
  });
  afterAll(async () => {
    await db.close();
    await rm(scratch, { recursive: true, force: true });
  });

  function appFor(env: NodeJS.ProcessEnv) {
    const config = loadConfig(env);
    return createApp({
      graph: createGraph(db),
      log: createLogger("silent", { pretty: false }),
      readiness: () => ({ ready: true }),
      http: {
        maxBodyBytes: config.limits.maxBodyBytes,
        corsOrigins: config.web.corsOrigins,
        graphiql: config.web.graphiql,
        introspection: config.web.introspection,
      },
      persistedOperations: config.web.persistedOperationsFile
        ? readAllowList(config.web.persistedOperationsFile)
        : null,
    });
  }

  async function post(app: ReturnType<typeof appFor>, body: unknown) {
    const response = await app.fetch("http://localhost/graphql", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json()) as Body };
  }

  const INTROSPECTION = "{ __schema { queryType { name } } }";

  it("answers introspection by default in development", async () => {
    const reply = await post(appFor({}), { query: INTROSPECTION });
    expect(reply.body.errors).toBeUndefined();
  });

  it("refuses __schema and __type with INTROSPECTION=off (and by default with NODE_ENV=production), keeps __typename", async () => {
    for (const env of [{ INTROSPECTION: "off" }, { NODE_ENV: "production" }]) {
      const app = appFor(env);
      const schemaReply = await post(app, { query: INTROSPECTION });
      expect(schemaReply.body.errors?.[0]?.message).toMatch(/introspection/i);
      const typeReply = await post(app, { query: '{ __type(name: "Actor") { name } }' });
      expect(typeReply.body.errors?.[0]?.message).toMatch(/introspection/i);
      const typename = await post(app, { query: "{ __typename }" });
      expect(typename.body.data).toEqual({ __typename: "Query" });
    }
  });

  it("serves GraphiQL to browsers unless GRAPHIQL=off", async () => {
    const page = (app: ReturnType<typeof appFor>) =>
      app.fetch("http://localhost/graphql", { headers: { accept: "text/html" } });
    const on = await page(appFor({}));
    expect(await on.text()).toContain("GraphiQL");
    const off = await page(appFor({ GRAPHIQL: "off" }));
    expect(await off.text()).not.toContain("GraphiQL");
  });

  describe("allow-list (PERSISTED_OPERATIONS_FILE)", () => {
    let app: ReturnType<typeof appFor>;
    beforeAll(async () => {
      const file = path.join(scratch, "operations.json");
      await writeFile(file, JSON.stringify({ [hashOperation(STATS)]: STATS }));
      app = appFor({ PERSISTED_OPERATIONS_FILE: file });
    });

    it("runs a listed operation named by its sha256 (Apollo extension or documentId)", async () => {
      const byExtension = await post(app, {
        extensions: { persistedQuery: { version: 1, sha256Hash: hashOperation(STATS) } },
      });
      expect(byExtension.body.errors).toBeUndefined();
      expect(byExtension.body.data).toHaveProperty("stats");
      const byDocumentId = await post(app, { documentId: hashOperation(STATS) });
      expect(byDocumentId.body.data).toHaveProperty("stats");
    });

    it("refuses free-form queries, even ones identical to a listed operation", async () => {
      const reply = await post(app, { query: STATS });
      expect(reply.status).toBe(400);
      expect(reply.body.errors?.[0]?.extensions?.code).toBe("PERSISTED_QUERY_ONLY");
      expect(reply.body.errors?.[0]?.message).toContain("allow-listed");
    });

    it("refuses an unknown hash with a message naming the allow-list", async () => {
      const reply = await post(app, { extensions: { persistedQuery: { version: 1, sha256Hash: "0".repeat(64) } } });
      expect(reply.body.errors?.[0]?.extensions?.code).toBe("PERSISTED_QUERY_NOT_FOUND");
      expect(reply.body.errors?.[0]?.message).toContain("PERSISTED_OPERATIONS_FILE");
    });

    it("refuses a file whose key is not the hash of its operation", async () => {
      const file = path.join(scratch, "tampered.json");
      await writeFile(file, JSON.stringify({ [hashOperation(STATS)]: "{ auditTrail { totalCount } }" }));
      expect(() => readAllowList(file)).toThrow(/not the sha256/);
    });
  });
});
