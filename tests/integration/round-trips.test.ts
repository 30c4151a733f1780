// The database work of one GraphQL operation does not grow with the number
// of items: a nested query over 5 and over 50 actors makes the same number
// of Cypher round trips (dataloader batching per level).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Database, type RequestStats } from "../../src/db/database.ts";
import { createGraph } from "../../src/graph/index.ts";
import { createTestApp } from "../helpers/api.ts";
import { openTestDatabase, wipe } from "../helpers/database.ts";
import { syntheticDocument } from "../helpers/fixtures.ts";

let db: Database;

beforeAll(async () => {
  db = await openTestDatabase();
  await wipe(db);
  await createGraph(db).saveDocument(syntheticDocument("synthetic-50", 50));
});
afterAll(() => db.close());

const NESTED = `query($n: Int) {
  actors(filter: { types: [ArmedGroup] }, first: $n) {
    totalCount
    edges { node {
      id name
      relations(first: 5) { totalCount edges {
        predicate confidence
        actor { id relations(first: 3) { edges { predicate actor { id } evidence { quote } } } }
        claims(first: 2) { quote document { id title } }
        evidence { quote }
      } }
      events { id }
      documents { id }
    } }
  }
}`;

describe("round trips of a nested query", () => {
  it("are the same over 5 and over 50 actors", async () => {
    const gql = createTestApp(db);
    const measure = async (n: number) => {
      const { result, roundTrips } = await Database.countRoundTrips(() =>
        gql<{ actors: { edges: unknown[] } }>(NESTED, { n }),
      );
      expect(result.errors).toBeUndefined();
      expect(result.data?.actors.edges).toHaveLength(n);
      return roundTrips;
    };
    const five = await measure(5);
    const fifty = await measure(50);
    console.log(`round trips: 5 actors -> ${five}, 50 actors -> ${fifty}`);
    expect(fifty).toBe(five);
    expect(five).toBeLessThanOrEqual(12);
  });
});

// What Actor.relations selects below it (claims, evidence, the other actors'
// relations) comes in the statement that reads the page: one round trip for
// the whole nest instead of one per level, with the data the batched reads give.
const FETCHED_AHEAD = `query($id: ID!) {
  actor(id: $id) {
    relations(first: 5) { edges {
      key: relation { id }
      claims(first: 2) { id quote document { id } }
      evidence { id }
      actor { id relations(first: 3, direction: OUTGOING) { pageInfo { hasNextPage } edges { predicate confidence actor { id } } } }
    } }
  }
}`;
// The same data with nothing fetched ahead: the other actors' relations under
// two aliases with different filters cannot share one page.
const READ_LEVEL_BY_LEVEL = FETCHED_AHEAD.replace(
  "actor { id relations(first: 3, direction: OUTGOING)",
  "actor { id other: relations(first: 4) { totalCount } relations(first: 3, direction: OUTGOING)",
);

describe("round trips of relations with what they select", () => {
  it("read claims, evidence and the next level with the page, the same data as level by level", async () => {
    const gql = createTestApp(db);
    const graph = createGraph(db);
    type Edge = {
      key: { id: string };
      claims: { id: string }[];
      evidence: { id: string } | null;
      actor: { id: string; relations: unknown; other?: unknown };
    };
    type Result = { actor: { relations: { edges: Edge[] } } };
    const ahead = await Database.countRoundTrips(() => gql<Result>(FETCHED_AHEAD, { id: "sponsor" }));
    const levels = await Database.countRoundTrips(() => gql<Result>(READ_LEVEL_BY_LEVEL, { id: "sponsor" }));
    expect(ahead.result.errors).toBeUndefined();
    expect(levels.result.errors).toBeUndefined();
    const edges = ahead.result.data?.actor.relations.edges ?? [];
    expect(edges.length).toBeGreaterThan(0);
    expect(edges.some((e) => e.claims.length > 0)).toBe(true);
    // the actor, its relations and everything below them: one statement
    expect(ahead.roundTrips).toBe(1);
    expect(levels.roundTrips).toBeGreaterThan(ahead.roundTrips);
    const withoutOther = (levels.result.data?.actor.relations.edges ?? []).map((e) => {
      const { other: _other, ...actor } = e.actor;
      return { ...e, actor };
    });
    expect(withoutOther).toEqual(edges);
    // and the claims are those the batched claim read gives
    const claims = await graph.findClaimsOfRelations(
      edges.map((e) => `#${e.key.id}`),
      { first: 2 },
    );
    expect(edges.map((e) => e.claims.map((c) => c.id))).toEqual(claims.map((list) => list.map((c) => c.id)));
    expect(edges.map((e) => e.evidence?.id ?? null)).toEqual(claims.map((list) => list[0]?.id ?? null));
  });
});

// bench/statements.ts reruns what a request sent: the text as Neo4j planned it.
describe("statements of a request", () => {
  it("are recorded as sent, optional parts bound, when the stats ask for them", async () => {
    const stats: RequestStats = { roundTrips: 0, databaseMs: 0, statements: [] };
    const rows = await Database.recordStats(stats, () =>
      db.read("RETURN 1 AS one/*if $two*/, 2 AS two/*end*/", { two: null }),
    );
    expect(rows).toEqual([{ one: 1 }]);
    expect(stats.statements).toEqual([{ text: "RETURN 1 AS one", params: { two: null } }]);
    expect(stats.roundTrips).toBe(1);
  });
});
