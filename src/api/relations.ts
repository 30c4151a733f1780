// Claims and relations: the evidence behind every edge. RelationFacts is
// what an aggregated relation says (shared by Relation, used in traversals,
// and ActorRelation, an edge of Actor.relations); its claims and best
// evidence load in one batch per level of the query.

import type { GraphQLResolveInfo } from "graphql";
import { toRelationParams } from "../graph/common.ts";
import type { ActorRelationRecord, ClaimRecord, RelationRecord } from "../graph/index.ts";
import { checkCount, LIMITS } from "../graph/limits.ts";
import {
  INCLUDE_NOTHING,
  type RelationsArgs,
  type RelationsInclude,
  type RelationsPage,
  relationClaimsKey,
  relationCursor,
} from "../graph/relations.ts";
import { batchLoader } from "./batch.ts";
import { builder } from "./builder.ts";
import type { Context } from "./context.ts";
import { ModalityRef, PolarityRef, PredicateRef, RelationDirectionRef, RelationPolarityRef } from "./enums.ts";
import { fieldsAt, fieldsNamed, planOnce, type Selection, selectionOf } from "./lookahead.ts";
import { ActorRef, ClaimRef, DocumentRef, PageInfoRef, RelationRef } from "./refs.ts";

ClaimRef.implement({
  description: "One statement of a relation in one document, with the words that state it.",
  fields: (t) => ({
    id: t.exposeID("id"),
    predicate: t.field({ type: PredicateRef, resolve: (c) => c.predicate }),
    subject: t.field({ type: ActorRef, resolve: (c) => c.subjectId }),
    object: t.field({ type: ActorRef, resolve: (c) => c.objectId }),
    polarity: t.field({ type: PolarityRef, resolve: (c) => c.polarity }),
    modality: t.field({ type: ModalityRef, resolve: (c) => c.modality }),
    confidence: t.exposeFloat("confidence", { description: "The extractor's confidence, 0 to 1." }),
    attribution: t.exposeString("attribution", {
      nullable: true,
      description: "Who says so, when the text names a source.",
    }),
    role: t.exposeString("role", { nullable: true, description: "MEMBER_OF: the role held." }),
    quote: t.exposeString("quote"),
    start: t.exposeInt("start", { nullable: true, description: "UTF-16 offset of the quote in the document body." }),
    end: t.exposeInt("end", { nullable: true }),
    document: t.field({ type: DocumentRef, resolve: (c) => c.document }),
  }),
});

const RelationFactsRef = builder.interfaceRef<RelationRecord>("RelationFacts").implement({
  description:
    "What the claims say about a relation between two actors: aggregated by noisy-OR over documents (each document counts once), a denial discounting a contested one.",
  fields: (t) => ({
    predicate: t.field({ type: PredicateRef, resolve: (r) => r.predicate }),
    polarity: t.field({ type: RelationPolarityRef, resolve: (r) => r.polarity }),
    confidence: t.exposeFloat("confidence"),
    claimCount: t.exposeInt("claimCount"),
    positiveClaims: t.exposeInt("positiveClaims"),
    negativeClaims: t.exposeInt("negativeClaims"),
    contested: t.exposeBoolean("contested", { description: "Both stated and denied." }),
    firstReported: t.field({ type: "Date", nullable: true, resolve: (r) => r.firstReported }),
    lastReported: t.field({ type: "Date", nullable: true, resolve: (r) => r.lastReported }),
    asOf: t.field({
      type: "Date",
      nullable: true,
      description: "The date this relation was computed for (only claims published by then), or null for now.",
      resolve: (r) => r.asOf,
    }),
    claims: t.field({
      type: [ClaimRef],
      description: "The claims behind it, best evidence first (as of asOf when given).",
      args: { first: t.arg.int({ defaultValue: 10, description: "At most 100." }) },
      resolve: (r, args, context, info) => claimsOf(r, args.first ?? 10, context, showsSource(info)),
    }),
    evidence: t.field({
      type: ClaimRef,
      nullable: true,
      description: "The best claim: stated before denied, then the strongest, then the newest.",
      resolve: async (r, _args, context, info) => (await claimsOf(r, 1, context, showsSource(info)))[0] ?? null,
    }),
  }),
});

