// The data layer: the only code that runs Cypher. createGraph(db) gives the
// API and the use cases one object with a function per question or write;
// each domain lives in its own module.
import type { Database } from "../db/database.ts";
import { createActorReads } from "./actors.ts";
import { createApiKeyStore } from "./api-keys.ts";
import { createAuditReads } from "./audit.ts";
import { createCuration } from "./curation.ts";
import { createDocumentReads } from "./documents.ts";
import { createEventReads } from "./events.ts";
import { createImportPath } from "./import.ts";
import { createRelationReads } from "./relations.ts";
import { createStatsReads } from "./stats.ts";
import { createTraversals } from "./traversal.ts";
import { createWritePath } from "./write.ts";

export type DatabaseInfo = { name: string; version: string; edition: string };

export function createGraph(db: Database) {
  return {
    /** Which Neo4j answers (the GraphiQL "is it up?" query). */
    async findDatabaseInfo(): Promise<DatabaseInfo | null> {
      const rows = await db.read<DatabaseInfo>("system/components");
      return rows[0] ?? null;
    },
    ...createWritePath(db),
    ...createImportPath(db),
    ...createApiKeyStore(db),
    ...createCuration(db),
    ...createAuditReads(db),
    ...createActorReads(db),
    ...createRelationReads(db),
    ...createEventReads(db),
    ...createDocumentReads(db),
    ...createTraversals(db),
    ...createStatsReads(db),
  };
}

export type Graph = ReturnType<typeof createGraph>;
export type { AuditEntry, AuditFilter } from "./audit.ts";
export type * from "./records.ts";
export type { Path, Subgraph, SupportChain, SupportLink } from "./traversal.ts";
