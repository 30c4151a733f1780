// Neighbourhoods and support chains read the start actor and its first two
// levels in one statement (traversal/neighborhood), then one traversal/expand
// per level; these tests hold them to a plain breadth-first search written
// independently, on graphs wide enough to truncate and chains deeper than
// three levels.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Database } from "../../src/db/database.ts";
import { narrowedStatement, toRelationParams } from "../../src/graph/common.ts";
import { createGraph } from "../../src/graph/index.ts";
import type { ActorRecord } from "../../src/graph/records.ts";
import { INCLUDE_NOTHING } from "../../src/graph/relations.ts";
import type { SaveDocumentInput } from "../../src/graph/write.ts";
import { PREDICATE_FAMILIES, type Predicate } from "../../src/model.ts";
import { createTestApp } from "../helpers/api.ts";
import { openTestDatabase, wipe } from "../helpers/database.ts";
import { saveFixtureDocuments, syntheticDocument } from "../helpers/fixtures.ts";

// biome-ignore lint/suspicious/noExplicitAny: test responses are checked by shape
type Any = any;
let db: Database;

/** link-0 SUPPORTS link-1 SUPPORTS … link-(n-1): a support chain n actors long. */
function chainDocument(n: number): SaveDocumentInput {
  const entities = Array.from({ length: n }, (_, i) => ({
    id: `link-${i}`,
    name: `Link ${i}`,
    type: "ArmedGroup" as const,
    aliases: [],
  }));
  const relations = entities.slice(1).map((e, i) => ({
    subject: `link-${i}`,
    predicate: "SUPPORTS" as const,
    object: e.id,
    polarity: "positive" as const,
    modality: "asserted" as const,
    confidence: 0.7,
    attribution: null,
    evidence: [{ quote: `Link ${i} supports ${e.name}`, start: 0, end: 10 }],
  }));
  return {
    id: "chain",
    contentHash: "sha256:chain",
    meta: { title: "Chain", url: null, publishedAt: "2024-02-01", source: "synthetic", license: null },
    extraction: { entities, relations, events: [] },
  };
}

beforeAll(async () => {
  db = await openTestDatabase();
  await wipe(db);
  const graph = createGraph(db);
  await saveFixtureDocuments(graph);
  await graph.saveDocument(syntheticDocument("synthetic-30", 30));
  await graph.saveDocument(chainDocument(7));
});
afterAll(() => db.close());

type Row = { fromId: string; actor: ActorRecord; relation: { key: string } };

/** The reference: breadth-first, one traversal/expand per level, the first `limit` actors reached kept. */
async function levelByLevel(id: string, filter: ReturnType<typeof toRelationParams>, depth: number, limit: number) {
  const [start] = await createGraph(db).findActorsByIds([id]);
  if (!start) return null;
  const actors = new Map([[start.id, start]]);
  const edges = new Map<string, { key: string }>();
  let frontier = [start.id];
  let truncated = false;
  for (let level = 1; level <= depth && frontier.length > 0; level++) {
    const rows = await db.read<Row>(narrowedStatement("traversal/expand", filter), {
      ...filter,
      frontier,
      limit: limit * 4,
    });
    // New actors in the order the rows first name them, as many as there is room for.
    const fresh = [...new Set(rows.map((r) => r.actor.id))].filter((a) => !actors.has(a));
    const next = fresh.slice(0, limit - actors.size);
    if (next.length < fresh.length) truncated = true;
    for (const row of rows) {
      if (next.includes(row.actor.id)) actors.set(row.actor.id, row.actor);
      edges.set(row.relation.key, row.relation);
    }
    if (rows.length >= limit * 4) truncated = true;
    frontier = next;
  }
  const nodes = [...actors.values()];
  return {
    nodes: nodes.map((a) => a.id).sort(),
    edges: [...edges.values()]
      .filter((e) => {
        const [, from = "", to = ""] = e.key.split("|");
        return actors.has(from) && actors.has(to);
      })
      .map((e) => e.key)
      .sort(),
    truncated,
  };
}

