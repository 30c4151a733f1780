// The first load of a new local database from dataset files: parse every
// file (rejected rows reported as by `runImport`), write the CSV files of
// the whole graph, and let neo4j-admin build the store from them. The caller
// then starts Neo4j, applies the migrations (indexes are built from the
// loaded data) and calls `completeBulkLoad`.
import { mkdir, rm } from "node:fs/promises";
import path from "node:path";
import { type AdminImportReport, assertLoadable, runAdminImport } from "../db/admin-import.ts";
import { PROJECT_ROOT } from "../db/local-neo4j.ts";
import { type BulkLoadSummary, createBulkLoadWriter } from "../graph/bulk-load.ts";
import { type DatasetFile, fileSizes, readDatasetFile } from "./dataset-files.ts";
import type { ParseResult } from "./records.ts";
import { createRegisterResolver } from "./register-resolver.ts";
import { type ImportSummary, runImport } from "./run-import.ts";

export type BulkLoadResult = {
  files: (ImportSummary & { file: string })[];
  graph: BulkLoadSummary;
  /** Parsing and writing the CSV files. */
  csvSeconds: number;
  /** neo4j-admin building the store, its JVM's start included. */
  adminSeconds: number;
  /** The admin tool's own report (its import alone, what it wrote); null if it printed none. */
  adminReport: AdminImportReport | null;
};

/**
 * Where a bulk load's records come from: a name for reports, the source
 * recorded on the names it gives actors, and the parse results (opened when
 * the load gets to it; `close` runs after).
 */
export type RecordSource = {
  name: string;
  source: string;
  open: () => { results: AsyncIterable<ParseResult>; close: () => void };
};

type LoadOptions = {
  dataDir: string;
  batchSize?: number;
  rowsPerFile?: number;
  replace?: boolean;
  onProgress?: (message: string) => void;
};

/**
 * Loads the files into the stopped local Neo4j on `dataDir` (which must not
 * hold a database unless `replace`). Records are merged in batches of
 * `batchSize`, so the graph equals `actorgraph import` of the same files in
 * the same order with the same --batch-size. Reads at most `rowsPerFile` rows
 * of each file when given.
 */
export async function bulkLoad(inputs: DatasetFile[], options: LoadOptions): Promise<BulkLoadResult> {
  await fileSizes(inputs.map((input) => input.file));
  const resolve = createRegisterResolver();
  return bulkLoadRecords(
    inputs.map((input) => ({
      name: input.file,
      source: `${input.format}:${input.dataset}`,
      open: () => {
        const { input: stream, results } = readDatasetFile(input, resolve);
        return { results, close: () => stream.destroy() };
      },
    })),
    options,
  );
}

/** `bulkLoad` from any record sources (the benchmark's synthetic graphs). */
export async function bulkLoadRecords(sources: RecordSource[], options: LoadOptions): Promise<BulkLoadResult> {
  const progress = options.onProgress ?? (() => {});
  // Refused before reading anything: parsing big files first would waste minutes.
  await assertLoadable(options.dataDir, options.replace ?? false);
  const csvDir = path.join(path.resolve(PROJECT_ROOT, options.dataDir), "bulk-load-csv");
  await rm(csvDir, { recursive: true, force: true });
  await mkdir(csvDir, { recursive: true });
  try {
    const started = Date.now();
    const writer = createBulkLoadWriter(csvDir);
    const files: BulkLoadResult["files"] = [];
    for (const input of sources) {
      const { results, close } = input.open();
      try {
        const summary = await runImport(
          options.rowsPerFile ? takeFirst(results, options.rowsPerFile) : results,
          async (records) => ({ ...(await writer.addBatch(records, input.source)), relationsRecomputed: 0 }),
          { batchSize: options.batchSize ?? 2000 },
        );
        files.push({ ...summary, file: input.name });
        progress(
          `${input.name}: ${summary.rows} rows, ${summary.eventsCreated} events, ${summary.rejected.length} rejected`,
        );
      } finally {
        close();
      }
    }
    const graph = await writer.finish();
    const csvSeconds = (Date.now() - started) / 1000;
    progress(
      `CSV written in ${csvSeconds.toFixed(1)} s: ${graph.actors} actors, ${graph.documents} documents, ` +
        `${graph.events} events, ${graph.claims} claims, ${graph.relations} relations`,
    );
    const { seconds: adminSeconds, report: adminReport } = await runAdminImport({
      dataDir: options.dataDir,
      files: graph.files,
      replace: options.replace,
      onProgress: progress,
    });
    progress(
      adminReport
        ? `neo4j-admin wrote ${adminReport.nodes} nodes, ${adminReport.relationships} relationships and ` +
            `${adminReport.properties} properties in ${adminReport.importSeconds.toFixed(1)} s ` +
            `(${adminSeconds.toFixed(1)} s with its JVM's start)`
        : `neo4j-admin built the store in ${adminSeconds.toFixed(1)} s`,
    );
    return { files, graph, csvSeconds, adminSeconds, adminReport };
  } finally {
    await rm(csvDir, { recursive: true, force: true });
  }
}

/** The first `limit` items (parse results: rows, rejected ones included). */
export async function* takeFirst<T>(items: AsyncIterable<T>, limit: number): AsyncGenerator<T> {
  let n = 0;
  for await (const item of items) {
    if (n++ >= limit) return;
    yield item;
  }
}
