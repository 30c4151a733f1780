// Events: what happened, when, where, by and to whom, and who reported it.
import type { EventParticipants, EventRecord, ParticipantList } from "../graph/index.ts";
import { batchLoader } from "./batch.ts";
import { builder } from "./builder.ts";
import { connectionRef, toConnection } from "./connections.ts";
import type { Context } from "./context.ts";
import { fieldsAt, fieldsNamed, planOnce, selectionOf } from "./lookahead.ts";
import { ActorRef, DocumentRef, EventRef } from "./refs.ts";

const CasualtiesRef = builder
  .objectRef<{ low: number | null; best: number | null; high: number | null }>("CasualtyRange")
  .implement({
    description: "A count as the sources give it: low, best and high estimates (null when unknown).",
    fields: (t) => ({
      low: t.exposeInt("low", { nullable: true }),
      best: t.exposeInt("best", { nullable: true }),
      high: t.exposeInt("high", { nullable: true }),
    }),
  });

const participants = (field: Exclude<ParticipantList, "documents">, description: string) =>
  ({ field, description }) as const;

EventRef.implement({
  description: "Something that happened: an attack, a strike, …, with its evidence.",
  fields: (t) => {
    const loadParticipants = ({ field, description }: ReturnType<typeof participants>) =>
      t.field({
        type: [ActorRef],
        description,
        resolve: (e, _args, context) => participantsOf(e, field, context),
      });
    return {
      id: t.exposeID("id"),
      type: t.exposeString("type", { description: "ATTACK, AIR_STRIKE, …" }),
      date: t.field({ type: "Date", nullable: true, resolve: (e) => e.date }),
      datePrecision: t.exposeString("datePrecision", {
        nullable: true,
        description: "day, month, year, range or unknown.",
      }),
      weapons: t.exposeStringList("weapons"),
      killed: t.field({
        type: CasualtiesRef,
        resolve: (e) => ({ low: e.killedLow, best: e.killedBest, high: e.killedHigh }),
      }),
      injured: t.field({
        type: CasualtiesRef,
        resolve: (e) => ({ low: e.injuredLow, best: e.injuredBest, high: e.injuredHigh }),
      }),
      quote: t.exposeString("quote", { nullable: true, description: "Evidence from a reporting document." }),
      perpetrators: loadParticipants(participants("perpetrators", "Who carried it out.")),
      targets: loadParticipants(participants("targets", "Whom it was aimed at.")),
      locations: loadParticipants(participants("locations", "Where it happened.")),
      documents: t.field({
        type: [DocumentRef],
        description: "The documents that report it.",
        resolve: (e, _args, context) => participantsOf(e, "documents", context),
      }),
    };
  },
});

/** One participant list of an event: fetched with its page when the query shows it, else one batched read per request. */
async function participantsOf<K extends ParticipantList>(
  event: EventRecord,
  list: K,
  context: Context,
): Promise<EventParticipants[K]> {
  const prefetched = event.prefetchedParticipants?.[list];
  if (prefetched) return prefetched as EventParticipants[K];
  const loader = batchLoader(context, "event participants", (ids) => context.graph.findEventParticipants(ids));
  return (await loader.load(event.id))[list];
}

const PARTICIPANT_LISTS: readonly ParticipantList[] = ["perpetrators", "targets", "locations", "documents"];

const EventConnectionRef = connectionRef<EventRecord>("Event", EventRef, "A page of events, newest first.");

const EventFilterRef = builder.inputType("EventFilter", {
  fields: (t) => ({
    types: t.stringList({ description: "Event types, e.g. ATTACK." }),
    from: t.field({ type: "Date", description: "On or after." }),
    to: t.field({ type: "Date", description: "On or before." }),
    location: t.id({ description: "Actor id of a place; places inside it (LOCATED_IN) match too." }),
    perpetrator: t.id({ description: "Actor id." }),
    target: t.id({ description: "Actor id." }),
  }),
});

builder.queryFields((t) => ({
  event: t.field({
    type: EventRef,
    nullable: true,
    description: "An event by id; null when there is none.",
    args: { id: t.arg.id({ required: true }) },
    resolve: (_root, { id }) => id,
  }),
  events: t.field({
    type: EventConnectionRef,
    description: "Events matching a filter, newest first, a page at a time.",
    args: {
      filter: t.arg({ type: EventFilterRef }),
      first: t.arg.int({ defaultValue: 20, description: "At most 100." }),
      after: t.arg.string({ description: "endCursor of the previous page." }),
    },
    resolve: async (_root, args, { graph }, info) => {
      const participants = planOnce(info, () => {
        const nodes = fieldsAt(selectionOf(info), ["edges", "node"]);
        return PARTICIPANT_LISTS.filter((list) => nodes.some((node) => fieldsNamed(node, list).length > 0));
      });
      return toConnection(await graph.listEvents(args, { participants }), graph.eventCursor);
    },
  }),
}));
