// Aggregated relations seen from actors, and the claims behind relations.
// Without asOf the stored edges answer (paged in Cypher); with asOf each
// candidate edge is recomputed from the claims known on that date.
import type { Database } from "../db/database.ts";
import { type Polarity, PREDICATES, type Predicate } from "../model.ts";
import { aggregateClaims, type ClaimEvidence, type RelationPolarity } from "./aggregate.ts";
import {
  type ActorTuple,
  byKey,
  narrowedStatement,
  type RelationFilter,
  relationTypes,
  statementParams,
  toActorRecord,
  toRelationParams,
} from "./common.ts";
import { decodeCursor, encodeCursor } from "./cursor.ts";
import { checkCount, LIMITS } from "./limits.ts";
import type { ActorRecord, ActorRelationRecord, ClaimRecord, RelationRecord } from "./records.ts";

export type PolarityFilter = Polarity | "contested" | "any";

export type RelationsArgs = RelationFilter & {
  /** positive (default): stated, contested included; negative: denied, contested included. */
  polarity?: PolarityFilter | null;
  first?: number | null;
  after?: string | null;
};

export type RelationsPage = {
  items: ActorRelationRecord[];
  hasNextPage: boolean;
  endCursor: string | null;
  /** Known when the page was computed in full (asOf); else null: countRelationsOfActors on demand. */
  totalCount: number | null;
};

/**
 * What to fetch in the same statement as a page of relations, for the fields
 * a query selects below it: each edge's best `claims` (0: none), and each
 * other actor's first page of relations under `next` (null: none; a filter
 * with asOf or a cursor is not fetched ahead); `relationDetail` for both levels.
 */
export type RelationsInclude = {
  claims: number;
  /** Every field of the claims; else only id, quote, polarity, confidence and the document's id and title. */
  claimDetail: boolean;
  next: RelationsArgs | null;
  relationDetail: boolean;
};
/** Nothing ahead; every relation with its counts and dates (see RelationFilter.relationDetail). */
export const INCLUDE_NOTHING: RelationsInclude = { claims: 0, claimDetail: true, next: null, relationDetail: true };

/** The next level's filter when it can be read ahead (a first page of stored relations), else null. */
function nextLevel(include: RelationsInclude): RelationsArgs | null {
  const next = include.next;
  return next && !next.asOf && !next.after ? next : null;
}

/** A relation as statements project it: predicate and ends only in its key. */
type StoredRelation = Omit<RelationRecord, "asOf" | "predicate" | "fromId" | "toId"> & { key: string };

/** A relation's counts and dates as the list-returning statements give them, when the read asked (relationDetail). */
export type RelationDetail = [
  positiveClaims: number,
  negativeClaims: number,
  contested: boolean,
  firstReported: string | null,
  lastReported: string | null,
];

/** An edge as actors/with-relations returns it: a list, not a map (see the statement for why). */
type EdgeTuple = [
  key: string,
  confidence: number,
  claimCount: number,
  polarity: RelationPolarity,
  detail: RelationDetail | null,
  direction: "OUTGOING" | "INCOMING",
  actor: ActorTuple,
  claims?: ClaimRecord[] | null,
  next?: EdgeTuple[] | null,
];

const CURSOR = "relations";

function matchesPolarity(polarity: RelationPolarity, filter: PolarityFilter): boolean {
  if (filter === "any") return true;
  return polarity === filter || (polarity === "contested" && filter !== "contested");
}

export function toRelationRecord(stored: StoredRelation, asOf: string | null): RelationRecord {
  return relationRecord(stored.key, stored.confidence, stored.claimCount, stored.polarity, stored, asOf);
}

/**
 * A relation record from what a statement projects. Without relationDetail
 * the statements leave counts and dates out (undefined here); the API asks
 * for them whenever a query selects them.
 */
function relationRecord(
  key: string,
  confidence: number,
  claimCount: number,
  polarity: RelationPolarity,
  detail: DetailFields,
  asOf: string | null,
): RelationRecord {
  // Statements project the key, not the type and ends it spells (PREDICATE|fromId|toId; ids are slugs).
  const [predicate, fromId = "", toId = ""] = key.split("|");
  return {
    key,
    predicate: predicate as Predicate,
    fromId,
    toId,
    polarity,
    confidence,
    claimCount,
    positiveClaims: detail.positiveClaims as number,
    negativeClaims: detail.negativeClaims as number,
    contested: detail.contested as boolean,
    firstReported: detail.firstReported as string | null,
    lastReported: detail.lastReported as string | null,
    asOf,
  };
}