describe("neighbourhood (two levels with the actor, then level by level)", () => {
  const cases: { id: string; depth: number; limit: number; predicates?: Predicate[] }[] = [
    { id: "target", depth: 1, limit: 100 },
    { id: "target", depth: 2, limit: 100 },
    { id: "target", depth: 2, limit: 10 },
    { id: "target", depth: 3, limit: 25 },
    { id: "sponsor", depth: 3, limit: 500 },
    { id: "iran", depth: 3, limit: 500 },
    { id: "iran", depth: 2, limit: 3 },
    { id: "link-3", depth: 3, limit: 500, predicates: ["SUPPORTS"] },
    { id: "link-0", depth: 3, limit: 3 },
  ];
  for (const c of cases) {
    it(`is the level-by-level search from ${c.id}, depth ${c.depth}, at most ${c.limit} actors`, async () => {
      const filter = toRelationParams({ predicates: c.predicates });
      const expected = await levelByLevel(c.id, filter, c.depth, c.limit);
      const found = await createGraph(db).findNeighborhood(c.id, { ...c });
      expect(expected?.nodes.length, "the case reaches some actor").toBeGreaterThan(1);
      expect({
        nodes: found?.nodes.map((a) => a.id).sort(),
        edges: found?.edges.map((e) => e.key).sort(),
        truncated: found?.truncated,
      }).toEqual(expected);
    });
  }

  it("reads one and two levels in one round trip, each further level in one more", async () => {
    const roundTrips = async (depth: number) =>
      (await Database.countRoundTrips(() => createGraph(db).findNeighborhood("iran", { depth, limit: 500 })))
        .roundTrips;
    expect([await roundTrips(1), await roundTrips(2), await roundTrips(3)]).toEqual([1, 1, 2]);
  });

  it("answers null for an unknown actor and the lone actor for one without relations", async () => {
    const graph = createGraph(db);
    expect(await graph.findNeighborhood("nobody", { depth: 2 })).toBeNull();
    await db.write("CREATE (:Actor {id: 'loner', name: 'Loner', type: 'Person', aliases: []})");
    expect(await graph.findNeighborhood("loner", { depth: 3 })).toEqual({
      nodes: [expect.objectContaining({ id: "loner" })],
      edges: [],
      truncated: false,
    });
  });
});

describe("support chains beyond three levels", () => {
  it("follow a chain of six links", async () => {
    const chain = await createGraph(db).findSupportChain("link-6", { maxHops: 6 });
    expect(chain?.links.map((l) => [l.depth, l.supporter.id, l.supported.id])).toEqual(
      Array.from({ length: 6 }, (_, i) => [i + 1, `link-${5 - i}`, `link-${6 - i}`]),
    );
    const filter = toRelationParams({ predicates: PREDICATE_FAMILIES.support, direction: "INCOMING" });
    const expected = await levelByLevel("link-6", filter, 6, 500);
    expect(expected?.nodes).toEqual(["link-0", "link-1", "link-2", "link-3", "link-4", "link-5", "link-6"]);
  });
});

describe("k shortest paths", () => {
  it("rank paths of equal length by the product of their confidences", async () => {
    const claim = (subject: string, object: string, confidence: number) => ({
      subject,
      predicate: "SUPPORTS" as const,
      object,
      polarity: "positive" as const,
      modality: "asserted" as const,
      confidence,
      attribution: null,
      evidence: [{ quote: `${subject} supports ${object}`, start: 0, end: 10 }],
    });
    const graph = createGraph(db);
    await graph.saveDocument({
      id: "two-ways",
      contentHash: "sha256:two-ways",
      meta: { title: "Two ways", url: null, publishedAt: "2024-02-01", source: "synthetic", license: null },
      extraction: {
        entities: ["way-a", "weak-middle", "strong-middle", "way-b"].map((id) => ({
          id,
          name: id,
          type: "ArmedGroup" as const,
          aliases: [],
        })),
        relations: [
          claim("way-a", "weak-middle", 0.3),
          claim("weak-middle", "way-b", 0.3),
          claim("way-a", "strong-middle", 0.9),
          claim("strong-middle", "way-b", 0.9),
        ],
        events: [],
      },
    });
    const paths = await graph.findPaths({ from: "way-a", to: "way-b", k: 2 });
    expect(paths.map((p) => p.actors.map((a) => a.id))).toEqual([
      ["way-a", "strong-middle", "way-b"],
      ["way-a", "weak-middle", "way-b"],
    ]);
  });
});

