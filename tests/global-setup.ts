// Integration tests run against a real Neo4j: NEO4J_URI when set, else a
// local one started here on a free port with its own data folder (never the
// one `npm start` uses), stopped and deleted afterwards.
import { rm } from "node:fs/promises";
import type { TestProject } from "vitest/node";
import { freePort, startLocalNeo4j } from "../src/db/local-neo4j.ts";

declare module "vitest" {
  export interface ProvidedContext {
    neo4jUri: string;
    neo4jUser: string;
    neo4jPassword: string;
  }
}

export default async function setup(project: TestProject) {
  project.provide("neo4jUser", process.env.NEO4J_USER ?? "neo4j");
  project.provide("neo4jPassword", process.env.NEO4J_PASSWORD ?? "");
  if (process.env.NEO4J_URI) {
    project.provide("neo4jUri", process.env.NEO4J_URI);
    return;
  }
  const port = await freePort();
  const dataDir = `.neo4j/test-${port}`;
  const started = Date.now();
  const neo4j = await startLocalNeo4j({
    port,
    dataDir,
    heap: "1g",
    pageCache: "128m",
    onProgress: (message) => console.log(`[test neo4j] ${message}`),
  });
  console.log(`[test neo4j] ready at ${neo4j.uri} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  project.provide("neo4jUri", neo4j.uri);
  return async () => {
    await neo4j.stop();
    await rm(dataDir, { recursive: true, force: true });
  };
}
