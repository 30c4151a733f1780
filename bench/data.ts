// `npm run bench:data [-- --quick]`: loads the benchmark graph into the bench
// Neo4j through the project's own import paths, as a deployment would: the
// first load of a new database in bulk (UCDP GED Syria and two ICEWS files of
// ../shared/data, neo4j-admin from CSV), then the transactional import of the
// third ICEWS file into the loaded graph (a later increment), then the sample
// articles through ingestion. Prints both import rates. The files are read
// where they are; ICEWS is never copied. Never passes or fails on time.
import { existsSync } from "node:fs";
import path from "node:path";
import type { AdminImportReport } from "../src/db/admin-import.ts";
import { chooseRuntime, ensureJars } from "../src/db/local-neo4j.ts";
import { completeBulkLoad } from "../src/graph/bulk-load.ts";
import { createGraph } from "../src/graph/index.ts";
import { bulkLoad, takeFirst } from "../src/import/bulk-load.ts";
import { datasetFile, readDatasetFile } from "../src/import/dataset-files.ts";
import { createRegisterResolver } from "../src/import/register-resolver.ts";
import { runImport } from "../src/import/run-import.ts";
import { extractDocument } from "../src/ingest/extractor.ts";
import { ingestDocument } from "../src/ingest/ingest-document.ts";
import { SAMPLE_CORPUS } from "../src/ingest/ingest-paths.ts";
import { expandInputs, readSourceFile } from "../src/ingest/sources.ts";
import { BENCH_NEO4J, type BenchDatabase, openBenchDatabase, removeBenchData, SHARED_DATA } from "./neo4j.ts";

export type ImportFigure = { file: string; rows: number; events: number; rejected: number; seconds: number };

/** The first load, in bulk: seconds per stage, from files to a graph that answers with its indexes online. */
export type FirstLoadFigure = {
  files: Omit<ImportFigure, "seconds">[];
  events: number;
  /** Parsing the files and writing the CSV (Node). */
  csvSeconds: number;
  /** neo4j-admin database import full, its JVM's start included. */
  adminSeconds: number;
  /** The admin tool's own report: its import alone, and the nodes and relationships it wrote (null: none printed). */
  adminReport: AdminImportReport | null;
  /** Starting Neo4j on the new store (JVM, recovery, Bolt). */
  startSeconds: number;
  /** Migrations: every index and constraint built over the loaded data, awaited online. */
  indexSeconds: number;
  /** completeBulkLoad (empty lists). */
  completeSeconds: number;
  seconds: number;
  eventsPerSecond: number;
};

export type IncrementFigure = { files: ImportFigure[]; events: number; seconds: number; eventsPerSecond: number };

export type DataSummary = {
  firstLoad: FirstLoadFigure | null;
  increment: IncrementFigure | null;
  skipped: string[];
  articles: number;
};

/** Loaded in bulk into the new database, in this order. */
const FIRST_LOAD_FILES = ["ucdp_ged_syria_2016_2019.csv", "icews/icews14_named.tsv", "icews/icews05_named.tsv"];
/** Imported afterwards through the transactional path, into the loaded graph. */
const INCREMENT_FILES = ["icews/icews18_named.tsv"];
const BATCH_SIZE = 5000;

const benchDatasetFile = (file: string) => datasetFile(path.join(SHARED_DATA, file));

const seconds = (since: number) => (Date.now() - since) / 1000;
const rate = (events: number, s: number) => events / Math.max(s, 0.001);

/**
 * Deletes the bench database, loads the real files (the first `rowsPerFile`
 * rows of each when given) and the sample articles, and returns the bench
 * Neo4j running on the result.
 */
