// The data layer: the only code that runs Cypher. createGraph(db) gives the
// API and the use cases one object with a function per question or write;
// each domain lives in its own module.
import type { Database } from "../db/database.ts";
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
  };
}

export type Graph = ReturnType<typeof createGraph>;
