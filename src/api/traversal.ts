// Traversals: an actor's neighbourhood as a drawable subgraph, k shortest
// paths between two actors with each hop's evidence, and support chains.

import type { GraphQLResolveInfo } from "graphql";
import type { Path, Subgraph, SupportChain, SupportLink } from "../graph/index.ts";
import { builder } from "./builder.ts";
import { DirectionRef, PredicateRef } from "./enums.ts";
import { fieldsAt, planOnce, selectionOf } from "./lookahead.ts";
import { ActorRef, RelationRef } from "./refs.ts";
import { needsRelationDetail } from "./relations.ts";

/** Whether the relations reached by `path` below this field show their counts or dates (once per document). */
function detailOf(info: GraphQLResolveInfo, path: string[]): boolean {
  return planOnce(info, () => {
    const selection = selectionOf(info);
    return needsRelationDetail(selection ? fieldsAt(selection, path) : null);
  });
}

const SubgraphRef = builder.objectRef<Subgraph>("Subgraph").implement({
  description: "Actors and the relations between them, ready to draw.",
  fields: (t) => ({
    nodes: t.field({ type: [ActorRef], resolve: (g) => g.nodes }),
    edges: t.field({ type: [RelationRef], resolve: (g) => g.edges }),
    truncated: t.exposeBoolean("truncated", { description: "True when the node limit cut the traversal short." }),
  }),
});

const PathRef = builder.objectRef<Path>("Path").implement({
  description: "A chain of relations between two actors: actors[i] and actors[i+1] are joined by hops[i].",
  fields: (t) => ({
    length: t.int({ resolve: (p) => p.relations.length }),
    actors: t.field({ type: [ActorRef], resolve: (p) => p.actors }),
    hops: t.field({
      type: [RelationRef],
      description: "Each hop's relation; its evidence is the best claim.",
      resolve: (p) => p.relations,
    }),
  }),
});

const SupportLinkRef = builder.objectRef<SupportLink>("SupportLink").implement({
  description: "One backer of an actor in a support chain.",
  fields: (t) => ({
    depth: t.exposeInt("depth", { description: "1: backs the actor directly; 2: backs a backer; …" }),
    supporter: t.field({ type: ActorRef, resolve: (l) => l.supporter }),
    supported: t.field({ type: ActorRef, resolve: (l) => l.supported }),
    relation: t.field({ type: RelationRef, resolve: (l) => l.relation }),
  }),
});

const SupportChainRef = builder.objectRef<SupportChain>("SupportChain").implement({
  description: "Who backs an actor, and who backs them: the support family, followed backwards.",
  fields: (t) => ({
    actor: t.field({ type: ActorRef, resolve: (c) => c.actor }),
    links: t.field({ type: [SupportLinkRef], resolve: (c) => c.links }),
    supporters: t.field({
      type: [ActorRef],
      description: "Every backer found, nearest first.",
      resolve: (c) => [...new Map(c.links.map((l) => [l.supporter.id, l.supporter])).values()],
    }),
    truncated: t.exposeBoolean("truncated"),
  }),
});

const PathDirectionRef = builder.enumType("PathDirection", {
  description: "OUTGOING follows relations from subject to object only; BOTH ignores direction.",
  values: ["OUTGOING", "BOTH"] as const,
});

builder.queryFields((t) => ({
  neighborhood: t.field({
    type: SubgraphRef,
    nullable: true,
    description: "The actors within `depth` hops of an actor over stated relations; null for an unknown id.",
    args: {
      id: t.arg.id({ required: true }),
      depth: t.arg.int({ defaultValue: 1, description: "1 to 3." }),
      predicates: t.arg({ type: [PredicateRef], description: "Default: all." }),
      direction: t.arg({ type: DirectionRef, defaultValue: "BOTH" }),
      minConfidence: t.arg.float({ defaultValue: 0, description: "0 to 1." }),
      asOf: t.arg({ type: "Date", description: "Only claims from documents published on or before this date." }),
      limit: t.arg.int({ defaultValue: 100, description: "At most 500 actors." }),
    },
    resolve: (_root, { id, ...args }, { graph }, info) =>
      graph.findNeighborhood(id, { ...args, relationDetail: detailOf(info, ["edges"]) }),
  }),
  paths: t.field({
    type: [PathRef],
    description: "Up to k shortest paths between two actors over stated relations, shortest first.",
    args: {
      from: t.arg.id({ required: true }),
      to: t.arg.id({ required: true }),
      maxHops: t.arg.int({ defaultValue: 4, description: "1 to 6." }),
      predicates: t.arg({ type: [PredicateRef], description: "Default: all." }),
      direction: t.arg({ type: PathDirectionRef, defaultValue: "BOTH" }),
      asOf: t.arg({ type: "Date", description: "Only claims from documents published on or before this date." }),
      k: t.arg.int({ defaultValue: 3, description: "1 to 5." }),
    },
    resolve: (_root, args, { graph }, info) => graph.findPaths({ ...args, relationDetail: detailOf(info, ["hops"]) }),
  }),
  supportChain: t.field({
    type: SupportChainRef,
    nullable: true,
    description:
      "Who backs an actor (SUPPORTS, FUNDS, ARMS, TRAINS, DIRECTS, ENCOURAGES), transitively; null for an unknown id.",
    args: {
      id: t.arg.id({ required: true }),
      maxHops: t.arg.int({ defaultValue: 3, description: "1 to 6." }),
      minConfidence: t.arg.float({ defaultValue: 0, description: "0 to 1." }),
      asOf: t.arg({ type: "Date", description: "Only claims from documents published on or before this date." }),
    },
    resolve: (_root, { id, ...args }, { graph }, info) =>
      graph.findSupportChain(id, { ...args, relationDetail: detailOf(info, ["links", "relation"]) }),
  }),
}));
