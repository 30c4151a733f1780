// Opens the database for a command: NEO4J_URI when set, else the local Neo4j
// (started in the background if it is not running, and left running for
// `npm start` to reuse), with the schema migrations applied.
import type { Config } from "../config.ts";
import { Database } from "../db/database.ts";
import { startLocalNeo4j } from "../db/local-neo4j.ts";
import { applyMigrations } from "../db/migrate.ts";

export async function openDatabase(
  config: Config,
  onProgress: (message: string) => void = () => {},
): Promise<Database> {
  let uri = config.neo4jUri;
  if (!uri) {
    const neo4j = await startLocalNeo4j({ ...config.localNeo4j, detached: true, onProgress });
    uri = neo4j.uri;
  }
  const db = new Database({
    uri,
    user: config.neo4jUser,
    password: config.neo4jPassword,
    database: config.neo4jDatabase,
    queryTimeoutMs: Math.max(config.queryTimeoutMs, 120_000),
  });
  try {
    await db.ping();
    await applyMigrations(db);
  } catch (error) {
    await db.close();
    throw error;
  }
  return db;
}
