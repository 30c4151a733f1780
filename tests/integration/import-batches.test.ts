// The bulk import path on the real Neo4j: dataset rows become documents,
// events and claims linked to their actors; re-imports add nothing; batches
// that reuse actors leave them alone but still add new aliases; aggregated
// relations equal a recomputation from all their claims, whatever the batching.
import { createReadStream } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Database } from "../../src/db/database.ts";
import { aggregateClaims, type ClaimEvidence } from "../../src/graph/aggregate.ts";
import { createGraph } from "../../src/graph/index.ts";
import { readIcews } from "../../src/import/icews.ts";
import type { ImportedRecord } from "../../src/import/records.ts";
import { createRegisterResolver } from "../../src/import/register-resolver.ts";
import { runImport } from "../../src/import/run-import.ts";
import { readUcdp } from "../../src/import/ucdp.ts";
import type { EntityType } from "../../src/model.ts";
import { openTestDatabase, wipe } from "../helpers/database.ts";

const FIXTURES = path.join(import.meta.dirname, "../fixtures/import");
let db: Database;

beforeAll(async () => {
  db = await openTestDatabase();
});
afterAll(() => db.close());
beforeEach(() => wipe(db));

async function importUcdp(batchSize: number) {
  const graph = createGraph(db);
  const input = createReadStream(path.join(FIXTURES, "ucdp-ged-syria-excerpt.csv"));
  return runImport(readUcdp(input, createRegisterResolver()), (r) => graph.saveImportedBatch(r, "ucdp:test"), {
    batchSize,
  });
}

/** The same import with aggregated relations recomputed once at its end; `finish: false` stops before that, as a crash would. */
async function importUcdpDeferred(batchSize: number, options: { finish: boolean } = { finish: true }) {
  const importer = createGraph(db).startImport("ucdp:test");
  const input = createReadStream(path.join(FIXTURES, "ucdp-ged-syria-excerpt.csv"));
  return runImport(readUcdp(input, createRegisterResolver()), importer.saveBatch, {
    batchSize,
    ...(options.finish ? { finish: importer.finish } : {}),
  });
}

async function storedRelations() {
  return db.read<{ key: string; props: Record<string, unknown>; claims: ClaimEvidence[] }>(
    `MATCH (a:Actor)-[r]->(b:Actor) WHERE r.key IS NOT NULL
     MATCH (c:Claim {relationKey: r.key})
     WITH r, collect(c {.polarity, .weight, .documentId, .publishedDate}) AS claims
     RETURN r.key AS key, properties(r) AS props, claims ORDER BY key`,
  );
}

/** The stored aggregated edges by key (claims are collected in no fixed order, so left out). */
async function storedEdges() {
  return (await storedRelations()).map(({ key, props }) => ({ key, props }));
}

describe("saveImportedBatch", () => {
  it("links every row to its document, event, claim and actors, and a re-import adds nothing", async () => {
    const first = await importUcdp(3);
    expect(first.rejected).toEqual([]);
    expect(first.eventsCreated).toBe(first.imported);
    const [counts] = await db.read<Record<string, number>>(
      `MATCH (e:Event) WITH count(e) AS events
       MATCH (d:Document) WITH events, count(d) AS documents
       MATCH (c:Claim)-[:SUBJECT]->(:Actor) WITH events, documents, count(c) AS claims
       RETURN events, documents, claims,
         COUNT { (:Event)-[:REPORTED_IN]->(:Document) } AS reported,
         COUNT { (:Actor)-[:PERPETRATED]->(:Event) } AS perpetrated,
         COUNT { (:Event)-[:TARGETED]->(:Actor) } AS targeted,
         COUNT { (:Claim)-[:OBJECT]->(:Actor) } AS objects,
         COUNT { (:Claim)-[:STATED_IN]->(:Document) } AS stated`,
    );
    expect(counts).toMatchObject({
      events: first.imported,
      documents: first.imported,
      claims: first.claimsCreated,
      reported: first.imported,
      perpetrated: first.imported,
      targeted: first.imported,
      objects: first.claimsCreated,
      stated: first.claimsCreated,
    });
    const again = await importUcdp(3);
    expect(again.eventsCreated).toBe(0);
    expect(again.alreadyPresent).toBe(first.imported);
  });

  it("stores the same aggregated relations whatever the batch size, equal to a recomputation from the claims", async () => {
    await importUcdp(1);
    const one = await storedRelations();
    await wipe(db);
    await importUcdp(1000);
    const all = await storedRelations();
    expect(all.map((r) => r.props)).toEqual(one.map((r) => r.props));
    expect(all.length).toBeGreaterThan(0);
    for (const relation of all) {
      expect(relation.props).toMatchObject({ ...aggregateClaims(relation.claims), key: relation.key });
    }
  });

  it("stores the same aggregated relations when an import recomputes them once at its end", async () => {
    await importUcdp(1000);
    const perBatch = await storedEdges();
    await wipe(db);
    const summary = await importUcdpDeferred(3);
    expect(summary.eventsCreated).toBe(summary.imported);
    expect(await storedEdges()).toEqual(perBatch);
  });

  it("recomputes, when re-run, the relations of rows that an interrupted deferred import wrote", async () => {
    await importUcdp(1000);
    const perBatch = await storedEdges();
    await wipe(db);
    await importUcdpDeferred(3, { finish: false });
    expect(await storedEdges()).toEqual([]);
    const again = await importUcdpDeferred(3);
    expect(again.eventsCreated).toBe(0);
    expect(await storedEdges()).toEqual(perBatch);
  });

  it("gives imported actors name keys, so actorByName and nameContains find them, and adds aliases later batches bring", async () => {
    const graph = createGraph(db);
    const input = createReadStream(path.join(FIXTURES, "icews-sample.tsv"));
    const summary = await runImport(readIcews(input, "icews-test", null), (r) => graph.saveImportedBatch(r, "icews"), {
      batchSize: 2,
    });
    expect(summary.imported).toBeGreaterThan(0);
    const [{ id } = { id: "" }] = await db.read<{ id: string }>(
      "MATCH (a:Actor) RETURN a.id AS id ORDER BY id LIMIT 1",
    );
    const actor = (await graph.findActorsByIds([id]))[0];
    if (!actor) throw new Error(`actor ${id} not found`);
    expect((await graph.findActorByName(actor.name))?.id).toBe(id);
    const page = await graph.listActors({ filter: { nameContains: actor.name.slice(0, 4) } });
    expect(page.items.map((a) => a.id)).toContain(id);

    const imported = { id: actor.id, name: actor.name, type: actor.type as EntityType };
    const record: ImportedRecord = {
      id: "alias-test",
      document: { id: "alias-test", title: "t", url: null, publishedAt: "2020-01-01", source: "s", license: "l" },
      event: {
        id: "alias-test",
        type: "ATTACK",
        date: "2020-01-01",
        datePrecision: "day",
        endDate: null,
        locations: [],
        perpetrators: [{ ...imported, aliases: ["A New Alias"] }],
        targets: [{ ...imported, aliases: [] }],
        killed: { low: null, best: null, high: null },
        quote: "q",
      },
      claim: null,
    };
    await graph.saveImportedBatch([record], "test");
    expect((await graph.findActorByName("a new alias"))?.id).toBe(id);
    expect((await graph.findActorsByIds([id]))[0]?.aliases).toContain("A New Alias");
  });
});
