// Claims and relations: the evidence behind every edge. RelationFacts is
// what an aggregated relation says (shared by Relation, used in traversals,
// and ActorRelation, an edge of Actor.relations); its claims and best
// evidence load in one batch per level of the query.
import type { ActorRelationRecord, RelationRecord } from "../graph/index.ts";
import { type RelationsArgs, relationClaimsKey } from "../graph/relations.ts";
import { builder } from "./builder.ts";
import { ModalityRef, PolarityRef, PredicateRef, RelationDirectionRef, RelationPolarityRef } from "./enums.ts";
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
    claims: t.loadableList({
      type: ClaimRef,
      byPath: true,
      description: "The claims behind it, best evidence first (as of asOf when given).",
      args: { first: t.arg.int({ defaultValue: 10, description: "At most 100." }) },
      load: (keys: string[], { graph }, args) => graph.findClaimsOfRelations(keys, args),
      resolve: (r) => relationClaimsKey(r),
    }),
    evidence: t.loadable({
      type: ClaimRef,
      nullable: true,
      byPath: true,
      description: "The best claim: stated before denied, then the strongest, then the newest.",
      load: async (keys: string[], { graph }) =>
        (await graph.findClaimsOfRelations(keys, { first: 1 })).map((claims) => claims[0] ?? null),
      resolve: (r) => relationClaimsKey(r),
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
    cursor: t.exposeString("cursor"),
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

/** What ActorRelationConnection.totalCount needs: the actor, the filter, and the count when already known. */
export type RelationCountKey = { actorId: string; args: RelationsArgs; known: number | null };
