// Forward-only connections with keyset cursors: { edges { cursor node },
// pageInfo { hasNextPage endCursor }, totalCount }. totalCount runs a count
// query only when it is selected.
import type { Page } from "../graph/index.ts";
import { builder } from "./builder.ts";
import { PageInfoRef } from "./refs.ts";

/** An edge's cursor is encoded only when a query shows it (most show only endCursor, or none). */
type Edge<T> = { node: T; cursorOf: (item: T) => string };
export type Connection<T> = {
  edges: Edge<T>[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  totalCount: () => Promise<number>;
};

export function toConnection<T>(page: Page<T>, cursorOf: (item: T) => string): Connection<T> {
  return {
    edges: page.items.map((node) => ({ node, cursorOf })),
    pageInfo: { hasNextPage: page.hasNextPage, endCursor: page.endCursor },
    totalCount: page.totalCount,
  };
}

// biome-ignore lint/suspicious/noExplicitAny: any object ref of this builder
type NodeRef = Parameters<typeof builder.objectRef<any>>[0] extends string ? any : never;

export function connectionRef<T>(name: string, nodeRef: NodeRef, description: string) {
  const EdgeRef = builder.objectRef<Edge<T>>(`${name}Edge`).implement({
    fields: (t) => ({
      cursor: t.string({ resolve: (edge) => edge.cursorOf(edge.node) }),
      node: t.field({ type: nodeRef, resolve: (edge) => edge.node as never }),
    }),
  });
  return builder.objectRef<Connection<T>>(`${name}Connection`).implement({
    description,
    fields: (t) => ({
      edges: t.field({ type: [EdgeRef], resolve: (c) => c.edges }),
      pageInfo: t.field({ type: PageInfoRef, resolve: (c) => c.pageInfo }),
      totalCount: t.int({
        description: "All items matching the filter (a count query, run only when asked).",
        resolve: (c) => c.totalCount(),
      }),
    }),
  });
}