describe("direction and predicate filters (patterns narrowed to them)", () => {
  // fight-a ATTACKS fight-b; fight-b FIGHTS fight-a, stored once from the lower id (fight-a).
  beforeAll(async () => {
    const claim = (subject: string, predicate: Predicate, object: string) => ({
      subject,
      predicate,
      object,
      polarity: "positive" as const,
      modality: "asserted" as const,
      confidence: 0.8,
      attribution: null,
      evidence: [{ quote: `${subject} ${predicate} ${object}`, start: 0, end: 10 }],
    });
    await createGraph(db).saveDocument({
      id: "fights",
      contentHash: "sha256:fights",
      meta: { title: "Fights", url: null, publishedAt: "2024-03-01", source: "synthetic", license: null },
      extraction: {
        entities: ["fight-a", "fight-b"].map((id) => ({ id, name: id, type: "ArmedGroup" as const, aliases: [] })),
        relations: [claim("fight-a", "ATTACKS", "fight-b"), claim("fight-b", "FIGHTS", "fight-a")],
        events: [],
      },
    });
  });

  const cases: { id: string; direction: "OUTGOING" | "INCOMING" | "BOTH"; predicates: Predicate[]; keys: string[] }[] =
    [
      { id: "fight-a", direction: "OUTGOING", predicates: ["ATTACKS"], keys: ["ATTACKS|fight-a|fight-b"] },
      { id: "fight-b", direction: "OUTGOING", predicates: ["ATTACKS"], keys: [] },
      { id: "fight-b", direction: "INCOMING", predicates: ["ATTACKS"], keys: ["ATTACKS|fight-a|fight-b"] },
      // A symmetric relation is read from both ends whatever the direction asked.
      { id: "fight-b", direction: "OUTGOING", predicates: ["FIGHTS"], keys: ["FIGHTS|fight-a|fight-b"] },
      { id: "fight-a", direction: "INCOMING", predicates: ["FIGHTS"], keys: ["FIGHTS|fight-a|fight-b"] },
      {
        id: "fight-b",
        direction: "INCOMING",
        predicates: ["ATTACKS", "FIGHTS"],
        keys: ["ATTACKS|fight-a|fight-b", "FIGHTS|fight-a|fight-b"],
      },
      { id: "fight-b", direction: "OUTGOING", predicates: ["ATTACKS", "FIGHTS"], keys: ["FIGHTS|fight-a|fight-b"] },
      { id: "fight-a", direction: "OUTGOING", predicates: ["SUPPORTS"], keys: [] },
    ];

  it.each(cases)(
    "$id $direction $predicates: the same relations now, as of a date, counted and in the neighbourhood",
    async ({ id, direction, predicates, keys }) => {
      const graph = createGraph(db);
      const args = { direction, predicates };
      const [now] = await graph.findRelationsOfActors([id], args, INCLUDE_NOTHING);
      const [then] = await graph.findRelationsOfActors([id], { ...args, asOf: "2024-12-31" }, INCLUDE_NOTHING);
      const [count] = await graph.countRelationsOfActors([id], args);
      const around = await graph.findNeighborhood(id, { ...args, depth: 1 });
      expect(now?.items.map((r) => r.key).sort()).toEqual(keys);
      expect(then?.items.map((r) => r.key).sort()).toEqual(keys);
      expect(count).toBe(keys.length);
      expect(around?.edges.map((r) => r.key).sort()).toEqual(keys);
    },
  );
});

