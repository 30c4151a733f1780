// createApp: the GraphQL HTTP app (Yoga), built but never started; server.ts
// listens, tests call app.fetch() in process.
import { EnvelopArmorPlugin } from "@escape.tech/graphql-armor";
import { usePersistedOperations } from "@graphql-yoga/plugin-persisted-operations";
import { renderGraphiQL } from "@graphql-yoga/render-graphiql";
import { type GraphQLError, NoSchemaIntrospectionCustomRule } from "graphql";
import { createPubSub, createYoga, type Plugin, useReadinessCheck } from "graphql-yoga";
import type { Authenticator } from "../auth/authenticate.ts";
import { ANONYMOUS } from "../auth/roles.ts";
import type { RequestStats } from "../db/database.ts";
import type { ClaimRecord, Graph } from "../graph/index.ts";
import type { Logger } from "../log.ts";
import { useRequestBodyLimit } from "./body-limit.ts";
import type { Context } from "./context.ts";
import { maskError, useStableErrorCodes, useUnexpectedErrorLog } from "./errors.ts";
import { DEFAULT_OPERATION, EXAMPLE_OPERATIONS } from "./examples.ts";
import { useCompiledExecution } from "./jit.ts";
import { schema } from "./schema.ts";
import { useAllowedValuesInValidationErrors, withAllowedValues } from "./validation.ts";

/** What readiness depends on; server.ts keeps it current. */
export type Readiness = () => { ready: true } | { ready: false; reason: string };

export type ServerContext = {
  requestId?: string;
  log?: Logger;
  /** Filled by the database while the request runs; reported in the Server-Timing header. */
  stats?: RequestStats;
  /** When the server received the request (performance.now()). */
  startedAt?: number;
};

/**
 * Server-Timing on every GraphQL response: time spent on Neo4j statements
 * (summed, with their count) and in the whole request, so a client (or the
 * benchmark) sees how much of a slow answer was the database.
 */
function useServerTiming(): Plugin<object, ServerContext> {
  return {
    onResponse({ response, serverContext }) {
      const { stats, startedAt } = serverContext ?? {};
      if (!stats || startedAt === undefined) return;
      const total = performance.now() - startedAt;
      response.headers.set(
        "server-timing",
        `db;dur=${stats.databaseMs.toFixed(2)};desc="${stats.roundTrips} Cypher statement${stats.roundTrips === 1 ? "" : "s"}", ` +
          `total;dur=${total.toFixed(2)}`,
      );
    },
  };
}

export type AppOptions = {
  graph: Graph;
  log: Logger;
  readiness: Readiness;
  /** From Config: body size limit, CORS allow-list, GraphiQL and introspection switches. */
  http?: { maxBodyBytes: number; corsOrigins: string[]; graphiql: boolean; introspection?: boolean };
  /**
   * Allow-list mode (PERSISTED_OPERATIONS_FILE): only these operations run,
   * named by the sha256 of their text; any other document is refused.
   */
  persistedOperations?: ReadonlyMap<string, string> | null;
  /** Who may do what; without it every caller is anonymous and reads are open. */
  auth?: { authenticator: Authenticator | null; readsRequireRole: boolean };
};

const DEFAULT_AUTH = { authenticator: null, readsRequireRole: false };
const DEFAULT_HTTP = { maxBodyBytes: 1_000_000, corsOrigins: [] as string[], graphiql: true, introspection: true };

/** The limits every operation is checked against before it runs (graphql-armor); exported for tests and docs. */
export const OPERATION_LIMITS = {
  depth: 12,
  aliases: 20,
  directives: 10,
  tokens: 2000,
  // Armor's cost grows 1.5× per level, and a Relay connection is three levels
  // (relations.edges.actor): actors → relations → actor → relations, an
  // ordinary analyst query (bench nested-depth-3), costs about 35k.
  cost: 60_000,
} as const;

/** INTROSPECTION=off: __schema and __type are refused in validation (__typename stays). */
function useNoIntrospection(): Plugin {
  return {
    onValidate({ addValidationRule }) {
      addValidationRule(NoSchemaIntrospectionCustomRule);
    },
  };
}

