// Runs a structured-data import: parse results in, batches of records out to
// the graph, every rejected row counted with its line and reason.
import type { ImportBatchResult } from "../graph/import.ts";
import type { ImportedRecord, ParseResult, RejectedRow } from "./records.ts";

export type ImportSummary = {
  rows: number;
  imported: number;
  eventsCreated: number;
  claimsCreated: number;
  /** Rows already in the graph from an earlier run (idempotent re-import). */
  alreadyPresent: number;
  rejected: RejectedRow[];
  seconds: number;
};

export async function runImport(
  results: AsyncIterable<ParseResult>,
  saveBatch: (records: ImportedRecord[]) => Promise<ImportBatchResult>,
  options: {
    batchSize: number;
    onProgress?: (summary: ImportSummary) => void;
    /** Work left for the end of the import (deferred relation recomputation); counted in `seconds`. */
    finish?: () => Promise<unknown>;
  },
): Promise<ImportSummary> {
  const started = Date.now();
  const summary: ImportSummary = {
    rows: 0,
    imported: 0,
    eventsCreated: 0,
    claimsCreated: 0,
    alreadyPresent: 0,
    rejected: [],
    seconds: 0,
  };
  let batch: ImportedRecord[] = [];
  const flush = async () => {
    if (batch.length === 0) return;
    const result = await saveBatch(batch);
    summary.imported += batch.length;
    summary.eventsCreated += result.eventsCreated;
    summary.claimsCreated += result.claimsCreated;
    summary.alreadyPresent += batch.filter((r) => r.event).length - result.eventsCreated;
    batch = [];
    summary.seconds = (Date.now() - started) / 1000;
    options.onProgress?.(summary);
  };
  for await (const result of results) {
    if ("rejected" in result) {
      summary.rows++;
      summary.rejected.push(result.rejected);
    } else if ("record" in result) {
      summary.rows++;
      batch.push(result.record);
      if (batch.length >= options.batchSize) await flush();
    }
  }
  await flush();
  await options.finish?.();
  summary.seconds = (Date.now() - started) / 1000;
  return summary;
}
