// The ingestion use case for one document: read its text and metadata,
// extract, and save it to the graph in one transaction. Same content again
// changes nothing; the same URL with new content replaces the old version.
import type { DocumentMeta, Extraction } from "../model.ts";
import { hashContent, toDocumentId } from "./document-identity.ts";
import type { SourceDocument } from "./sources.ts";

/** Parses a document (front matter included) and extracts it; pure. */
export type Extractor = (
  content: string,
  meta: Partial<DocumentMeta>,
) => { body: string; meta: DocumentMeta; extraction: Extraction };

export type IngestStatus = "created" | "replaced" | "unchanged";

/** The part of the graph that ingestion writes to. */
export type DocumentStore = {
  saveDocument(input: {
    id: string;
    text: string;
    contentHash: string;
    meta: DocumentMeta;
    extraction: Extraction;
  }): Promise<{ id: string; status: IngestStatus }>;
  findDocumentForSave(id: string): Promise<{ contentHash: string } | null>;
};

export type IngestOutcome = {
  origin: string;
  id: string;
  status: IngestStatus;
  /** With --dry-run nothing is written; status says what would happen. */
  dryRun: boolean;
  actors: number;
  claims: number;
  events: number;
};

export async function ingestDocument(
  graph: DocumentStore,
  extract: Extractor,
  source: SourceDocument,
  options: { dryRun?: boolean } = {},
): Promise<IngestOutcome> {
  const { body, meta, extraction } = extract(source.content, source.meta);
  const contentHash = hashContent(body);
  const id = toDocumentId({ url: meta.url, title: meta.title, contentHash });
  const counts = {
    actors: extraction.entities.length,
    claims: extraction.relations.length,
    events: extraction.events.length,
  };
  if (options.dryRun) {
    const existing = await graph.findDocumentForSave(id);
    const status: IngestStatus = !existing
      ? "created"
      : existing.contentHash === contentHash
        ? "unchanged"
        : "replaced";
    return { origin: source.origin, id, status, dryRun: true, ...counts };
  }
  const saved = await graph.saveDocument({ id, text: body, contentHash, meta, extraction });
  return { origin: source.origin, id: saved.id, status: saved.status, dryRun: false, ...counts };
}
