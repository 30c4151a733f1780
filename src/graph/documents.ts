// Document lookups the write side needs (idempotency, dry runs).
import type { Database } from "../db/database.ts";

export function createDocumentLookups(db: Database) {
  return {
    /** The hashes an ingest compares against to tell new, changed and unchanged documents apart. */
    async findDocumentForSave(id: string): Promise<{ contentHash: string; extractionHash: string } | null> {
      const [row] = await db.read<{ contentHash: string; extractionHash: string }>("documents/find-for-save", { id });
      return row ?? null;
    },
  };
}
