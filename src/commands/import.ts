// `actorgraph import ucdp FILE.csv` and `actorgraph import icews FILE.tsv`:
// structured event data into the same graph, in batched transactions,
// idempotent on the dataset's event ids; malformed rows are reported.
import { parseArgs } from "node:util";
import type { Command } from "../cli.ts";
import { loadConfig } from "../config.ts";
import { InvalidInputError } from "../errors.ts";
import { createGraph } from "../graph/index.ts";
import { type DatasetFormat, datasetName, fileSizes, readDatasetFile } from "../import/dataset-files.ts";
import { createRegisterResolver } from "../import/register-resolver.ts";
import { runImport } from "../import/run-import.ts";
import { openDatabase } from "./connect.ts";
import { createProgress } from "./progress.ts";

const HELP = `Usage: actorgraph import ucdp FILE.csv [--batch-size N] [--relations-at-end]
       actorgraph import icews FILE.tsv [--dataset NAME] [--batch-size N] [--relations-at-end]

ucdp   UCDP GED CSV (id, side_a, side_b, date_start, date_prec, where_coordinates,
       low/best/high, source_headline, …): one event per row, a FIGHTS claim
       (ATTACKS for one-sided violence), the headline as evidence.
icews  ICEWS TSV (subject, rel_id, [relation_inferred,] object, date): one event
       per row; CAMEO relations that map onto a predicate become claims.
       --dataset names the ids (default: the file name, e.g. icews14_named).

--relations-at-end  recompute the aggregated relations the rows feed once, at
       the end, instead of after every batch (faster on big files; until the
       import ends, or is re-run after an interruption, relation confidences
       lag behind the new claims).

Re-importing the same file adds nothing. Rows that cannot be read are listed
with their line and reason; the exit code is 1 when there were any.`;

/** --batch-size, shared with `db load`: records per transaction (or per merge step of a bulk load). */
export function parseBatchSize(value: string | undefined): number {
  const batchSize = Number(value);
  if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > 50_000) {
    throw new InvalidInputError("--batch-size must be a whole number from 1 to 50000.");
  }
  return batchSize;
}

export const importCommand: Command = {
  summary: "import structured event data (UCDP GED CSV, ICEWS TSV)",
  async run(args) {
    const { values, positionals } = parseArgs({
      args,
      options: {
        "batch-size": { type: "string", default: "2000" },
        dataset: { type: "string" },
        "relations-at-end": { type: "boolean", default: false },
        help: { type: "boolean", short: "h", default: false },
      },
      allowPositionals: true,
    });
    const [format, file] = positionals;
    if (values.help || !format || !file || !["ucdp", "icews"].includes(format)) {
      console.log(HELP);
      return values.help ? 0 : 2;
    }
    const batchSize = parseBatchSize(values["batch-size"]);
    const [size = 0] = await fileSizes([file]);

    const resolve = createRegisterResolver();
    const dataset = values.dataset ?? datasetName(file);
    const { input, results } = readDatasetFile({ format: format as DatasetFormat, file, dataset }, resolve);

    const db = await openDatabase(loadConfig(), (m) => console.error(m));
    const graph = createGraph(db);
    // Progress in bytes of the file: the row count is not known before the end.
    const progress = createProgress(`import ${format}`, "KB");
    const totalKb = Math.ceil(size / 1024);
    try {
      const source = `${format}:${dataset}`;
      const deferred = values["relations-at-end"] ? graph.startImport(source) : null;
      const summary = await runImport(
        results,
        deferred ? deferred.saveBatch : (records) => graph.saveImportedBatch(records, source),
        {
          batchSize,
          onProgress: () => progress.update(Math.min(Math.ceil(input.bytesRead / 1024), totalKb), totalKb),
          ...(deferred ? { finish: deferred.finish } : {}),
        },
      );
      progress.stop();
      for (const rejected of summary.rejected.slice(0, 50)) console.error(`line ${rejected.line}: ${rejected.reason}`);
      if (summary.rejected.length > 50) console.error(`… and ${summary.rejected.length - 50} more rejected rows`);
      console.log(
        `${summary.rows} rows in ${summary.seconds.toFixed(1)} s (${(summary.imported / Math.max(summary.seconds, 0.001)).toFixed(0)} events/s): ` +
          `imported ${summary.imported} (new events ${summary.eventsCreated}, already present ${summary.alreadyPresent}, new claims ${summary.claimsCreated}), ` +
          `rejected ${summary.rejected.length}`,
      );
      return summary.rejected.length > 0 ? 1 : 0;
    } finally {
      await db.close();
    }
  },
};
