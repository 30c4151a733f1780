// Actors: lookups by id and name, filtered pages, full-text search, and on
// each actor its relations (with evidence), events and documents, batched
// per level so a list of 50 actors costs what a list of 5 does.
import type { ActorRecord, ClaimRecord } from "../graph/index.ts";
import { relationsArgsKey } from "../graph/relations.ts";
import { builder } from "./builder.ts";
import { connectionRef, toConnection } from "./connections.ts";
import { ActorOrderRef, DirectionRef, EntityTypeRef, EventRoleRef, PolarityFilterRef, PredicateRef } from "./enums.ts";
import { fieldsAt, fieldsNamed, planOnce, selectionOf } from "./lookahead.ts";
import { ActorRef, ClaimRef, DocumentRef, EventRef } from "./refs.ts";
import { ActorRelationConnectionRef, loadRelations, planRelations, readAhead } from "./relations.ts";

ActorRef.implement({
  description: "A geopolitical actor: state, body, force, armed group, organisation, outlet, person or place.",
  fields: (t) => ({
    id: t.exposeID("id", { description: "Stable slug from the register, e.g. irgc-quds-force." }),
    name: t.exposeString("name"),
    type: t.field({ type: EntityTypeRef, resolve: (a) => a.type as never }),
    aliases: t.exposeStringList("aliases"),
    country: t.exposeString("country", { nullable: true }),
    relations: t.field({
      type: ActorRelationConnectionRef,
      description: "Aggregated relations with this actor, strongest first; with asOf, as known on that date.",
      args: {
        direction: t.arg({ type: DirectionRef, defaultValue: "BOTH" }),
        predicates: t.arg({ type: [PredicateRef], description: "Default: all." }),
        minConfidence: t.arg.float({ defaultValue: 0, description: "0 to 1." }),
        polarity: t.arg({ type: PolarityFilterRef, defaultValue: "positive" }),
        asOf: t.arg({ type: "Date", description: "Only claims from documents published on or before this date." }),
        first: t.arg.int({ defaultValue: 20, description: "At most 100." }),
        after: t.arg.string({ description: "endCursor of the previous page." }),
      },
      resolve: async (actor, args, context, info) => {
        const prefetched = actor.prefetchedRelations;
        const page =
          prefetched && prefetched.key === relationsArgsKey(args)
            ? prefetched.page
            : await loadRelations(
                context,
                args,
                planOnce(info, () => planRelations(fieldsAt(selectionOf(info), []))),
              ).load(actor.id);
        return {
          edges: page.items,
          pageInfo: { hasNextPage: page.hasNextPage, endCursor: page.endCursor },
          // Counting a hub's relations costs as much as the page: only when asked.
          totalCount: { actorId: actor.id, args, known: page.totalCount },
        };
      },
    }),
    events: t.loadableList({
      type: EventRef,
      byPath: true,
      description: "Events the actor took part in, newest first.",
      args: {
        role: t.arg({ type: EventRoleRef, description: "Default: any role." }),
        first: t.arg.int({ defaultValue: 20, description: "At most 100." }),
      },
      load: (ids: string[], { graph }, args) => graph.findEventsOfActors(ids, args),
      resolve: (a) => a.id,
    }),
    documents: t.loadableList({
      type: DocumentRef,
      byPath: true,
      description: "Documents that mention the actor, newest first.",
      args: { first: t.arg.int({ defaultValue: 20, description: "At most 100." }) },
      load: (ids: string[], { graph }, args) => graph.findDocumentsOfActors(ids, args),
      resolve: (a) => a.id,
    }),
  }),
});

const ActorConnectionRef = connectionRef<ActorRecord>("Actor", ActorRef, "A page of actors.");

const ActorFilterRef = builder.inputType("ActorFilter", {
  fields: (t) => ({
    types: t.field({ type: [EntityTypeRef] }),
    nameContains: t.string({ description: "Part of the name or an alias; case and punctuation ignored." }),
    country: t.string({ description: "Country code or id, as stored." }),
  }),
});

builder.queryFields((t) => ({
  actor: t.field({
    type: ActorRef,
    nullable: true,
    description: "An actor by id; null when there is none.",
    args: { id: t.arg.id({ required: true }) },
    resolve: (_root, { id }, { graph }, info) => {
      // Asked with one page of its relations: the actor and the page (and what
      // is selected below it) in one statement; otherwise batched by id.
      const ahead = planOnce(info, () => readAhead(fieldsNamed(selectionOf(info), "relations")));
      return ahead ? graph.findActorWithRelations(id, ahead.args, ahead.include) : id;
    },
  }),
  actorByName: t.field({
    type: ActorRef,
    nullable: true,
    description:
      'An actor by name or alias, ignoring case and punctuation ("IRGC", "Quds Force", "U.S. Central Command").',
    args: { name: t.arg.string({ required: true }) },
    resolve: (_root, { name }, { graph }) => graph.findActorByName(name),
  }),
  actors: t.field({
    type: ActorConnectionRef,
    description: "Actors matching a filter, a page at a time (keyset cursors).",
    args: {
      filter: t.arg({ type: ActorFilterRef }),
      orderBy: t.arg({ type: ActorOrderRef, defaultValue: "NAME" }),
      first: t.arg.int({ defaultValue: 20, description: "At most 100." }),
      after: t.arg.string({ description: "endCursor of the previous page." }),
    },
    resolve: async (_root, args, { graph }, info) => {
      // Actors shown with one page of their relations: the page of actors and
      // theirs (and what is selected below them) in one statement.
      const ahead = planOnce(info, () => readAhead(fieldsAt(selectionOf(info), ["edges", "node", "relations"])));
      const page = await graph.listActors(args, ahead);
      return toConnection(page, (actor) => graph.actorCursor(actor, args.orderBy ?? "NAME"));
    },
  }),
}));

const SearchFieldRef = builder.enumType("SearchField", {
  description: "What a search hit matched: an actor's name or alias, or a claim's quote.",
  values: { NAME: { value: "name" }, QUOTE: { value: "quote" } } as const,
});

const SearchHitRef = builder
  .objectRef<{
    score: number;
    field: "name" | "quote";
    snippet: string;
    actor: ActorRecord;
    claim: ClaimRecord | null;
  }>("SearchHit")
  .implement({
    description: "A full-text match: the actor (for a quote, the claim's subject), the score and the matched text.",
    fields: (t) => ({
      score: t.exposeFloat("score"),
      field: t.field({ type: SearchFieldRef, resolve: (h) => h.field }),
      snippet: t.exposeString("snippet", { description: "The matched text, matched words in **bold**." }),
      actor: t.field({ type: ActorRef, resolve: (h) => h.actor }),
      claim: t.field({ type: ClaimRef, nullable: true, resolve: (h) => h.claim }),
    }),
  });

builder.queryField("search", (t) =>
  t.field({
    type: [SearchHitRef],
    description: "Full-text search over actor names, aliases and claim quotes, best first.",
    args: {
      text: t.arg.string({ required: true }),
      types: t.arg({ type: [EntityTypeRef], description: "Only actors of these types." }),
      first: t.arg.int({ defaultValue: 10, description: "At most 100." }),
    },
    resolve: (_root, args, { graph }, info) => {
      // Claims (and their documents) only when the query shows them; all of them if unsure.
      const selection = selectionOf(info);
      return graph.searchActors(args, { withClaims: !selection || fieldsNamed(selection, "claim").length > 0 });
    },
  }),
);
