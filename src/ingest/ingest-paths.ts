// Ingests files, folders and globs: reads every document (failures noted),
// then extracts and saves them with bounded concurrency. Shared by the
// `ingest` command and the sample corpus that `npm start` loads.
import path from "node:path";
import { PROJECT_ROOT } from "../db/local-neo4j.ts";
import { extractDocument } from "./extractor.ts";
import { type DocumentStore, type IngestOutcome, ingestDocument } from "./ingest-document.ts";
import { type IngestProgress, type IngestSummary, runIngest } from "./run-ingest.ts";
import { expandInputs, readSourceFile, type SourceDocument, type SourceFailure } from "./sources.ts";

/** The articles shipped with the project (see corpus/README.md for sources and licences). */
export const SAMPLE_CORPUS = path.join(PROJECT_ROOT, "corpus/articles");

export type IngestPathsOptions = {
  concurrency: number;
  maxBytes: number;
  dryRun?: boolean;
  onProgress?: (progress: IngestProgress) => void;
  onFailure?: (failure: SourceFailure) => void;
  onOutcome?: (outcome: IngestOutcome) => void;
};

export async function ingestPaths(
  store: DocumentStore,
  inputs: string[],
  options: IngestPathsOptions,
): Promise<IngestSummary> {
  const { files, failures } = await expandInputs(inputs);
  const documents: SourceDocument[] = [];
  const readFailures: SourceFailure[] = [...failures];
  for (const file of files) {
    for await (const item of readSourceFile(file, options.maxBytes)) {
      if ("document" in item) documents.push(item.document);
      else readFailures.push(item.failure);
    }
  }
  return runIngest(
    documents,
    readFailures,
    (document) => ingestDocument(store, extractDocument, document, { dryRun: options.dryRun ?? false }),
    options,
  );
}
