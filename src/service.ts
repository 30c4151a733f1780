// Wires the running service: config -> Neo4j (local or NEO4J_URI) ->
// migrations -> graph -> GraphQL app -> HTTP server, and stops it all in
// reverse order. server.ts calls it; tests start it in process.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { readAllowList } from "./api/persisted-operations.ts";
import { createApp } from "./api/yoga.ts";
import { createAuthenticator } from "./auth/authenticate.ts";
import { createJwtVerifier } from "./auth/jwt.ts";
import type { Config } from "./config.ts";
import { Database } from "./db/database.ts";
import { type StartedNeo4j, startLocalNeo4j } from "./db/local-neo4j.ts";
import { applyMigrations } from "./db/migrate.ts";
import { createGraph, type Graph } from "./graph/index.ts";
import { createExplorerHandler } from "./http/explorer.ts";
import { createRateLimit } from "./http/rate-limit.ts";
import { applySecurityHeaders } from "./http/security-headers.ts";
import { ingestPaths, SAMPLE_CORPUS } from "./ingest/ingest-paths.ts";
import type { Logger } from "./log.ts";

export type Service = {
  url: string;
  db: Database;
  /** Finishes in-flight requests, closes the driver, stops a Neo4j we started. */
  stop: () => Promise<void>;
};

/** First start on an empty graph: ingest the sample corpus so the playground has something to show. */
async function loadSampleIfEmpty(graph: Graph, maxBytes: number, log: Logger): Promise<void> {
  try {
    const stats = await graph.getStats();
    if (stats.documents > 0 || stats.actorsByType.length > 0) return;
    log.info(`empty graph: ingesting the sample corpus (${SAMPLE_CORPUS})`);
    const summary = await ingestPaths(graph, [SAMPLE_CORPUS], { concurrency: 2, maxBytes });
    log.info(
      { created: summary.created, failed: summary.failed, claims: summary.claims, seconds: summary.seconds },
      "sample corpus ingested",
    );
    for (const failure of summary.failures) log.warn(failure, "sample document failed");
  } catch (error) {
    log.warn({ err: (error as Error).message }, "could not load the sample corpus; the API still serves");
  }
}

export async function startService(config: Config, log: Logger): Promise<Service> {
  let neo4j: StartedNeo4j | null = null;
  let uri = config.neo4jUri;
  if (!uri) {
    neo4j = await startLocalNeo4j({
      ...config.localNeo4j,
      onProgress: (message) => log.info(message),
    });
    uri = neo4j.uri;
    log.info({ uri, version: neo4j.version, reused: !neo4j.startedHere }, "local Neo4j ready");
  }

  const db = new Database({
    uri,
    user: config.neo4jUser,
    password: config.neo4jPassword,
    database: config.neo4jDatabase,
    queryTimeoutMs: config.queryTimeoutMs,
  });
  let migrated = false;
  let migrating: Promise<void> | null = null;
  const migrate = () => {
    if (migrated || migrating) return;
    migrating = applyMigrations(db)
      .then((names) => {
        migrated = true;
        log.info({ migrations: names.length }, "schema migrations applied");
      })
      .catch((error: Error) =>
        log.warn({ err: error.message }, "schema migrations not applied yet; retrying when Neo4j answers"),
      )
      .finally(() => {
        migrating = null;
      });
  };
  db.onAvailabilityChange((available) => {
    log[available ? "info" : "warn"]({ uri }, available ? "Neo4j is reachable again" : "Neo4j is unreachable");
    if (available) migrate();
  });
  db.startMonitor();
  migrate();
  await migrating;

  const graph = createGraph(db);
  if (config.sampleOnEmpty && migrated) await loadSampleIfEmpty(graph, config.limits.ingestMaxBytes, log);
  const app = createApp({
    graph,
    log,
    http: {
      maxBodyBytes: config.limits.maxBodyBytes,
      corsOrigins: config.web.corsOrigins,
      graphiql: config.web.graphiql,
      introspection: config.web.introspection,
    },
    auth: {
      authenticator: createAuthenticator({
        findApiKey: (id) => graph.findApiKey(id),
        verifyJwt: config.auth.jwt ? createJwtVerifier(config.auth.jwt) : null,
      }),
      readsRequireRole: config.auth.readsRequireRole,
    },
    persistedOperations: config.web.persistedOperationsFile ? readAllowList(config.web.persistedOperationsFile) : null,
    readiness: () => {
      if (!db.isAvailable) return { ready: false, reason: `Neo4j unreachable: ${db.unavailableReason}` };
      if (!migrated) return { ready: false, reason: "schema migrations not applied yet" };
      return { ready: true };
    },
  });

  const rateLimit = createRateLimit({ perMinute: config.limits.ratePerMinute });
  const serveExplorer = createExplorerHandler();
  const server: Server = createServer(async (req, res) => {
    const startedAt = performance.now();
    const header = req.headers["x-request-id"];
    const requestId = typeof header === "string" && /^[\w.-]{1,64}$/.test(header) ? header : crypto.randomUUID();
    res.setHeader("x-request-id", requestId);
    const requestLog = log.child({ requestId });
    const stats = { roundTrips: 0, databaseMs: 0 };
    res.on("finish", () => {
      const ms = performance.now() - startedAt;
      requestLog.info(
        {
          method: req.method,
          url: req.url,
          status: res.statusCode,
          ms: Math.round(ms * 10) / 10,
          dbMs: Math.round(stats.databaseMs * 10) / 10,
          statements: stats.roundTrips,
        },
        "request",
      );
    });
    applySecurityHeaders(req, res);
    if (!(await rateLimit(req, res))) return;
    if (serveExplorer(req, res)) return;
    void Database.recordStats(stats, () => app(req, res, { requestId, log: requestLog, stats, startedAt }));
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(config.port, config.host, () => resolve());
  });
  const address = server.address() as AddressInfo;
  const url = `http://${config.host === "0.0.0.0" ? "localhost" : config.host}:${address.port}`;

  return {
    url,
    db,
    stop: async () => {
      // Stop accepting; let in-flight requests finish (10 s at most).
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      const forced = setTimeout(() => server.closeAllConnections(), 10_000).unref();
      await closed;
      clearTimeout(forced);
      await db.close();
      if (neo4j?.startedHere) {
        log.info("stopping the local Neo4j this process started");
        await neo4j.stop();
      }
    },
  };
}
