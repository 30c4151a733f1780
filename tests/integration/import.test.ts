// Structured-data imports on the real Neo4j: the same model as articles,
// idempotent on the dataset's ids, every malformed row reported. The real
// files of ../shared/data are imported too when they are there.
import { spawnSync } from "node:child_process";
import { createReadStream, existsSync } from "node:fs";
import path from "node:path";
import { createInterface } from "node:readline";
import { Readable } from "node:stream";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Database } from "../../src/db/database.ts";
import { PROJECT_ROOT } from "../../src/db/local-neo4j.ts";
import { createGraph, type Graph } from "../../src/graph/index.ts";
import { readIcews } from "../../src/import/icews.ts";
import { createRegisterResolver } from "../../src/import/register-resolver.ts";
import { runImport } from "../../src/import/run-import.ts";
import { readUcdp } from "../../src/import/ucdp.ts";
import { openTestDatabase, testDatabaseOptions, wipe } from "../helpers/database.ts";

const FIXTURES = path.join(import.meta.dirname, "../fixtures/import");
const SHARED_DATA = path.join(PROJECT_ROOT, "../shared/data");

let db: Database;
let graph: Graph;
const resolve = createRegisterResolver();

beforeAll(async () => {
  db = await openTestDatabase();
  graph = createGraph(db);
});
afterAll(() => db.close());
beforeEach(() => wipe(db));

const importUcdp = (file: string, batchSize = 7) =>
  runImport(readUcdp(createReadStream(file), resolve), (records) => graph.saveImportedBatch(records, "ucdp:test"), {
    batchSize,
  });

describe("import ucdp", () => {
  it("imports every row of the excerpt as an event with evidence, and a re-import adds nothing", async () => {
    const first = await importUcdp(path.join(FIXTURES, "ucdp-ged-syria-excerpt.csv"));
    expect(first).toMatchObject({ rows: 24, imported: 24, eventsCreated: 24, claimsCreated: 24, rejected: [] });
    const stats = await graph.getStats();
    expect(stats.events).toBe(24);
    expect(stats.documents).toBe(24);
    expect(stats.claims).toBe(24);

    const again = await importUcdp(path.join(FIXTURES, "ucdp-ged-syria-excerpt.csv"), 10);
    expect(again).toMatchObject({ imported: 24, eventsCreated: 0, claimsCreated: 0, alreadyPresent: 24 });
    expect(await graph.getStats()).toEqual(stats);
  });

  it("links events to register actors and keeps deaths as low/best/high", async () => {
    await importUcdp(path.join(FIXTURES, "ucdp-ged-syria-excerpt.csv"));
    const [event] = await graph.findEventsByIds(["ucdp-ged-214797"]);
    expect(event).toMatchObject({
      date: "2016-01-01",
      datePrecision: "day",
      type: "ATTACK",
      killedLow: 4,
      killedBest: 4,
      killedHigh: 4,
      // Datasets name no weapons: none stored, read as an empty list.
      weapons: [],
    });
    const syria = await graph.findActorByName("Government of Syria");
    expect(syria?.id).toBe("syria");
    const relations = await graph.findRelationsOfActors(["syria"], { predicates: ["FIGHTS"], first: 10 });
    expect(relations[0]?.items.map((r) => r.actor.id)).toContain("syrian-insurgents");
  });

  it("reports malformed rows with their line and reason and imports the rest", async () => {
    const summary = await importUcdp(path.join(FIXTURES, "ucdp-broken.csv"));
    expect(summary.imported).toBe(2);
    expect(summary.rejected.map((r) => r.reason)).toEqual([
      'id "abc" is not a number',
      'date_start "01/02/2016" is not a date (YYYY-MM-DD)',
      "missing side_a",
      'deaths low/best/high "one/1/1" are not whole numbers',
    ]);
    expect((await graph.getStats()).events).toBe(2);
  });
});

