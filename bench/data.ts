// `npm run bench:data [-- --quick]`: loads the benchmark graph into the bench
// Neo4j through the project's own import path (UCDP GED Syria, the three
// ICEWS files of ../shared/data, then the sample articles through ingestion)
// and prints the import rate. The files are read where they are; ICEWS is
// never copied. Prints figures; never passes or fails on time.
import { createReadStream, existsSync } from "node:fs";
import path from "node:path";
import type { Database } from "../src/db/database.ts";
import { createGraph } from "../src/graph/index.ts";
import { readIcews } from "../src/import/icews.ts";
import type { ParseResult } from "../src/import/records.ts";
import { createRegisterResolver } from "../src/import/register-resolver.ts";
import { runImport } from "../src/import/run-import.ts";
import { readUcdp } from "../src/import/ucdp.ts";
import { extractDocument } from "../src/ingest/extractor.ts";
import { ingestDocument } from "../src/ingest/ingest-document.ts";
import { SAMPLE_CORPUS } from "../src/ingest/ingest-paths.ts";
import { expandInputs, readSourceFile } from "../src/ingest/sources.ts";
import { openBenchDatabase, SHARED_DATA } from "./neo4j.ts";

export type ImportFigure = { file: string; rows: number; events: number; rejected: number; seconds: number };
export type DataSummary = {
  files: ImportFigure[];
  skipped: string[];
  events: number;
  seconds: number;
  eventsPerSecond: number;
  articles: number;
};

const UCDP_FILE = "ucdp_ged_syria_2016_2019.csv";
const ICEWS_FILES = ["icews/icews14_named.tsv", "icews/icews05_named.tsv", "icews/icews18_named.tsv"];

async function* firstRows(results: AsyncIterable<ParseResult>, limit: number): AsyncGenerator<ParseResult> {
  let n = 0;
  for await (const result of results) {
    if (n++ >= limit) return;
    yield result;
  }
}

/** Imports the real files (the first `rowsPerFile` rows of each when given) and the sample articles. */
export async function loadBenchData(
  db: Database,
  options: { rowsPerFile?: number; batchSize?: number; log?: (m: string) => void } = {},
): Promise<DataSummary> {
  const log = options.log ?? console.log;
  const graph = createGraph(db);
  const resolve = createRegisterResolver();
  const files: ImportFigure[] = [];
  const skipped: string[] = [];
  for (const file of [UCDP_FILE, ...ICEWS_FILES]) {
    const full = path.join(SHARED_DATA, file);
    if (!existsSync(full)) {
      skipped.push(file);
      log(`skipped ${file}: not found in ${SHARED_DATA} (the shared datasets are read in place, never shipped)`);
      continue;
    }
    const format = file.endsWith(".csv") ? "ucdp" : "icews";
    const dataset = path
      .basename(file)
      .replace(/\.[^.]+$/, "")
      .replace(/_/g, "-");
    const input = createReadStream(full);
    const all = format === "ucdp" ? readUcdp(input, resolve) : readIcews(input, dataset, resolve);
    const results = options.rowsPerFile ? firstRows(all, options.rowsPerFile) : all;
    // Aggregated relations once per file, as a long import should (src/graph/import.ts startImport).
    const importer = graph.startImport(`${format}:${dataset}`);
    const summary = await runImport(results, importer.saveBatch, {
      batchSize: options.batchSize ?? 5000,
      finish: importer.finish,
    });
    input.destroy();
    files.push({
      file,
      rows: summary.rows,
      events: summary.eventsCreated,
      rejected: summary.rejected.length,
      seconds: summary.seconds,
    });
    log(
      `import ${file}: ${summary.rows} rows, ${summary.eventsCreated} events, ${summary.rejected.length} rejected ` +
        `in ${summary.seconds.toFixed(1)} s (${Math.round(summary.eventsCreated / Math.max(summary.seconds, 0.001))} events/s)`,
    );
  }

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

  const events = files.reduce((n, f) => n + f.events, 0);
  const seconds = files.reduce((n, f) => n + f.seconds, 0);
  return { files, skipped, events, seconds, eventsPerSecond: events / Math.max(seconds, 0.001), articles };
}

async function main() {
  const quick = process.argv.includes("--quick");
  const bench = await openBenchDatabase({ fresh: true, log: console.log });
  try {
    const summary = await loadBenchData(bench.db, quick ? { rowsPerFile: 20_000 } : {});
    console.log(
      `import: ${summary.events} events in ${summary.seconds.toFixed(1)} s = ${Math.round(summary.eventsPerSecond)} events/s`,
    );
  } finally {
    await bench.stop();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((error) => {
    console.error(error);
    process.exitCode = 1;
  });
}