/** Allow-list mode: Apollo-style `extensions.persistedQuery.sha256Hash` or `documentId` names the operation. */
function useAllowList(operations: ReadonlyMap<string, string>): Plugin {
  return usePersistedOperations({
    allowArbitraryOperations: false,
    extractPersistedOperationId: (params) => {
      const hash = (params.extensions?.persistedQuery as { sha256Hash?: unknown } | undefined)?.sha256Hash;
      const documentId = (params as { documentId?: unknown }).documentId;
      const id = typeof hash === "string" ? hash : documentId;
      return typeof id === "string" ? id : null;
    },
    getPersistedOperation: (id) => operations.get(id) ?? null,
    customErrors: {
      persistedQueryOnly: {
        message:
          "This server runs only allow-listed operations (PERSISTED_OPERATIONS_FILE): send extensions.persistedQuery.sha256Hash or documentId instead of a query.",
        extensions: { code: "PERSISTED_QUERY_ONLY", http: { status: 400 } },
      },
      notFound: {
        message:
          "Unknown operation: its hash is not in the allow-list (PERSISTED_OPERATIONS_FILE). Add it there and restart.",
        extensions: { code: "PERSISTED_QUERY_NOT_FOUND", http: { status: 400 } },
      },
      keyNotFound: {
        message: "Send the operation's hash as extensions.persistedQuery.sha256Hash or documentId.",
        extensions: { code: "PERSISTED_QUERY_NOT_FOUND", http: { status: 400 } },
      },
    },
  });
}

export function createApp({
  graph,
  log,
  readiness,
  http = DEFAULT_HTTP,
  auth = DEFAULT_AUTH,
  persistedOperations = null,
}: AppOptions) {
  const pubsub = createPubSub<{ claimAdded: [ClaimRecord] }>();
  return createYoga<ServerContext, Context>({
    schema,
    logging: log,
    graphqlEndpoint: "/graphql",
    healthCheckEndpoint: "/healthz",
    landingPage: false,
    // Bodies over the limit are refused with 413 before they are parsed (useRequestBodyLimit).
    maxRequestBodySize: false,
    // Cross-origin browsers only from the allow-list (CORS_ORIGINS); none by default.
    cors: { origin: http.corsOrigins.length > 0 ? http.corsOrigins : [], credentials: false },
    // GraphiQL rendered from the bundled package: no CDN at run time.
    renderGraphiQL,
    graphiql: http.graphiql
      ? {
          title: "actorgraph",
          defaultQuery: DEFAULT_OPERATION.query,
          defaultTabs: [DEFAULT_OPERATION, ...EXAMPLE_OPERATIONS].map((op) => ({
            query: op.query,
            variables: op.variables ? JSON.stringify(op.variables, null, 2) : null,
          })),
        }
      : false,
    maskedErrors: {
      maskError: (error, message) => withAllowedValues(schema, maskError(error, message) as GraphQLError),
    },
    context: async ({ request, requestId, log: requestLog }) => ({
      graph,
      requestId: requestId ?? crypto.randomUUID(),
      log: requestLog ?? log,
      // Credentials that are presented but wrong fail the request (UNAUTHENTICATED).
      principal: auth.authenticator ? await auth.authenticator.authenticate(request.headers) : ANONYMOUS,
      readsRequireRole: auth.readsRequireRole,
      pubsub,
    }),
    plugins: [
      useServerTiming(),
      useRequestBodyLimit(http.maxBodyBytes),
      // Bounded queries: nesting, aliases and size are checked before any Cypher runs.
      EnvelopArmorPlugin({
        maxDepth: { n: OPERATION_LIMITS.depth, exposeLimits: true },
        maxAliases: { n: OPERATION_LIMITS.aliases, exposeLimits: true },
        maxDirectives: { n: OPERATION_LIMITS.directives, exposeLimits: true },
        maxTokens: { n: OPERATION_LIMITS.tokens, exposeLimits: true },
        costLimit: { maxCost: OPERATION_LIMITS.cost, exposeLimits: true },
        blockFieldSuggestion: { enabled: false },
      }),
      ...(http.introspection === false ? [useNoIntrospection()] : []),
      ...(persistedOperations ? [useAllowList(persistedOperations)] : []),
      useAllowedValuesInValidationErrors(),
      useStableErrorCodes(),
      useUnexpectedErrorLog(),
      useCompiledExecution(),
      useReadinessCheck({
        endpoint: "/readyz",
        check: ({ fetchAPI }) => {
          const state = readiness();
          if (state.ready)
            return new fetchAPI.Response(JSON.stringify({ ready: true }), {
              status: 200,
              headers: { "content-type": "application/json" },
            });
          return new fetchAPI.Response(JSON.stringify(state), {
            status: 503,
            headers: { "content-type": "application/json" },
          });
        },
      }),
    ],
  });
}

export type App = ReturnType<typeof createApp>;
