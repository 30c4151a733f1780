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
      const [row] = await db.read<GraphStats>("stats/overview", { predicates: [...PREDICATES] });
      if (!row) throw new Error("stats/overview returned no row");
      return row;
    },
  };
}