type DetailFields = Partial<
  Pick<RelationRecord, "positiveClaims" | "negativeClaims" | "contested" | "firstReported" | "lastReported">
>;
const NO_DETAIL: DetailFields = {};

/** A relation's counts and dates from a statement's detail list; none when the read did not ask for them. */
export function detailFields(detail: RelationDetail | null): DetailFields {
  if (!detail) return NO_DETAIL;
  const [positiveClaims, negativeClaims, contested, firstReported, lastReported] = detail;
  return { positiveClaims, negativeClaims, contested, firstReported, lastReported };
}

/** An edge of actors/with-relations as the record the API serves (its actor without prefetched relations). */
function edgeRecord(edge: EdgeTuple): ActorRelationRecord {
  const [key, confidence, claimCount, polarity, detail, direction, actor] = edge;
  return asActorRelation(
    relationRecord(key, confidence, claimCount, polarity, detailFields(detail), null),
    direction,
    toActorRecord(actor),
  );
}

/**
 * A fresh relation record grown in place into one seen from an actor, with
 * its place in the page's order: not spread into a new object, as this runs
 * for every edge of every page (one-off: 0.3 instead of 3 µs an edge).
 */
function asActorRelation(
  relation: RelationRecord,
  direction: "OUTGOING" | "INCOMING",
  actor: ActorRecord,
): ActorRelationRecord {
  const item = relation as ActorRelationRecord;
  item.direction = direction;
  item.actor = actor;
  // As the statements order a page: PREDICATE|direction|other id.
  item.tieKey = `${relation.predicate}|${direction}|${actor.id}`;
  return item;
}

/** A stored relation with its values replaced by those computed from the claims known on asOf. */
export function recomputeAsOf(stored: StoredRelation, claims: ClaimEvidence[], asOf: string): RelationRecord | null {
  const aggregated = aggregateClaims(claims);
  if (!aggregated) return null;
  return { ...toRelationRecord(stored, asOf), ...aggregated, asOf };
}

// Keys by arguments object: every actor of a page asks with the same one, and nothing changes them.
const argsKeys = new WeakMap<RelationsArgs, string>();

/** The same filter gives the same key: how a page fetched ahead is matched to the field that asks for it. */
export function relationsArgsKey(args: RelationsArgs): string {
  let key = argsKeys.get(args);
  if (key === undefined) {
    key = argsKeyOf(args);
    argsKeys.set(args, key);
  }
  return key;
}

function argsKeyOf(args: RelationsArgs): string {
  const params = toRelationParams(args);
  return JSON.stringify([
    params.predicates,
    params.direction,
    params.minConfidence,
    params.asOf,
    args.polarity ?? "positive",
    args.first ?? 20,
    args.after ?? null,
  ]);
}

/** The cursor after this relation in its page (encoded only when a query shows it: most show none). */
export function relationCursor(relation: Pick<ActorRelationRecord, "confidence" | "tieKey">): string {
  return encodeCursor(CURSOR, [relation.confidence, relation.tieKey]);
}

/** A page of stored relations from edges fetched with limit first + 1 (the extra one says there is a next page). */
function toPage(edges: EdgeTuple[], first: number, include: RelationsInclude = INCLUDE_NOTHING): RelationsPage {
  const next = nextLevel(include);
  const nextKey = next && relationsArgsKey(next);
  const items = edges.slice(0, first).map((edge) => {
    const item = edgeRecord(edge);
    const claims = edge[7];
    const nextEdges = edge[8];
    if (next && nextKey && nextEdges) {
      item.actor.prefetchedRelations = { key: nextKey, page: toPage(nextEdges, next.first ?? 20) };
    }
    if (include.claims > 0 && claims) item.prefetchedClaims = { limit: include.claims, claims };
    return item;
  });
  return pageOf(items, edges.length > first, null);
}

function pageOf(items: ActorRelationRecord[], hasNextPage: boolean, totalCount: number | null): RelationsPage {
  const last = items[items.length - 1];
  return { items, hasNextPage, endCursor: last ? relationCursor(last) : null, totalCount };
}

/** A filter of actors/with-relations' $page (see actors.ts), or null for its $ids. */
export type ActorPageParams = {
  types: string[];
  country: string | null;
  nameContains: string | null;
  orderBy: string;
  afterKey: string | number | null;
  afterId: string | number | null;
  limit: number;
};

