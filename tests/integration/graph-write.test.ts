// The write path on the real Neo4j: documents, actors, claims and events in
// one transaction, aggregated relations kept in step with their claims,
// replacement and retraction.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Database } from "../../src/db/database.ts";
import { createGraph, type Graph } from "../../src/graph/index.ts";
import { openTestDatabase, wipe } from "../helpers/database.ts";
import { fixtureDocument, saveFixtureDocuments } from "../helpers/fixtures.ts";

let db: Database;
let graph: Graph;

beforeAll(async () => {
  db = await openTestDatabase();
  graph = createGraph(db);
});
afterAll(() => db.close());
beforeEach(() => wipe(db));

async function edge(predicate: string, from: string, to: string) {
  const rows = await db.read<{ r: Record<string, unknown> | null }>("relations/find-edge", {
    predicate,
    fromId: from,
    toId: to,
  });
  return rows[0]?.r ?? null;
}

describe("saveDocument", () => {
  it("writes actors with a label per type, claims and events, and aggregated edges", async () => {
    await saveFixtureDocuments(graph);
    const funds = await edge("FUNDS", "iran", "iran-backed-militias");
    expect(funds).toMatchObject({
      claimCount: 1,
      positiveClaims: 1,
      negativeClaims: 0,
      contested: false,
      confidence: 0.9,
    });
    expect(funds?.firstReported).toBe("2023-10-24");
  });

  it("marks a relation stated and denied as contested, and a denied-only one as negative", async () => {
    const first = fixtureDocument(0);
    const second = fixtureDocument(1);
    await graph.saveDocument(first);
    expect(await edge("DIRECTS", "irgc-quds-force", "iran-backed-militias")).toMatchObject({
      polarity: "negative",
      positiveClaims: 0,
      negativeClaims: 1,
      contested: false,
    });
    await graph.saveDocument(second);
    const contested = await edge("DIRECTS", "irgc-quds-force", "iran-backed-militias");
    expect(contested).toMatchObject({ polarity: "contested", positiveClaims: 1, negativeClaims: 1, contested: true });
    // hedged 0.7 -> weight 0.49; denied 0.7 -> confidence 0.49 × 0.3
    expect(contested?.confidence).toBeCloseTo(0.49 * 0.3, 4);
    expect(contested?.firstPositive).toBe("2023-12-26");
  });

  it("combines documents by noisy-OR and stores symmetric predicates once", async () => {
    await saveFixtureDocuments(graph);
    const directs = await edge("DIRECTS", "iran", "irgc-quds-force");
    expect(directs).toMatchObject({ claimCount: 2, documentCount: 2 });
    expect(directs?.confidence).toBeCloseTo(1 - 0.2 * 0.2, 4);
    expect(await edge("ALLIED_WITH", "hezbollah", "iran")).toMatchObject({ claimCount: 1 });
    expect(await edge("ALLIED_WITH", "iran", "hezbollah")).toBeNull();
  });

  it("changes nothing when the same content and extraction are saved again", async () => {
    const first = fixtureDocument(0);
    expect((await graph.saveDocument(first)).status).toBe("created");
    expect(await graph.saveDocument(first)).toMatchObject({ status: "unchanged", claims: 0 });
    expect(await edge("FUNDS", "iran", "iran-backed-militias")).toMatchObject({ claimCount: 1 });
  });

  it("replaces a document's claims and events when it is saved with new content", async () => {
    const first = fixtureDocument(0);
    await graph.saveDocument(first);
    const changed = structuredClone(first);
    changed.contentHash = "sha256:changed";
    changed.extraction.relations = changed.extraction.relations.filter((r) => r.predicate !== "FUNDS");
    changed.extraction.entities = changed.extraction.entities.filter((e) => e.id !== "al-tanf");
    changed.extraction.events = [];
    expect(await graph.saveDocument(changed)).toMatchObject({ status: "replaced" });
    expect(await edge("FUNDS", "iran", "iran-backed-militias")).toBeNull();
    expect(await edge("ARMS", "iran", "iran-backed-militias")).toMatchObject({ claimCount: 1 });
    const [counts] = await db.read<{ events: number; tanf: number }>("stats/counts-for-tests");
    expect(counts).toEqual({ events: 0, tanf: 0 });
  });

  it("rejects an unknown predicate and a relation to an entity it does not list, writing nothing", async () => {
    const first = fixtureDocument(0);
    const bad = structuredClone(first);
    (bad.extraction.relations[0] as { predicate: string }).predicate = "LIKES";
    await expect(graph.saveDocument(bad)).rejects.toThrow(/unknown predicate "LIKES"; allowed: PART_OF/);
    const dangling = structuredClone(first);
    (dangling.extraction.relations[0] as { object: string }).object = "nobody";
    await expect(graph.saveDocument(dangling)).rejects.toThrow(/"nobody", which is not among its entities/);
    expect(await edge("ARMS", "iran", "iran-backed-militias")).toBeNull();
  });
});

describe("retractDocument", () => {
  it("removes its claims, recomputes shared relations and deletes what nothing else supports", async () => {
    await saveFixtureDocuments(graph);
    expect(await edge("ATTACKS", "iran-backed-militias", "us-forces")).toMatchObject({ claimCount: 2 });
    expect(await graph.retractDocument("doc-tower-22")).toMatchObject({ retracted: true });
    expect(await edge("ATTACKS", "iran-backed-militias", "us-forces")).toMatchObject({
      claimCount: 1,
      lastReported: "2023-10-24",
    });
    expect(await edge("SUPPORTS", "iran", "kataib-hezbollah")).toMatchObject({
      contested: false,
      polarity: "positive",
    });
    expect(await edge("FUNDS", "iran", "hezbollah")).toBeNull();
    const [counts] = await db.read<{ events: number; tanf: number }>("stats/counts-for-tests");
    expect(counts?.events).toBe(3);
    expect(await graph.retractDocument("doc-tower-22")).toMatchObject({ retracted: false });
  });
});
