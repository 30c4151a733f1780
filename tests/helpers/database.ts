// The real test Neo4j for integration tests: a Database on the URI the
// global setup provides, migrations applied, and a wipe between tests.
import { inject } from "vitest";
import { Database } from "../../src/db/database.ts";
import { applyMigrations } from "../../src/db/migrate.ts";

export function testDatabaseOptions() {
  return {
    uri: inject("neo4jUri"),
    user: inject("neo4jUser"),
    password: inject("neo4jPassword"),
    database: undefined,
    queryTimeoutMs: 20_000,
  };
}

/** A connected Database with the schema migrations applied. */
export async function openTestDatabase(): Promise<Database> {
  const db = new Database(testDatabaseOptions());
  await applyMigrations(db);
  return db;
}

/** Removes every node and relationship (test data only; the schema stays). */
export async function wipe(db: Database): Promise<void> {
  await db.write("MATCH (n) DETACH DELETE n");
}
