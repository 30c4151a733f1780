// Traversals over the aggregated relations: neighbourhoods (breadth-first,
// the first two levels in one statement, then one round trip per level),
// k shortest paths (one statement) and support chains (breadth-first against
// the support family). With asOf, edges are those with a positive claim by
// that date, and their values are recomputed from the claims known then.
import { withLiterals } from "../db/cypher.ts";
import type { Database } from "../db/database.ts";
import { InvalidInputError } from "../errors.ts";
import { PREDICATE_FAMILIES, type Predicate } from "../model.ts";
import {
  type ActorTuple,
  narrowedStatement,
  type RelationFilter,
  statementParams,
  toActorRecord,
  toRelationParams,
} from "./common.ts";
import { checkCount, LIMITS } from "./limits.ts";
import type { ActorRecord, RelationRecord } from "./records.ts";
import {
  createRelationReads,
  detailFields,
  type RelationDetail,
  type StoredRelation,
  toRelationRecord,
} from "./relations.ts";

export type Subgraph = { nodes: ActorRecord[]; edges: RelationRecord[]; truncated: boolean };
export type Path = { actors: ActorRecord[]; relations: RelationRecord[] };
export type SupportLink = { depth: number; supporter: ActorRecord; supported: ActorRecord; relation: RelationRecord };
export type SupportChain = { actor: ActorRecord; links: SupportLink[]; truncated: boolean };

type ExpandRow = { fromId: string; actor: ActorRecord; relation: StoredRelation };

/** traversal/neighborhood's rows and actors, as lists (see the statement for why). */
type NeighborhoodRow = [
  level: number,
  fromId: string,
  actorId: string,
  key: string,
  confidence: number,
  claimCount: number,
  polarity: StoredRelation["polarity"],
  detail: RelationDetail | null,
];

/** The neighbourhood statement's rows of one level as traversal/expand gives them. */
function levelRows(rows: NeighborhoodRow[], byId: Map<string, ActorRecord>, level: number): ExpandRow[] {
  return rows
    .filter((row) => row[0] === level)
    .map(([, fromId, actorId, key, confidence, claimCount, polarity, detail]) => {
      const relation = Object.assign({ key, confidence, claimCount, polarity }, detailFields(detail)) as StoredRelation;
      return { fromId, actor: byId.get(actorId) as ActorRecord, relation };
    });
}