describe("best evidence first", () => {
  // ev-a SUPPORTS ev-b stated in four documents and denied in one, at several
  // confidences and dates: the claims of a page and of the batched read are
  // the first of the order computed here from the stored claims.
  beforeAll(async () => {
    const graph = createGraph(db);
    const stated = [
      ["ev-1", "2024-01-05", 0.6, "positive"],
      ["ev-2", "2024-02-05", 0.9, "positive"],
      ["ev-3", "2024-03-05", 0.6, "positive"],
      ["ev-4", "2024-04-05", 0.95, "negative"],
      ["ev-5", "2024-05-05", 0.3, "positive"],
    ] as const;
    for (const [id, date, confidence, polarity] of stated) {
      await graph.saveDocument({
        id,
        contentHash: `sha256:${id}`,
        meta: { title: id, url: null, publishedAt: date, source: "synthetic", license: null },
        extraction: {
          entities: ["ev-a", "ev-b"].map((e) => ({ id: e, name: e, type: "ArmedGroup" as const, aliases: [] })),
          relations: [
            {
              subject: "ev-a",
              predicate: "SUPPORTS" as const,
              object: "ev-b",
              polarity,
              modality: "asserted" as const,
              confidence,
              attribution: null,
              evidence: [{ quote: `${id}: ev-a supports ev-b`, start: 0, end: 10 }],
            },
          ],
          events: [],
        },
      });
    }
  });

  it("states before denials, then the weightiest, then the newest, then by id", async () => {
    const stored = await db.read<{ id: string; polarity: string; weight: number; publishedDate: string }>(
      "MATCH (c:Claim {relationKey: 'SUPPORTS|ev-a|ev-b'}) RETURN c.id AS id, c.polarity AS polarity, c.weight AS weight, c.publishedDate AS publishedDate",
    );
    expect(stored).toHaveLength(5);
    const expected = [...stored]
      .sort(
        (x, y) =>
          Number(x.polarity !== "positive") - Number(y.polarity !== "positive") ||
          y.weight - x.weight ||
          y.publishedDate.localeCompare(x.publishedDate) ||
          x.id.localeCompare(y.id),
      )
      .map((c) => c.id);
    const graph = createGraph(db);
    for (const first of [1, 2, 4]) {
      const [batched] = await graph.findClaimsOfRelations(["#SUPPORTS|ev-a|ev-b"], { first });
      const [page] = await graph.findRelationsOfActors(
        ["ev-a"],
        { predicates: ["SUPPORTS"], direction: "OUTGOING" },
        { ...INCLUDE_NOTHING, claims: first, claimDetail: false },
      );
      expect(batched?.map((c) => c.id)).toEqual(expected.slice(0, first));
      expect(page?.items[0]?.prefetchedClaims?.claims.map((c) => c.id)).toEqual(expected.slice(0, first));
      expect(batched?.every((c) => c.document.title?.startsWith("ev-"))).toBe(true);
    }
  });

  it("reads claims without quote and document when a query shows neither, the same claims otherwise", async () => {
    const graph = createGraph(db);
    const [full] = await graph.findClaimsOfRelations(["#SUPPORTS|ev-a|ev-b"], { first: 5 });
    const [lean] = await graph.findClaimsOfRelations(["#SUPPORTS|ev-a|ev-b"], { first: 5, withSource: false });
    expect(full?.every((c) => c.quote && c.document)).toBe(true);
    expect(lean?.some((c) => "quote" in c || "document" in c)).toBe(false);
    expect(lean).toEqual(full?.map(({ quote: _quote, document: _document, ...rest }) => rest));
    // Through the API: a lean and a full selection in one request, each answered from its own read.
    const edges = `edges { id claims(first: 5) { id polarity modality`;
    const result = await createTestApp(db)<Any>(`{
        lean: neighborhood(id: "ev-a", predicates: [SUPPORTS]) { ${edges} } } }
        full: neighborhood(id: "ev-a", predicates: [SUPPORTS]) { ${edges} quote document { title } } } }
      }`);
    expect(result.errors).toBeUndefined();
    const leanClaims = result.data.lean.edges[0].claims;
    expect(leanClaims.map((c: Any) => c.id)).toEqual(full?.map((c) => c.id));
    expect(result.data.full.edges[0].claims.map(({ quote: _q, document: _d, ...rest }: Any) => rest)).toEqual(
      leanClaims,
    );
    expect(result.data.full.edges[0].claims.every((c: Any) => c.quote && c.document.title)).toBe(true);
  });
});