export async function loadBenchData(
  options: { rowsPerFile?: number; log?: (m: string) => void } = {},
): Promise<{ bench: BenchDatabase; data: DataSummary }> {
  const log = options.log ?? console.log;
  const skipped: string[] = [];
  const present = (files: string[]) =>
    files.filter((file) => {
      if (existsSync(path.join(SHARED_DATA, file))) return true;
      skipped.push(file);
      log(`skipped ${file}: not found in ${SHARED_DATA} (the shared datasets are read in place, never shipped)`);
      return false;
    });

  await removeBenchData();
  let firstLoad: FirstLoadFigure | null = null;
  let bench: BenchDatabase;
  const bulkFiles = present(FIRST_LOAD_FILES).map(benchDatasetFile);
  if (bulkFiles.length > 0) {
    // Neo4j's jars are fetched once per machine (the first start): provisioning,
    // not loading, so it happens before the clock starts.
    const { java, release } = await chooseRuntime();
    await ensureJars(release.version, java, log);
    const started = Date.now();
    const loaded = await bulkLoad(bulkFiles, {
      dataDir: BENCH_NEO4J.dataDir,
      batchSize: BATCH_SIZE,
      rowsPerFile: options.rowsPerFile,
      onProgress: log,
    });
    const startedNeo4j = Date.now();
    bench = await openBenchDatabase({ fresh: false, log, migrate: false });
    const startSeconds = seconds(startedNeo4j);
    const indexing = Date.now();
    await bench.migrate();
    const indexSeconds = seconds(indexing);
    const completing = Date.now();
    await completeBulkLoad(bench.db);
    const completeSeconds = seconds(completing);
    const total = seconds(started);
    const events = loaded.graph.events;
    firstLoad = {
      files: loaded.files.map((f) => ({
        file: path.relative(SHARED_DATA, f.file),
        rows: f.rows,
        events: f.eventsCreated,
        rejected: f.rejected.length,
      })),
      events,
      csvSeconds: loaded.csvSeconds,
      adminSeconds: loaded.adminSeconds,
      adminReport: loaded.adminReport,
      startSeconds,
      indexSeconds,
      completeSeconds,
      seconds: total,
      eventsPerSecond: rate(events, total),
    };
    log(
      `first load (bulk): ${events} events in ${total.toFixed(1)} s = ${Math.round(firstLoad.eventsPerSecond)} events/s ` +
        `(CSV ${loaded.csvSeconds.toFixed(1)} s, neo4j-admin ${loaded.adminSeconds.toFixed(1)} s, ` +
        `start ${startSeconds.toFixed(1)} s, indexes ${indexSeconds.toFixed(1)} s, lists ${completeSeconds.toFixed(1)} s)`,
    );
  } else {
    bench = await openBenchDatabase({ fresh: false, log });
  }

  const graph = createGraph(bench.db);
  const resolve = createRegisterResolver();
  const incrementFiles: ImportFigure[] = [];
  for (const dataFile of present(INCREMENT_FILES).map(benchDatasetFile)) {
    const { format, file, dataset } = dataFile;
    const { input, results: all } = readDatasetFile(dataFile, resolve);
    // Aggregated relations once per file, as a long import should (src/graph/import.ts startImport).
    const importer = graph.startImport(`${format}:${dataset}`);
    const summary = await runImport(
      options.rowsPerFile ? takeFirst(all, options.rowsPerFile) : all,
      importer.saveBatch,
      {
        batchSize: BATCH_SIZE,
        finish: importer.finish,
      },
    );
    input.destroy();
    incrementFiles.push({
      file: path.relative(SHARED_DATA, file),
      rows: summary.rows,
      events: summary.eventsCreated,
      rejected: summary.rejected.length,
      seconds: summary.seconds,
    });
    log(
      `import ${path.relative(SHARED_DATA, file)} (transactional, into the loaded graph): ${summary.eventsCreated} events ` +
        `in ${summary.seconds.toFixed(1)} s (${Math.round(rate(summary.eventsCreated, summary.seconds))} events/s)`,
    );
  }
  const incrementEvents = incrementFiles.reduce((n, f) => n + f.events, 0);
  const incrementSeconds = incrementFiles.reduce((n, f) => n + f.seconds, 0);
  const increment =
    incrementFiles.length > 0
      ? {
          files: incrementFiles,
          events: incrementEvents,
          seconds: incrementSeconds,
          eventsPerSecond: rate(incrementEvents, incrementSeconds),
        }
      : null;

  const { files: articleFiles } = await expandInputs([SAMPLE_CORPUS]);
  let articles = 0;
  for (const file of articleFiles) {
    for await (const item of readSourceFile(file, 5_000_000)) {
      if ("document" in item) {
        await ingestDocument(graph, extractDocument, item.document);
        articles++;
      }
    }
  }
  log(`ingested ${articles} sample articles`);
  return { bench, data: { firstLoad, increment, skipped, articles } };
}

async function main() {
  const quick = process.argv.includes("--quick");
  const { bench } = await loadBenchData(quick ? { rowsPerFile: 20_000 } : {});
  await bench.stop();
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((error) => {
    console.error(error);
    process.exitCode = 1;
  });
}
