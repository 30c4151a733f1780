// createApp: the GraphQL HTTP app (Yoga), built but never started; server.ts
// listens, tests call app.fetch() in process.
import { EnvelopArmorPlugin } from "@escape.tech/graphql-armor";
import { renderGraphiQL } from "@graphql-yoga/render-graphiql";
import type { GraphQLError } from "graphql";
import { createYoga, useReadinessCheck } from "graphql-yoga";
import type { Graph } from "../graph/index.ts";
import type { Logger } from "../log.ts";
import type { Context } from "./context.ts";
import { maskError } from "./errors.ts";
import { DEFAULT_OPERATION, EXAMPLE_OPERATIONS } from "./examples.ts";
import { schema } from "./schema.ts";
import { useAllowedValuesInValidationErrors, withAllowedValues } from "./validation.ts";

/** What readiness depends on; server.ts keeps it current. */
export type Readiness = () => { ready: true } | { ready: false; reason: string };

export type ServerContext = { requestId?: string; log?: Logger };

export type AppOptions = {
  graph: Graph;
  log: Logger;
  readiness: Readiness;
  /** From Config: body size limit, CORS allow-list, GraphiQL switch. */
  http?: { maxBodyBytes: number; corsOrigins: string[]; graphiql: boolean };
};

const DEFAULT_HTTP = { maxBodyBytes: 1_000_000, corsOrigins: [] as string[], graphiql: true };

export function createApp({ graph, log, readiness, http = DEFAULT_HTTP }: AppOptions) {
  return createYoga<ServerContext, Context>({
    schema,
    logging: log,
    graphqlEndpoint: "/graphql",
    healthCheckEndpoint: "/healthz",
    landingPage: false,
    // Bodies over the limit are refused with 413 before they are parsed.
    maxRequestBodySize: http.maxBodyBytes,
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
    context: ({ requestId, log: requestLog }) => ({
      graph,
      requestId: requestId ?? crypto.randomUUID(),
      log: requestLog ?? log,
    }),
    plugins: [
      // Bounded queries: nesting, aliases and size are checked before any Cypher runs.
      EnvelopArmorPlugin({
        maxDepth: { n: 12, exposeLimits: true },
        maxAliases: { n: 20, exposeLimits: true },
        maxTokens: { n: 2000, exposeLimits: true },
        // Armor's cost grows 1.5× per level, and a Relay connection is three
        // levels (relations.edges.actor): actors → relations → actor → relations,
        // an ordinary analyst query (bench nested-depth-3), costs about 35k.
        costLimit: { maxCost: 60_000, exposeLimits: true },
        blockFieldSuggestion: { enabled: false },
      }),
      useAllowedValuesInValidationErrors(),
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
