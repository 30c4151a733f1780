// Counts over the whole graph (one statement).
import type { Database } from "../db/database.ts";
import { PREDICATES, type Predicate } from "../model.ts";

export type GraphStats = {
  actorsByType: { type: string; count: number }[];
  relationsByPredicate: { predicate: Predicate; count: number; contested: number }[];
  documents: number;
  claims: number;
  events: number;
};

export function createStatsReads(db: Database) {
  return {
    async getStats(): Promise<GraphStats> {
      const [row] = await db.read<GraphStats>("stats/overview");
      if (!row) throw new Error("stats/overview returned no row");
      // Every predicate in the model's order; one no relation uses is counted 0.
      const found = new Map(row.relationsByPredicate.map((r) => [r.predicate, r]));
      return {
        ...row,
        relationsByPredicate: PREDICATES.map(
          (predicate) => found.get(predicate) ?? { predicate, count: 0, contested: 0 },
        ),
      };
    },
  };
}