export function createTraversals(db: Database) {
  const relations = createRelationReads(db);

  /** Replaces stored values by those known on asOf and drops edges below minConfidence. */
  async function settle(
    stored: StoredRelation[],
    asOf: string | null,
    minConfidence: number,
  ): Promise<RelationRecord[]> {
    if (asOf === null) return stored.map((r) => toRelationRecord(r, null));
    const recomputed = await relations.recomputeRelationsAsOf(stored, asOf);
    return stored
      .map((r) => recomputed.get(r.key))
      .filter(
        (r): r is RelationRecord => r !== undefined && r.polarity !== "negative" && r.confidence >= minConfidence,
      );
  }

  /**
   * Breadth-first from an actor, at most `limit` actors: the actor and the
   * first two levels in one statement (traversal/neighborhood), each further
   * level one round trip (traversal/expand). Returns the actors reached with their
   * depth and the edges that reached them or joined them; null for an
   * unknown start.
   */
  async function breadthFirst(
    id: string,
    filter: ReturnType<typeof toRelationParams>,
    depth: number,
    limit: number,
  ): Promise<{
    start: ActorRecord;
    depthOf: Map<string, number>;
    actors: Map<string, ActorRecord>;
    edges: Map<string, StoredRelation>;
    truncated: boolean;
  } | null> {
    const rowLimit = limit * 4;
    const [first] = await db.read<{ start: ActorRecord; rows: NeighborhoodRow[]; actors: ActorTuple[] }>(
      narrowedStatement("traversal/neighborhood", filter),
      { ...statementParams(filter), id, depth, limit, rowLimit },
    );
    if (!first) return null;
    const { start } = first;
    // The statement expanded the same frontier this loop computes from its first level.
    const byId = new Map(first.actors.map((actor) => [actor[0], toActorRecord(actor)]));
    const readAhead = [1, 2].map((level) => levelRows(first.rows, byId, level));
    const depthOf = new Map([[start.id, 0]]);
    const actors = new Map([[start.id, start]]);
    const edges = new Map<string, StoredRelation>();
    let frontier = [start.id];
    let truncated = false;
    for (let level = 1; level <= depth && frontier.length > 0; level++) {
      const rows =
        readAhead[level - 1] ??
        (await db.read<ExpandRow>(narrowedStatement("traversal/expand", filter), {
          ...statementParams(filter),
          frontier,
          limit: rowLimit,
        }));
      const next: string[] = [];
      for (const row of rows) {
        if (!actors.has(row.actor.id)) {
          if (actors.size >= limit) {
            truncated = true;
            continue;
          }
          actors.set(row.actor.id, row.actor);
          depthOf.set(row.actor.id, level);
          next.push(row.actor.id);
        }
        edges.set(row.relation.key, row.relation);
      }
      if (rows.length >= rowLimit) truncated = true;
      frontier = next;
    }
    return { start, depthOf, actors, edges, truncated };
  }

  return {
    /** The subgraph within `depth` hops of an actor, ready to draw; null for an unknown id. */
    async findNeighborhood(
      id: string,
      args: RelationFilter & { depth?: number | null; limit?: number | null },
    ): Promise<Subgraph | null> {
      const filter = toRelationParams(args);
      const depth = checkCount("depth", args.depth ?? 1, LIMITS.depth, 1);
      const limit = checkCount("limit", args.limit ?? 100, LIMITS.neighborhoodNodes, 1);
      const found = await breadthFirst(id, filter, depth, limit);
      if (!found) return null;
      const edges = (await settle([...found.edges.values()], filter.asOf, filter.minConfidence)).filter(
        (e) => found.actors.has(e.fromId) && found.actors.has(e.toId),
      );
      // With asOf some edges fall away; keep only actors still connected to the start.
      const reached = new Set([id]);
      for (let changed = true; changed; ) {
        changed = false;
        for (const e of edges) {
          if (reached.has(e.fromId) !== reached.has(e.toId)) {
            reached.add(e.fromId);
            reached.add(e.toId);
            changed = true;
          }
        }
      }
      return {
        nodes: [...found.actors.values()].filter((a) => reached.has(a.id)),
        edges: edges.filter((e) => reached.has(e.fromId) && reached.has(e.toId)),
        truncated: found.truncated,
      };
    },

    /** Up to k shortest paths between two actors (each hop with its relation); [] when none or an id is unknown. */
    async findPaths(args: {
      from: string;
      to: string;
      maxHops?: number | null;
      k?: number | null;
      predicates?: readonly Predicate[] | null;
      direction?: "OUTGOING" | "BOTH" | null;
      asOf?: string | null;
      relationDetail?: boolean | null;
    }): Promise<Path[]> {
      const filter = toRelationParams({
        predicates: args.predicates,
        asOf: args.asOf,
        relationDetail: args.relationDetail,
      });
      const maxHops = checkCount("maxHops", args.maxHops ?? 4, LIMITS.hops, 1);
      const k = checkCount("k", args.k ?? 3, LIMITS.paths, 1);
      if (args.from === args.to) throw new InvalidInputError("from and to must be different actors.");
      const statement =
        args.direction === "OUTGOING" ? "traversal/shortest-paths-outgoing" : "traversal/shortest-paths-both";
      const rows = await db.read<{ actors: ActorRecord[]; relations: StoredRelation[] }>(
        withLiterals(narrowedStatement(statement, filter), { maxHops, k }),
        {
          from: args.from,
          to: args.to,
          asOf: filter.asOf,
          relationDetail: filter.relationDetail,
        },
      );
      const all = rows.flatMap((r) => r.relations);
      const settled = new Map((await settle(all, filter.asOf, 0)).map((r) => [r.key, r]));
      return rows.map((row) => ({
        actors: row.actors,
        relations: row.relations.map((r) => settled.get(r.key) ?? toRelationRecord(r, filter.asOf)),
      }));
    },

    /**
     * Who backs an actor, and who backs them: incoming relations of the
     * support family, breadth-first up to maxHops. Null for an unknown id.
     */
    async findSupportChain(
      id: string,
      args: {
        maxHops?: number | null;
        minConfidence?: number | null;
        asOf?: string | null;
        relationDetail?: boolean | null;
      },
    ): Promise<SupportChain | null> {
      const filter = toRelationParams({
        predicates: PREDICATE_FAMILIES.support,
        direction: "INCOMING",
        minConfidence: args.minConfidence,
        asOf: args.asOf,
        relationDetail: args.relationDetail,
      });
      const maxHops = checkCount("maxHops", args.maxHops ?? 3, LIMITS.hops, 1);
      const found = await breadthFirst(id, filter, maxHops, LIMITS.neighborhoodNodes);
      if (!found) return null;
      const edges = await settle([...found.edges.values()], filter.asOf, filter.minConfidence);
      const links: SupportLink[] = [];
      for (const relation of edges) {
        const supporter = found.actors.get(relation.fromId);
        const supported = found.actors.get(relation.toId);
        if (!supporter || !supported) continue;
        links.push({ depth: (found.depthOf.get(relation.toId) ?? 0) + 1, supporter, supported, relation });
      }
      links.sort((a, b) => a.depth - b.depth || b.relation.confidence - a.relation.confidence);
      return { actor: found.start, links, truncated: found.truncated };
    },
  };
}
