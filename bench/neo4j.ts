// The benchmark's own Neo4j: a local one on its own port and data folder
// (.neo4j/bench), started as our child and stopped when the run ends, so a
// benchmark never touches the development database.
import { existsSync } from "node:fs";
import { rm } from "node:fs/promises";
import path from "node:path";
import { Database } from "../src/db/database.ts";
import { PROJECT_ROOT, type StartedNeo4j, startLocalNeo4j, statusLocalNeo4j } from "../src/db/local-neo4j.ts";
import { applyMigrations } from "../src/db/migrate.ts";

export const BENCH_NEO4J = {
  port: Number(process.env.BENCH_NEO4J_PORT ?? 7697),
  dataDir: ".neo4j/bench",
  heap: process.env.BENCH_NEO4J_HEAP ?? "2g",
  pageCache: process.env.BENCH_NEO4J_PAGE_CACHE ?? "1g",
};

/** ../shared/data beside the checkout (never copied into the repo: ICEWS may not be redistributed). */
export const SHARED_DATA = path.resolve(PROJECT_ROOT, "..", "shared", "data");

export type BenchDatabase = {
  db: Database;
  neo4j: StartedNeo4j;
  uri: string;
  /** Applies the migrations and waits for every index (done by open unless `migrate: false`). */
  migrate: () => Promise<void>;
  stop: () => Promise<void>;
};

async function refuseIfRunning(): Promise<void> {
  const status = await statusLocalNeo4j(BENCH_NEO4J.dataDir);
  if (status.state === "running") {
    throw new Error(
      `A bench Neo4j is already running (pid ${status.pid}, ${status.uri}); another benchmark is in progress. ` +
        `Wait for it, or stop it with: kill ${status.pid}`,
    );
  }
}

/** Deletes the bench database (its data folder), refusing while a bench Neo4j runs on it. */
export async function removeBenchData(): Promise<void> {
  await refuseIfRunning();
  const home = path.resolve(PROJECT_ROOT, BENCH_NEO4J.dataDir);
  if (existsSync(home)) await rm(home, { recursive: true, force: true });
}

/**
 * Starts the bench Neo4j (fresh: its data folder deleted first) and opens a
 * Database on it, migrated unless `migrate: false`.
 */
export async function openBenchDatabase(options: {
  fresh: boolean;
  log?: (m: string) => void;
  migrate?: boolean;
}): Promise<BenchDatabase> {
  const log = options.log ?? (() => {});
  if (options.fresh) await removeBenchData();
  else await refuseIfRunning();
  const neo4j = await startLocalNeo4j({ ...BENCH_NEO4J, onProgress: log });
  // A crashed run must not leave its Neo4j behind (it is our child, not detached).
  const killOnExit = () => {
    try {
      process.kill(neo4j.pid, "SIGTERM");
    } catch {}
  };
  process.once("exit", killOnExit);
  const db = new Database({
    uri: neo4j.uri,
    user: "neo4j",
    password: "",
    database: undefined,
    queryTimeoutMs: 600_000,
  });
  await db.ping();
  const migrate = async () => {
    await applyMigrations(db);
    await db.write("CALL db.awaitIndexes(300)");
  };
  if (options.migrate !== false) await migrate();
  return {
    db,
    neo4j,
    uri: neo4j.uri,
    migrate,
    stop: async () => {
      process.off("exit", killOnExit);
      await db.close();
      await neo4j.stop();
    },
  };
}
