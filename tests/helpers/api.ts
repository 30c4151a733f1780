// The GraphQL app in process over the real test database: app.fetch(), no port.
import { createApp } from "../../src/api/yoga.ts";
import type { Database } from "../../src/db/database.ts";
import { createGraph } from "../../src/graph/index.ts";
import { createLogger } from "../../src/log.ts";

export type GraphQLResponse<T = Record<string, unknown>> = {
  data?: T;
  errors?: { message: string; path?: string[]; extensions?: { code?: string } }[];
};

export function createTestApp(db: Database) {
  const app = createApp({
    graph: createGraph(db),
    log: createLogger("silent", { pretty: false }),
    readiness: () => ({ ready: true }),
  });
  return async function gql<T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>) {
    const response = await app.fetch("http://localhost/graphql", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query, variables }),
    });
    return (await response.json()) as GraphQLResponse<T>;
  };
}