describe("import icews", () => {
  it("imports rows as events, mapped CAMEO relations as claims, and resolves names against the register", async () => {
    const summary = await runImport(
      readIcews(createReadStream(path.join(FIXTURES, "icews-sample.tsv")), "icews-test", resolve),
      (records) => graph.saveImportedBatch(records, "icews:test"),
      { batchSize: 100 },
    );
    expect(summary).toMatchObject({ imported: 6, eventsCreated: 6, claimsCreated: 3 });
    expect(summary.rejected).toHaveLength(2);
    const quds = await graph.findActorByName("Quds Force");
    expect(quds?.id).toBe("irgc-quds-force");
    const arms = await graph.findRelationsOfActors(["iran"], { predicates: ["ARMS"], first: 10 });
    expect(arms[0]?.items.length).toBe(1);
  });
});

/** The first `count` lines of a file (header included), for a bounded real-data run. */
async function head(file: string, count: number): Promise<Readable> {
  const lines: string[] = [];
  for await (const line of createInterface({ input: createReadStream(file) })) {
    lines.push(line);
    if (lines.length >= count) break;
  }
  return Readable.from([`${lines.join("\n")}\n`]);
}

describe.skipIf(!existsSync(SHARED_DATA))("import of the real datasets in ../shared/data", () => {
  it("imports the whole UCDP GED Syria file: every row imported or reported", async () => {
    const summary = await importUcdp(path.join(SHARED_DATA, "ucdp_ged_syria_2016_2019.csv"), 2000);
    expect(summary.rows).toBe(16_566);
    expect(summary.imported + summary.rejected.length).toBe(summary.rows);
    expect((await graph.getStats()).events).toBe(summary.eventsCreated);
  }, 600_000);

  it.each(["icews14_named.tsv", "icews05_named.tsv", "icews18_named.tsv"])(
    "reads %s in its real format (first 5,000 rows)",
    async (file) => {
      const summary = await runImport(
        readIcews(await head(path.join(SHARED_DATA, "icews", file), 5001), file, resolve),
        (records) => graph.saveImportedBatch(records, `icews:${file}`),
        { batchSize: 2500 },
      );
      expect(summary.rows).toBe(5000);
      expect(summary.imported + summary.rejected.length).toBe(5000);
      expect(summary.eventsCreated).toBe(summary.imported);
    },
    300_000,
  );
});

if (!existsSync(SHARED_DATA)) {
  console.warn(`[import test] ${SHARED_DATA} is absent: the real-data import tests are skipped.`);
}

describe("actorgraph import (the command)", () => {
  it("with --relations-at-end stores what the per-batch import stores", async () => {
    const file = path.join(FIXTURES, "ucdp-ged-syria-excerpt.csv");
    await importUcdp(file, 5);
    const perBatch = await graph.getStats();
    const relations = await db.read<{ key: string; confidence: number; claimCount: number }>(
      "MATCH (:Actor)-[r]->(:Actor) WHERE r.key IS NOT NULL RETURN r.key AS key, r.confidence AS confidence, r.claimCount AS claimCount ORDER BY key",
    );
    await wipe(db);
    const options = testDatabaseOptions();
    const run = spawnSync(
      process.execPath,
      ["bin/actorgraph.js", "import", "ucdp", file, "--batch-size", "5", "--relations-at-end", "--dataset", "test"],
      {
        cwd: PROJECT_ROOT,
        encoding: "utf8",
        env: { ...process.env, NEO4J_URI: options.uri, NEO4J_USER: options.user, NEO4J_PASSWORD: options.password },
      },
    );
    expect(run.status, run.stderr).toBe(0);
    expect(await graph.getStats()).toEqual(perBatch);
    expect(
      await db.read(
        "MATCH (:Actor)-[r]->(:Actor) WHERE r.key IS NOT NULL RETURN r.key AS key, r.confidence AS confidence, r.claimCount AS claimCount ORDER BY key",
      ),
    ).toEqual(relations);
    expect(relations.length).toBeGreaterThan(0);
  });
});
