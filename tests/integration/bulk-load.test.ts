// The offline first load (neo4j-admin) on a real, second Neo4j: the graph it
// builds equals, node for node, property for property (with its type), the
// graph the transactional import writes for the same files; rejected rows
// are reported the same; and it refuses a database that exists.
import { existsSync } from "node:fs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { databaseDir, runAdminImport } from "../../src/db/admin-import.ts";
import { Database } from "../../src/db/database.ts";
import { freePort, PROJECT_ROOT, type StartedNeo4j, startLocalNeo4j } from "../../src/db/local-neo4j.ts";
import { applyMigrations } from "../../src/db/migrate.ts";
import { completeBulkLoad } from "../../src/graph/bulk-load.ts";
import { createGraph } from "../../src/graph/index.ts";
import { bulkLoad } from "../../src/import/bulk-load.ts";
import { type DatasetFile, datasetFile, readDatasetFile } from "../../src/import/dataset-files.ts";
import { createRegisterResolver } from "../../src/import/register-resolver.ts";
import { runImport } from "../../src/import/run-import.ts";
import { openTestDatabase, wipe } from "../helpers/database.ts";

const FIXTURES = path.join(import.meta.dirname, "../fixtures/import");
const FILES = ["ucdp-ged-syria-excerpt.csv", "ucdp-broken.csv", "icews-sample.tsv"].map((f) =>
  datasetFile(path.join(FIXTURES, f)),
);
/** Small batches, so actors are merged across batches and files. */
const BATCH_SIZE = 7;

/** Every node and relationship with its properties and their Cypher types; ingestedAt by type only (a clock). */
const DUMP = `
MATCH (n)
WITH n, [k IN keys(n) | [k, CASE k WHEN 'ingestedAt' THEN null ELSE n[k] END, valueType(n[k])]] AS props
RETURN 'node' AS kind, apoc_free_sort(labels(n)) AS what, coalesce(n.id, n.key) AS start, null AS end, props
UNION ALL
MATCH (a)-[r]->(b)
RETURN 'relationship' AS kind, [type(r)] AS what, coalesce(a.id, a.key) AS start, coalesce(b.id, b.key) AS end,
  [k IN keys(r) | [k, r[k], valueType(r[k])]] AS props`.replaceAll(
  "apoc_free_sort(labels(n))",
  "COLLECT { UNWIND labels(n) AS l RETURN l ORDER BY l }",
);

type Entry = { kind: string; what: string[]; start: string; end: string | null; props: unknown[][] };

async function dumpGraph(db: Database): Promise<string[]> {
  const rows = await db.read<Entry>(DUMP);
  return rows
    .map((row) =>
      JSON.stringify({ ...row, props: [...row.props].sort((a, b) => String(a[0]).localeCompare(String(b[0]))) }),
    )
    .sort();
}

async function importTransactionally(db: Database, files: DatasetFile[]) {
  const graph = createGraph(db);
  const resolve = createRegisterResolver();
  const summaries = [];
  for (const file of files) {
    const { results } = readDatasetFile(file, resolve);
    summaries.push(
      await runImport(results, (batch) => graph.saveImportedBatch(batch, `${file.format}:${file.dataset}`), {
        batchSize: BATCH_SIZE,
      }),
    );
  }
  return summaries;
}

describe("bulk load (neo4j-admin database import)", () => {
  let db: Database;
  let port: number;
  let dataDir: string;
  let neo4j: StartedNeo4j | null = null;
  let loaded: Database | null = null;

  beforeAll(async () => {
    db = await openTestDatabase();
    port = await freePort();
    dataDir = `.neo4j/bulk-load-test-${port}`;
  });
  afterAll(async () => {
    await loaded?.close();
    await neo4j?.stop();
    await rm(path.join(PROJECT_ROOT, dataDir), { recursive: true, force: true });
    await db.close();
  });

  it("builds the graph the transactional import writes for the same files", async () => {
    await wipe(db);
    const online = await importTransactionally(db, FILES);
    const expected = await dumpGraph(db);

    const result = await bulkLoad(FILES, { dataDir, batchSize: BATCH_SIZE });
    expect(result.files.map((f) => f.rejected)).toEqual(online.map((s) => s.rejected));
    expect(result.files.map((f) => f.eventsCreated)).toEqual(online.map((s) => s.eventsCreated));
    expect(result.graph.events).toBeGreaterThan(0);

    neo4j = await startLocalNeo4j({ port, dataDir, heap: "512m", pageCache: "64m" });
    loaded = new Database({ uri: neo4j.uri, user: "neo4j", password: "", database: undefined, queryTimeoutMs: 60_000 });
    // The tool's own report (read from its output) counts what the store holds before anything else writes.
    const [stored] = await loaded.read<{ nodes: number; relationships: number }>(
      "RETURN COUNT { MATCH (n) } AS nodes, COUNT { MATCH ()-[r]->() } AS relationships",
    );
    expect(result.adminReport).toMatchObject(stored as object);
    expect(result.adminReport?.importSeconds).toBeGreaterThan(0);
    await applyMigrations(loaded);
    expect(await completeBulkLoad(loaded)).toBeGreaterThan(0);

    const actual = await dumpGraph(loaded);
    expect(actual.length).toBe(expected.length);
    expect(actual).toEqual(expected);

    // The loaded graph answers like the other: the same statistics through the graph layer.
    expect(await createGraph(loaded).getStats()).toEqual(await createGraph(db).getStats());
  }, 240_000);

  it("refuses a database that exists, and leaves it as it was", async () => {
    expect(loaded).not.toBeNull();
    const before = await dumpGraph(loaded as Database);
    await expect(bulkLoad(FILES, { dataDir, batchSize: BATCH_SIZE })).rejects.toThrow(/is running/);
    await loaded?.close();
    loaded = null;
    await neo4j?.stop();
    neo4j = null;
    await expect(bulkLoad(FILES, { dataDir, batchSize: BATCH_SIZE })).rejects.toThrow(/already holds a database/);
    neo4j = await startLocalNeo4j({ port, dataDir, heap: "512m", pageCache: "64m" });
    loaded = new Database({ uri: neo4j.uri, user: "neo4j", password: "", database: undefined, queryTimeoutMs: 60_000 });
    expect(await dumpGraph(loaded)).toEqual(before);
  }, 240_000);

  it("fails loudly on a bad entry and leaves no half-written store behind", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "bulk-bad-"));
    const brokenDataDir = `${dataDir}-broken`;
    try {
      await writeFile(path.join(dir, "actors.csv"), 'id:ID(Actor),name\n"a","A"\n');
      await writeFile(path.join(dir, "links.csv"), ':START_ID(Actor),:END_ID(Actor)\n"a","missing"\n');
      await expect(
        runAdminImport({
          dataDir: brokenDataDir,
          files: [
            { kind: "nodes", name: "Actor", file: path.join(dir, "actors.csv"), multiline: false },
            { kind: "relationships", name: "FUNDS", file: path.join(dir, "links.csv"), multiline: false },
          ],
        }),
      ).rejects.toThrow(/import failed .*nothing was loaded and the partial store was removed/s);
      expect(existsSync(databaseDir(brokenDataDir))).toBe(false);
    } finally {
      await rm(dir, { recursive: true, force: true });
      await rm(path.join(PROJECT_ROOT, brokenDataDir), { recursive: true, force: true });
    }
  }, 120_000);
});
