// Counts over the whole graph.
import type { GraphStats } from "../graph/stats.ts";
import { builder } from "./builder.ts";
import { PredicateRef } from "./enums.ts";

const TypeCountRef = builder.objectRef<{ type: string; count: number }>("TypeCount").implement({
  fields: (t) => ({ type: t.exposeString("type"), count: t.exposeInt("count") }),
});

const PredicateCountRef = builder
  .objectRef<{ predicate: GraphStats["relationsByPredicate"][number]["predicate"]; count: number; contested: number }>(
    "PredicateCount",
  )
  .implement({
    fields: (t) => ({
      predicate: t.field({ type: PredicateRef, resolve: (p) => p.predicate }),
      count: t.exposeInt("count", { description: "Aggregated relations of this predicate (denied-only included)." }),
      contested: t.exposeInt("contested"),
    }),
  });

const StatsRef = builder.objectRef<GraphStats>("Stats").implement({
  description: "How much the graph holds.",
  fields: (t) => ({
    actorsByType: t.field({ type: [TypeCountRef], resolve: (s) => s.actorsByType }),
    relationsByPredicate: t.field({ type: [PredicateCountRef], resolve: (s) => s.relationsByPredicate }),
    documents: t.exposeInt("documents"),
    claims: t.exposeInt("claims"),
    events: t.exposeInt("events"),
  }),
});

builder.queryField("stats", (t) =>
  t.field({
    type: StatsRef,
    description: "Counts of actors, relations, documents, claims and events.",
    resolve: (_r, _a, { graph }) => graph.getStats(),
  }),
);
