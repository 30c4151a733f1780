// Cypher round trips per operation and contender, counted in process before
// the timed runs: actorgraph through Database.countRoundTrips around its app,
// @neo4j/graphql through a driver whose sessions count the statements they
// run, raw by construction (one statement per operation).
import neo4j, { type Driver, type Session } from "neo4j-driver";
import { createApp } from "../src/api/yoga.ts";
import { Database } from "../src/db/database.ts";
import { createGraph } from "../src/graph/index.ts";
import { createLogger } from "../src/log.ts";
import { startNeo4jGraphqlServer } from "./contenders/neo4j-graphql.ts";
import type { BenchDatabase } from "./neo4j.ts";
import type { Operation } from "./operations.ts";

export type RoundTrips = Record<string, { raw: number; actorgraph: number; "neo4j-graphql": number }>;

// biome-ignore lint/suspicious/noExplicitAny: wraps arbitrary driver methods
type Fn = (...args: any[]) => any;

/** `target` with some methods replaced; the others bound to it. */
function override<T extends object>(target: T, methods: Record<string, (original: Fn) => Fn>): T {
  return new Proxy(target, {
    get(t, prop, receiver) {
      const value = Reflect.get(t, prop, receiver);
      if (typeof value !== "function") return value;
      const replace = typeof prop === "string" ? methods[prop] : undefined;
      return replace ? replace(value.bind(t)) : value.bind(t);
    },
  });
}

/** A driver whose sessions count every statement they run (auto-commit or in a transaction). */
function countingDriver(driver: Driver, counter: { statements: number }): Driver {
  const counted =
    (run: Fn) =>
    (...args: unknown[]) => {
      counter.statements++;
      return run(...args);
    };
  const countingTx = <T extends object>(tx: T) => override(tx, { run: counted });
  return override(driver, {
    session:
      (session: Fn) =>
      (...args: unknown[]) =>
        override(session(...args) as Session, {
          run: counted,
          executeRead:
            (execute) =>
            (work: (tx: object) => unknown, ...rest: unknown[]) =>
              execute((tx: object) => work(countingTx(tx)), ...rest),
          executeWrite:
            (execute) =>
            (work: (tx: object) => unknown, ...rest: unknown[]) =>
              execute((tx: object) => work(countingTx(tx)), ...rest),
          beginTransaction:
            (begin) =>
            (...args: unknown[]) =>
              countingTx(begin(...args)),
        }),
  });
}

export async function countRoundTrips(bench: BenchDatabase, operations: Operation[]): Promise<RoundTrips> {
  const db = new Database({ uri: bench.uri, user: "neo4j", password: "", database: undefined, queryTimeoutMs: 30_000 });
  const app = createApp({
    graph: createGraph(db),
    log: createLogger("silent", { pretty: false }),
    readiness: () => ({ ready: true }),
  });
  const driver = neo4j.driver(bench.uri, neo4j.auth.basic("neo4j", ""));
  const counter = { statements: 0 };
  const reference = await startNeo4jGraphqlServer(countingDriver(driver, counter));
  const post = (url: string, query: string) =>
    fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query }) });
  const result: RoundTrips = {};
  try {
    // The first request of @neo4j/graphql also checks the Neo4j version: not part of any operation.
    await (await post(reference.url, "{ actors(limit: 1) { id } }")).text();
    for (const op of operations) {
      const { roundTrips } = await Database.countRoundTrips(async () => {
        const response = await app.fetch("http://bench/graphql", {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ query: op.actorgraph.query }),
        });
        await response.text();
      });
      counter.statements = 0;
      await (await post(reference.url, op.neo4jGraphql.query)).text();
      result[op.name] = { raw: 1, actorgraph: roundTrips, "neo4j-graphql": counter.statements };
      console.log(`round trips ${op.name}: raw 1, actorgraph ${roundTrips}, neo4j-graphql ${counter.statements}`);
    }
  } finally {
    await reference.stop();
    await driver.close();
    await db.close();
  }
  return result;
}
