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
};

export function createApp({ graph, log, readiness }: AppOptions) {
  return createYoga<ServerContext, Context>({
    schema,
    logging: log,
    graphqlEndpoint: "/graphql",
    healthCheckEndpoint: "/healthz",
    landingPage: false,
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
