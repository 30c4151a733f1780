// Documents: keyset pages (newest first), lookups by id, url and content
// hash, and their actors, claims and events (batched).
import type { Database } from "../db/database.ts";
import { byKey, readByIds, toKeysetPage } from "./common.ts";
import { decodeCursor, encodeCursor } from "./cursor.ts";
import { toIsoDay } from "./keys.ts";
import { checkCount, LIMITS } from "./limits.ts";
import type { ActorRecord, ClaimRecord, DocumentRecord, EventRecord, Page } from "./records.ts";

export type DocumentContents = { actors: ActorRecord[]; events: EventRecord[] };

export function createDocumentReads(db: Database) {
  return {
    async listDocuments(args: { first?: number | null; after?: string | null }): Promise<Page<DocumentRecord>> {
      const first = checkCount("first", args.first ?? 20, LIMITS.first);
      const cursor = decodeCursor("documents", args.after, 1);
      const rows = await db.read<{ document: DocumentRecord; sortKey: string }>("documents/page", {
        after: cursor?.[0] ?? null,
        limit: first + 1,
      });
      return toKeysetPage(
        rows,
        first,
        (r) => r.document,
        (r) => encodeCursor("documents", [r.sortKey]),
        async () => (await db.read<{ count: number }>("documents/count"))[0]?.count ?? 0,
      );
    },

    documentCursor(document: DocumentRecord & { publishedDate?: string | null }): string {
      return encodeCursor("documents", [`${toIsoDay(document.publishedAt) ?? "0000-00-00"}|${document.id}`]);
    },

    async findDocumentsByIds(ids: readonly string[]): Promise<(DocumentRecord | null)[]> {
      return readByIds<DocumentRecord>(db, "documents/find-by-ids", "document", ids);
    },

    /** The hashes an ingest compares to tell new, changed and unchanged documents apart (dry runs). */
    async findDocumentForSave(id: string): Promise<{ contentHash: string; extractionHash: string } | null> {
      const [row] = await db.read<{ contentHash: string; extractionHash: string }>("documents/find-for-save", { id });
      return row ?? null;
    },

    async findDocumentContents(ids: readonly string[]): Promise<DocumentContents[]> {
      const rows = await db.read<DocumentContents & { id: string }>("documents/contents", { ids: [...ids] });
      const empty: DocumentContents = { actors: [], events: [] };
      return byKey(
        ids,
        rows,
        (r) => r.id,
        (r): DocumentContents => r,
        empty,
      );
    },

    async findClaimsOfDocuments(ids: readonly string[], args: { first?: number | null }): Promise<ClaimRecord[][]> {
      const limit = checkCount("first", args.first ?? 50, LIMITS.first);
      const rows = await db.read<{ id: string; claims: ClaimRecord[] }>("claims/of-documents", {
        ids: [...ids],
        limit,
      });
      return byKey(
        ids,
        rows,
        (r) => r.id,
        (r) => r.claims,
        [] as ClaimRecord[],
      );
    },
  };
}