RelationRef.implement({
  description: "An aggregated relation: from its subject to its object (symmetric predicates: lower id first).",
  interfaces: [RelationFactsRef],
  fields: (t) => ({
    id: t.exposeID("key", { description: "PREDICATE|fromId|toId" }),
    from: t.field({ type: ActorRef, resolve: (r) => r.fromId }),
    to: t.field({ type: ActorRef, resolve: (r) => r.toId }),
  }),
});

export const ActorRelationRef = builder.objectRef<ActorRelationRecord>("ActorRelation").implement({
  description: "A relation seen from one actor: the other end, and which way it points.",
  interfaces: [RelationFactsRef],
  fields: (t) => ({
    cursor: t.string({ resolve: relationCursor }),
    direction: t.field({ type: RelationDirectionRef, resolve: (r) => r.direction }),
    actor: t.field({ type: ActorRef, description: "The other end.", resolve: (r) => r.actor }),
    relation: t.field({
      type: RelationRef,
      description: "The same relation from subject to object.",
      resolve: (r) => r,
    }),
  }),
});

export const ActorRelationConnectionRef = builder
  .objectRef<{
    edges: ActorRelationRecord[];
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    totalCount: RelationCountKey;
  }>("ActorRelationConnection")
  .implement({
    description: "A page of an actor's relations, strongest first.",
    fields: (t) => ({
      edges: t.field({ type: [ActorRelationRef], resolve: (c) => c.edges }),
      pageInfo: t.field({ type: PageInfoRef, resolve: (c) => c.pageInfo }),
      totalCount: t.loadable({
        type: "Int",
        byPath: true,
        description: "All relations matching the filter (a count, run only when asked).",
        load: async (keys: string[], { graph }) => {
          // One count per distinct filter (aliases of the field may differ), for all their actors at once.
          const parsed = keys.map((k) => JSON.parse(k) as RelationCountKey);
          const counts = new Map<string, number>();
          const byArgs = new Map<string, RelationCountKey[]>();
          for (const key of parsed) {
            if (key.known !== null) continue;
            const group = JSON.stringify(key.args);
            byArgs.set(group, [...(byArgs.get(group) ?? []), key]);
          }
          for (const [group, members] of byArgs) {
            const ids = members.map((m) => m.actorId);
            const totals = await graph.countRelationsOfActors(ids, JSON.parse(group) as RelationsArgs);
            for (const [i, id] of ids.entries()) counts.set(`${group}#${id}`, totals[i] ?? 0);
          }
          return parsed.map((k) => k.known ?? counts.get(`${JSON.stringify(k.args)}#${k.actorId}`) ?? 0);
        },
        resolve: (c) => JSON.stringify(c.totalCount),
      }),
    }),
  });

/**
 * The best `first` claims of a relation: those its read fetched ahead when
 * there are enough of them, else one batched read per request and limit.
 */
function claimsOf(
  relation: RelationRecord & Partial<Pick<ActorRelationRecord, "prefetchedClaims">>,
  first: number,
  context: Context,
  withSource: boolean,
): Promise<ClaimRecord[]> | ClaimRecord[] {
  checkCount("first", first, LIMITS.first);
  const prefetched = relation.prefetchedClaims;
  if (prefetched && prefetched.limit >= first) return prefetched.claims.slice(0, first);
  return batchLoader(context, `claims of relations, first ${first}${withSource ? "" : ", no source"}`, (keys) =>
    context.graph.findClaimsOfRelations(keys, { first, withSource }),
  ).load(relationClaimsKey(relation));
}

/**
 * Whether these claims show their quote or document; when not, they are read
 * without either (the document not even matched). A selection that cannot be
 * read counts as showing them.
 */
function showsSource(info: GraphQLResolveInfo): boolean {
  return planOnce(info, () => {
    const selection = selectionOf(info);
    return selection === null || fieldsNamed(selection, "quote").length + fieldsNamed(selection, "document").length > 0;
  });
}

