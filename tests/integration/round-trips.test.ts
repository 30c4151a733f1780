// The database work of one GraphQL operation does not grow with the number
// of items: a nested query over 5 and over 50 actors makes the same number
// of Cypher round trips (dataloader batching per level).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Database } from "../../src/db/database.ts";
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