/** An actor as actors/with-relations returns it: with its page of relations when they were asked for. */
export type ActorWithRelationsRow = { id: string; actor: ActorRecord; sortKey: string | null; page: EdgeTuple[] };

/** The relation parameters of actors/with-relations: a page under `args` with what `include` asks for. */
function relationPageParams(relations: { args: RelationsArgs; include: RelationsInclude }) {
  const { args, include } = relations;
  const first = checkCount("first", args.first ?? 20, LIMITS.first);
  const cursor = decodeCursor(CURSOR, args.after, 2);
  const polarity = args.polarity ?? "positive";
  const next = nextLevel(include);
  const nextParams = next && toRelationParams(next);
  const nextPolarity = next?.polarity ?? "positive";
  return {
    ...toRelationParams(args),
    polarity: polarity === "any" ? null : polarity,
    afterConfidence: cursor?.[0] ?? null,
    afterKey: cursor?.[1] ?? null,
    limit: first + 1,
    relationDetail: include.relationDetail,
    claimsLimit: checkCount("claims", include.claims, LIMITS.first),
    claimDetail: include.claimDetail,
    next: nextParams && {
      predicates: nextParams.predicates,
      direction: nextParams.direction,
      minConfidence: nextParams.minConfidence,
      polarity: nextPolarity === "any" ? null : nextPolarity,
      limit: checkCount("first", next.first ?? 20, LIMITS.first) + 1,
    },
  };
}

/**
 * actors/with-relations: the actors of `ids` or of `page`, each with its
 * page of stored (not asOf) relations and what `include` asks for.
 */
export async function readActorsWithRelations(
  db: Database,
  actors: { ids: readonly string[] } | { page: ActorPageParams },
  relations: { args: RelationsArgs; include: RelationsInclude },
): Promise<ActorWithRelationsRow[]> {
  const params = relationPageParams(relations);
  const statement = narrowedStatement("actors/with-relations", params, {
    next: params.next ? relationTypes(params.next) : { types: PREDICATES, direction: "BOTH" },
  });
  return db.read<ActorWithRelationsRow>(statement, {
    ids: "ids" in actors ? [...actors.ids] : null,
    page: "page" in actors ? actors.page : null,
    ...statementParams(params),
    next: params.next && statementParams(params.next),
  });
}

/** A row's relations as a page (the other actors carrying their prefetched pages, if any). */
export function toRelationsPage(row: ActorWithRelationsRow, args: RelationsArgs, include: RelationsInclude) {
  return toPage(row.page, args.first ?? 20, include);
}

