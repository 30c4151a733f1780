// Runs ingestion over many documents with bounded concurrency, keeps going
// past failures (each reported with its reason), and sums up the outcome.
import pLimit from "p-limit";
import type { IngestOutcome } from "./ingest-document.ts";
import type { SourceDocument, SourceFailure } from "./sources.ts";

export type IngestSummary = {
  documents: number;
  created: number;
  replaced: number;
  unchanged: number;
  failed: number;
  actors: number;
  claims: number;
  events: number;
  seconds: number;
  failures: SourceFailure[];
  outcomes: IngestOutcome[];
};

export type IngestProgress = { done: number; total: number; failed: number; elapsedMs: number };

export async function runIngest(
  documents: SourceDocument[],
  readFailures: SourceFailure[],
  ingest: (document: SourceDocument) => Promise<IngestOutcome>,
  options: {
    concurrency: number;
    onProgress?: (progress: IngestProgress) => void;
    onFailure?: (failure: SourceFailure) => void;
    onOutcome?: (outcome: IngestOutcome) => void;
  },
): Promise<IngestSummary> {
  const started = Date.now();
  const summary: IngestSummary = {
    documents: documents.length + readFailures.length,
    created: 0,
    replaced: 0,
    unchanged: 0,
    failed: 0,
    actors: 0,
    claims: 0,
    events: 0,
    seconds: 0,
    failures: [],
    outcomes: [],
  };
  const fail = (failure: SourceFailure) => {
    summary.failed++;
    summary.failures.push(failure);
    options.onFailure?.(failure);
  };
  for (const failure of readFailures) fail(failure);

  const limit = pLimit(Math.max(1, options.concurrency));
  let done = readFailures.length;
  const report = () =>
    options.onProgress?.({ done, total: summary.documents, failed: summary.failed, elapsedMs: Date.now() - started });
  report();
  await Promise.all(
    documents.map((document) =>
      limit(async () => {
        try {
          const outcome = await ingest(document);
          summary.outcomes.push(outcome);
          options.onOutcome?.(outcome);
          summary[outcome.status]++;
          if (outcome.status !== "unchanged") {
            summary.actors += outcome.actors;
            summary.claims += outcome.claims;
            summary.events += outcome.events;
          }
        } catch (error) {
          fail({ origin: document.origin, reason: (error as Error).message });
        } finally {
          done++;
          report();
        }
      }),
    ),
  );
  summary.seconds = (Date.now() - started) / 1000;
  return summary;
}
