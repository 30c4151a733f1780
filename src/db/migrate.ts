// Applies the schema migrations in cypher/migrations/ (constraints, indexes,
// full-text indexes) in file order. Every statement is written to be
// idempotent (IF NOT EXISTS), so running them on each start is safe and cheap.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { CYPHER_DIR, splitStatements } from "./cypher.ts";
import type { Database } from "./database.ts";

const MIGRATIONS_DIR = path.join(CYPHER_DIR, "migrations");

export type Migration = { name: string; statements: string[] };

export function loadMigrations(dir = MIGRATIONS_DIR): Migration[] {
  return readdirSync(dir)
    .filter((file) => file.endsWith(".cypher"))
    .sort()
    .map((file) => ({ name: file, statements: splitStatements(readFileSync(path.join(dir, file), "utf8")) }));
}

/** Applies every migration and waits until the indexes are online. Returns the names applied. */
export async function applyMigrations(db: Database, migrations = loadMigrations()): Promise<string[]> {
  for (const migration of migrations) {
    for (const statement of migration.statements) {
      try {
        await db.write(statement);
      } catch (error) {
        throw new Error(`Migration ${migration.name} failed on:\n${statement}\n${(error as Error).message}`, {
          cause: error,
        });
      }
    }
  }
  await db.write("CALL db.awaitIndexes(120)");
  return migrations.map((m) => m.name);
}
