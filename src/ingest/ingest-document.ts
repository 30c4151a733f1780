// The ingestion use case for one document: read its text and metadata,
// extract, and save it to the graph in one transaction. Same content again
// changes nothing; the same URL with new content replaces the old version.
import type { AuditActor } from "../graph/audit.ts";
import type { DocumentMeta, Entity, Extraction } from "../model.ts";
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
  saveDocument(
    input: { id: string; text: string; contentHash: string; meta: DocumentMeta; extraction: Extraction },
    audit?: AuditActor,
  ): Promise<{ id: string; status: IngestStatus }>;
  findDocumentForSave(id: string): Promise<{ contentHash: string } | null>;
  resolveEntityIds(entities: Entity[]): Promise<Map<string, string>>;
};

/**
 * Entity resolution across documents: the extractor's ids (register ids
 * first) unless the graph already knows the entity under another id (a
 * merge, or the same name, alias or acronym). The surface name stays as an alias.
 */
export function applyResolution(extraction: Extraction, resolved: Map<string, string>): Extraction {
  if (resolved.size === 0) return extraction;
  const to = (id: string) => resolved.get(id) ?? id;
  return {
    entities: extraction.entities.map((e) =>
      resolved.has(e.id) ? { ...e, id: to(e.id), aliases: [...new Set([e.name, ...e.aliases])] } : e,
    ),
    relations: extraction.relations
      .map((r) => ({ ...r, subject: to(r.subject), object: to(r.object) }))
      .filter((r) => r.subject !== r.object),
    events: extraction.events.map((e) => ({
      ...e,
      perpetrators: [...new Set(e.perpetrators.map(to))],
      targets: [...new Set(e.targets.map(to))],
      locations: [...new Set(e.locations.map(to))],
    })),
  };
}

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
  options: { dryRun?: boolean; audit?: AuditActor } = {},
): Promise<IngestOutcome> {
  const { body, meta, extraction: extracted } = extract(source.content, source.meta);
  const contentHash = hashContent(body);
  const id = toDocumentId({ url: meta.url, title: meta.title, contentHash });
  const extraction = applyResolution(extracted, await graph.resolveEntityIds(extracted.entities));
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
  const saved = await graph.saveDocument({ id, text: body, contentHash, meta, extraction }, options.audit);
  return { origin: source.origin, id: saved.id, status: saved.status, dryRun: false, ...counts };
}