export function createRelationReads(db: Database) {
  /** The stored (not asOf) relations of actors by id, with what `include` asks for. */
  async function readPages(
    ids: readonly string[],
    args: RelationsArgs,
    include: RelationsInclude,
  ): Promise<{ id: string; actor: ActorRecord; page: RelationsPage }[]> {
    const rows = await readActorsWithRelations(db, { ids }, { args, include });
    return rows.map((r) => ({ id: r.id, actor: r.actor, page: toRelationsPage(r, args, include) }));
  }

  return {
    /**
     * An actor with a page of its relations (and what `include` asks for)
     * in one round trip; null for an unknown id. Without asOf only: with it,
     * findRelationsOfActors recomputes the page.
     */
    async findActorWithRelations(
      id: string,
      args: RelationsArgs,
      include: RelationsInclude = INCLUDE_NOTHING,
    ): Promise<ActorRecord | null> {
      if (args.asOf) throw new Error("findActorWithRelations reads stored relations: call it without asOf.");
      const [row] = await readPages([id], args, include);
      return row ? { ...row.actor, prefetchedRelations: { key: relationsArgsKey(args), page: row.page } } : null;
    },

    /**
     * A page of each actor's relations, strongest first (one round trip per
     * batch of actors), with what `include` asks for fetched in the same statement.
     */
    async findRelationsOfActors(
      ids: readonly string[],
      args: RelationsArgs,
      include: RelationsInclude = INCLUDE_NOTHING,
    ): Promise<RelationsPage[]> {
      const params = toRelationParams(args);
      if (params.asOf === null) {
        const rows = await readPages(ids, args, include);
        const empty: RelationsPage = { items: [], hasNextPage: false, endCursor: null, totalCount: null };
        return byKey(
          ids,
          rows,
          (r) => r.id,
          (r) => r.page,
          empty,
        );
      }
      const asOf = params.asOf;
      const first = checkCount("first", args.first ?? 20, LIMITS.first);
      const cursor = decodeCursor(CURSOR, args.after, 2);
      const polarity = args.polarity ?? "positive";
      const rows = await db.read<{
        id: string;
        relation: StoredRelation;
        direction: "OUTGOING" | "INCOMING";
        actor: ActorRecord;
        claims: ClaimEvidence[];
      }>(narrowedStatement("relations/of-actors-as-of", params), { ...statementParams(params), ids: [...ids] });
      const byActor = new Map<string, ActorRelationRecord[]>();
      for (const row of rows) {
        const relation = recomputeAsOf(row.relation, row.claims, asOf);
        if (!relation || relation.confidence < params.minConfidence || !matchesPolarity(relation.polarity, polarity))
          continue;
        const edges = byActor.get(row.id) ?? [];
        edges.push(asActorRelation(relation, row.direction, row.actor));
        byActor.set(row.id, edges);
      }
      return ids.map((id) => {
        const all = (byActor.get(id) ?? []).sort(
          (a, b) => b.confidence - a.confidence || (a.tieKey < b.tieKey ? -1 : a.tieKey > b.tieKey ? 1 : 0),
        );
        const after = cursor
          ? all.filter(
              (e) =>
                e.confidence < Number(cursor[0]) ||
                (e.confidence === Number(cursor[0]) && e.tieKey > String(cursor[1])),
            )
          : all;
        return pageOf(after.slice(0, first), after.length > first, all.length);
      });
    },

    /** How many relations each actor has under the filter of findRelationsOfActors (one round trip per batch). */
    async countRelationsOfActors(ids: readonly string[], args: RelationsArgs): Promise<number[]> {
      const params = toRelationParams(args);
      const polarity = args.polarity ?? "positive";
      const rows = await db.read<{ id: string; totalCount: number }>(
        narrowedStatement("relations/count-of-actors", params),
        {
          ...statementParams(params),
          ids: [...ids],
          polarity: polarity === "any" ? null : polarity,
        },
      );
      return byKey(
        ids,
        rows,
        (r) => r.id,
        (r) => r.totalCount,
        0,
      );
    },

    /**
     * The claims behind relations, best evidence first, limited per relation.
     * Keys are `asOf#relationKey` (asOf empty for now) so one batch serves relations of several dates.
     * With `withSource` false the claims come without quote and document (for queries that show neither).
     */
    async findClaimsOfRelations(
      keys: readonly string[],
      args: { first?: number | null; withSource?: boolean },
    ): Promise<ClaimRecord[][]> {
      const limit = checkCount("first", args.first ?? 10, LIMITS.first);
      const byDate = new Map<string, string[]>();
      for (const key of keys) {
        const [asOf = "", relationKey = ""] = key.split("#", 2);
        byDate.set(asOf, [...(byDate.get(asOf) ?? []), relationKey]);
      }
      const results = new Map<string, ClaimRecord[]>();
      for (const [asOf, relationKeys] of byDate) {
        const rows = await db.read<{ relationKey: string; claims: ClaimRecord[] }>("claims/of-relations", {
          keys: relationKeys,
          asOf: asOf || null,
          limit,
          withSource: args.withSource ?? true,
        });
        for (const row of rows) results.set(`${asOf}#${row.relationKey}`, row.claims);
      }
      return keys.map((key) => results.get(key) ?? []);
    },

    /** The relations behind keys recomputed as known on asOf (for traversal results). */
    async recomputeRelationsAsOf(relations: StoredRelation[], asOf: string): Promise<Map<string, RelationRecord>> {
      const result = new Map<string, RelationRecord>();
      if (relations.length === 0) return result;
      const rows = await db.read<{ relationKey: string; claims: ClaimEvidence[] }>("relations/claims-for-keys", {
        keys: relations.map((r) => r.key),
        asOf,
      });
      const claims = new Map(rows.map((r) => [r.relationKey, r.claims]));
      for (const stored of relations) {
        const relation = recomputeAsOf(stored, claims.get(stored.key) ?? [], asOf);
        if (relation) result.set(stored.key, relation);
      }
      return result;
    },
  };
}

export type { StoredRelation };
export function relationClaimsKey(relation: { key: string; asOf: string | null }): string {
  return `${relation.asOf ?? ""}#${relation.key}`;
}