/**
 * A page of relations to read ahead, with what is selected below it, for
 * these selections of Actor.relations (aliases included): null unless they
 * all ask for the same first page (no asOf, no cursor) within the limits, so
 * one page read ahead serves every one of them and an argument the field
 * would refuse is still refused by the field itself.
 */
export function readAhead(relations: Selection[]): { args: RelationsArgs; include: RelationsInclude } | null {
  const [args, ...others] = relations.map((r) => r.args as RelationsArgs);
  if (!args || others.some((a) => JSON.stringify(a) !== JSON.stringify(args))) return null;
  if (args.asOf || args.after || !withinLimits(args)) return null;
  return { args, include: planRelations(relations) };
}

/**
 * What to fetch with a page of relations, read from the query below these
 * selections of Actor.relations: the claims their edges select (the largest
 * `first`; 1 for evidence; lean unless more than evidence lists show is
 * selected), the other actors' relations when readAhead allows, and whether
 * the relations' counts and dates are shown. Values outside the limits are
 * left to the fields themselves, which report them.
 */
export function planRelations(relations: Selection[]): RelationsInclude {
  if (relations.length === 0) return INCLUDE_NOTHING;
  const edges = relations.flatMap((r) => fieldsAt(r, ["edges"]));
  const facts = [...edges, ...edges.flatMap((e) => fieldsAt(e, ["relation"]))];
  const claims = facts.flatMap((f) => [...fieldsAt(f, ["claims"]), ...fieldsAt(f, ["evidence"])]);
  const wanted = claims
    .map((c) => (c.name === "evidence" ? 1 : Number(c.args.first ?? 10)))
    .filter((n) => Number.isInteger(n) && n >= 1 && n <= LIMITS.first);
  const nested = edges.flatMap((e) => fieldsAt(e, ["actor", "relations"]));
  const nestedEdges = nested.flatMap((n) => fieldsAt(n, ["edges"]));
  const nestedFacts = [...nestedEdges, ...nestedEdges.flatMap((e) => fieldsAt(e, ["relation"]))];
  return {
    claims: wanted.length > 0 ? Math.max(...wanted) : 0,
    claimDetail: claims.some(
      (claim) =>
        !onlyFields(claim, LEAN_CLAIM) || fieldsAt(claim, ["document"]).some((d) => !onlyFields(d, LEAN_DOCUMENT)),
    ),
    next: readAhead(nested)?.args ?? null,
    relationDetail: needsRelationDetail([...facts, ...nestedFacts]),
  };
}

/** What a lean claim projection holds (evidence as lists show it). */
const LEAN_CLAIM = ["id", "quote", "polarity", "confidence", "document", "__typename"];
const LEAN_DOCUMENT = ["id", "title", "__typename"];

/** Whether a selection asks for none but these fields. */
function onlyFields(selection: Selection, names: string[]): boolean {
  return Object.values(selection.fieldsByTypeName).every((fields) =>
    Object.values(fields).every((field) => names.includes(field.name)),
  );
}

/** The relation fields a lean projection leaves out (see RelationFilter.relationDetail). */
const RELATION_DETAIL = ["positiveClaims", "negativeClaims", "contested", "firstReported", "lastReported"];

/** Whether any of these relation selections shows counts or dates; true when the query cannot be read. */
export function needsRelationDetail(relations: Selection[] | null): boolean {
  if (!relations) return true;
  return relations.some((r) => RELATION_DETAIL.some((name) => fieldsNamed(r, name).length > 0));
}

/** Whether findRelationsOfActors would accept these arguments (fetching ahead must not move an error). */
function withinLimits(args: RelationsArgs): boolean {
  try {
    toRelationParams(args);
    checkCount("first", args.first ?? 20, LIMITS.first);
    return true;
  } catch {
    return false;
  }
}

/** The request's loader of relation pages for one filter and one plan. */
export function loadRelations(context: Context, args: RelationsArgs, include: RelationsInclude) {
  return batchLoader<RelationsPage>(context, `relations ${JSON.stringify([args, include])}`, (ids) =>
    context.graph.findRelationsOfActors(ids, args, include),
  );
}

/** What ActorRelationConnection.totalCount needs: the actor, the filter, and the count when already known. */
export type RelationCountKey = { actorId: string; args: RelationsArgs; known: number | null };
