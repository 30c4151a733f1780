// What clients see when things go wrong: never a stack trace, a driver
// message or the database's address; always a stable extensions.code. And
// what operators see: the cause in the log, with the request id.
import { Writable } from "node:stream";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../../src/api/yoga.ts";
import { Database } from "../../src/db/database.ts";
import { createGraph, type Graph } from "../../src/graph/index.ts";
import { openTestDatabase, testDatabaseOptions } from "../helpers/database.ts";
import { startTcpProxy } from "../helpers/tcp-proxy.ts";

type Body = { data?: unknown; errors?: { message: string; extensions?: Record<string, unknown> }[] };

/** Things that must never reach a client. */
const LEAKS =
  /\bat .+:\d+:\d+|node_modules|Neo4jError|Neo\.(Client|Transient|Database)Error|bolt:\/\/|ECONNREFUSED|Invalid input|\.ts:\d+/;

describe("errors", () => {
  let db: Database;
  beforeAll(async () => {
    db = await openTestDatabase();
  });
  afterAll(() => db.close());

  function appWith(graph: Graph) {
    const lines: Record<string, unknown>[] = [];
    const stream = new Writable({
      write(chunk, _encoding, done) {
        for (const line of String(chunk).split("\n").filter(Boolean)) lines.push(JSON.parse(line));
        done();
      },
    });
    const log = pino({ level: "info" }, stream);
    const app = createApp({ graph, log, readiness: () => ({ ready: true }) });
    const send = async (body: string, requestId = "req-test-1") => {
      const response = await app.fetch(
        "http://localhost/graphql",
        { method: "POST", headers: { "content-type": "application/json" }, body },
        { requestId, log: log.child({ requestId }) },
      );
      const text = await response.text();
      return { status: response.status, text, body: JSON.parse(text) as Body };
    };
    return { send, lines };
  }

  it("masks an unexpected failure as INTERNAL_SERVER_ERROR and logs its cause with the request id", async () => {
    const graph = createGraph(db);
    const failing = {
      ...graph,
      getStats: async () => {
        throw new Error("boom: secret detail at Object.<anonymous> (/srv/app/src/graph/stats.ts:12:7)");
      },
    };
    const { send, lines } = appWith(failing);
    const reply = await send(JSON.stringify({ query: "{ stats { documents } }" }), "req-boom-42");
    expect(reply.body.errors?.[0]?.extensions?.code).toBe("INTERNAL_SERVER_ERROR");
    expect(reply.text).not.toContain("boom");
    expect(reply.text).not.toMatch(LEAKS);
    const logged = lines.find((line) => JSON.stringify(line).includes("boom"));
    expect(logged?.requestId).toBe("req-boom-42");
  });

  it("masks a value the server cannot complete as INTERNAL_SERVER_ERROR and logs it with the request id", async () => {
    const graph = createGraph(db);
    // A record the schema cannot represent: a null name, a number for an enum, a map for a string, no alias list.
    const broken = {
      ...graph,
      findActorsByIds: async (ids: readonly string[]) =>
        ids.map((id) => ({ id, name: null, type: 5, aliases: "x", country: { a: 1 } })) as never,
    };
    const { send, lines } = appWith(broken);
    for (const field of ["name", "type", "country", "aliases"]) {
      const reply = await send(JSON.stringify({ query: `{ actor(id: "iran") { id ${field} } }` }), `req-${field}`);
      expect(reply.body.errors?.map((e) => [e.message, e.extensions?.code])).toEqual([
        ["Unexpected error.", "INTERNAL_SERVER_ERROR"],
      ]);
      expect(reply.text).not.toMatch(LEAKS);
      expect(lines.some((line) => line.requestId === `req-${field}` && line.level === 50)).toBe(true);
    }
  });

  it("masks a driver error (a broken statement) without its Neo4j message", async () => {
    const graph = createGraph(db);
    const broken = { ...graph, getStats: () => db.read("RETURN nope(") as never };
    const { send } = appWith(broken);
    const reply = await send(JSON.stringify({ query: "{ stats { documents } }" }));
    expect(reply.body.errors?.[0]?.extensions?.code).toBe("INTERNAL_SERVER_ERROR");
    expect(reply.text).not.toMatch(LEAKS);
  });

  it("keeps, for the log, a failed statement's name and the code that awaited it", async () => {
    const limit = Error.stackTraceLimit;
    async function resolverThatAwaits() {
      return await db.read("actors/find-by-ids", {});
    }
    const error = (await resolverThatAwaits().catch((e: unknown) => e)) as Error & { code?: string };
    expect(error.code).toBe("Neo.ClientError.Statement.ParameterMissing");
    expect(error.message).toContain("ids");
    expect(error.stack).toContain("in Cypher actors/find-by-ids");
    expect(error.stack).toContain("resolverThatAwaits");
    // Stack traces are off only while the driver creates the result.
    expect(Error.stackTraceLimit).toBe(limit);
  });

  it("refuses a statement whose relation patterns its caller must bind, run by name", async () => {
    // Unbound, traversal/expand would follow every predicate: its pattern is its only predicate filter.
    const unbound = await db.read("traversal/expand", { frontier: ["iran"] }).catch((e: unknown) => e as Error);
    expect(unbound).toBeInstanceOf(Error);
    expect((unbound as Error).message).toContain("/*$relations*/");
    expect((unbound as Error).message).toContain("narrowedStatement");
  });

  it("answers DATABASE_UNAVAILABLE without the driver's message or the Bolt address", async () => {
    const proxy = await startTcpProxy({ host: "127.0.0.1", port: Number(new URL(testDatabaseOptions().uri).port) });
    const downDb = new Database({
      ...testDatabaseOptions(),
      uri: `bolt://127.0.0.1:${proxy.port}`,
      connectTimeoutMs: 500,
    });
    try {
      await proxy.cut();
      const { send } = appWith(createGraph(downDb));
      const reply = await send(JSON.stringify({ query: "{ stats { documents } }" }));
      expect(reply.body.errors?.[0]?.extensions?.code).toBe("DATABASE_UNAVAILABLE");
      expect(reply.text).not.toMatch(LEAKS);
    } finally {
      await downDb.close();
      await proxy.close();
    }
  });

  it("gives every error a stable code and no stack, whatever is wrong with the request", async () => {
    const { send } = appWith(createGraph(db));
    const bodies = [
      "{garbage",
      "[]",
      '{"query": 5}',
      JSON.stringify({ query: "{ stats { " }),
      JSON.stringify({ query: "{ nope }" }),
      JSON.stringify({ query: "query ($f: Int) { actors(first: $f) { totalCount } }", variables: { f: "many" } }),
      JSON.stringify({ query: "query ($f: Int!) { actors(first: $f) { totalCount } }" }),
      JSON.stringify({ query: "{ actors(first: -5) { totalCount } }" }),
      JSON.stringify({ query: '{ actors(after: "not-a-cursor") { totalCount } }' }),
      JSON.stringify({ query: '{ events(filter: { from: "2024-13-45" }) { totalCount } }' }),
      JSON.stringify({ query: '{ neighborhood(id: "x", predicates: [LIKES]) { nodes { id } } }' }),
      JSON.stringify({ query: "subscription { stats { documents } }" }),
      JSON.stringify({ query: "mutation { nope }" }),
      JSON.stringify({ query: "{ a: stats { documents } } { b: stats { documents } }" }),
      JSON.stringify({ query: "{ stats { documents } }", operationName: "Missing" }),
    ];
    for (const body of bodies) {
      const reply = await send(body);
      expect(reply.status, body).toBeLessThan(500);
      expect(reply.body.errors?.length, body).toBeGreaterThan(0);
      for (const error of reply.body.errors ?? []) {
        expect([body, typeof error.extensions?.code]).toEqual([body, "string"]);
        expect(error.extensions).not.toHaveProperty("stacktrace");
        expect(error.extensions).not.toHaveProperty("originalError");
      }
      expect(reply.text).not.toMatch(LEAKS);
    }
  });
});
