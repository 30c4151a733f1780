// createApp: the GraphQL HTTP app (Yoga), built but never started; server.ts
// listens, tests call app.fetch() in process.
import { createYoga, useReadinessCheck } from "graphql-yoga";
import type { Graph } from "../graph/index.ts";
import type { Logger } from "../log.ts";
import type { Context } from "./context.ts";
import { maskError } from "./errors.ts";
import { schema } from "./schema.ts";

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
    graphiql: http.graphiql,
    maskedErrors: { maskError: (error, message) => maskError(error, message) },
    context: ({ requestId, log: requestLog }) => ({
      graph,
      requestId: requestId ?? crypto.randomUUID(),
      log: requestLog ?? log,
    }),
    plugins: [
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
