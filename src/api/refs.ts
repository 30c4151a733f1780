// The object refs shared across domain files, declared before they are
// implemented so the domains can point at each other. Actor, Event and
// Document are loadable: a field may return an id or a record, and ids are
// fetched in one batch per level of the query.
import type { ActorRecord, ClaimRecord, DocumentRecord, EventRecord, RelationRecord } from "../graph/index.ts";
import { builder } from "./builder.ts";

const found = <T>(items: (T | null)[]): T[] => items.filter((item): item is T => item !== null);

export const ActorRef = builder.loadableObjectRef<ActorRecord, string>("Actor", {
  load: async (ids, { graph }) => found(await graph.findActorsByIds(ids)),
  // Unknown ids come back as null (sort matches records to ids).
  sort: (actor) => actor.id,
  cacheResolved: (actor) => actor.id,
});

export const EventRef = builder.loadableObjectRef<EventRecord, string>("Event", {
  load: async (ids, { graph }) => found(await graph.findEventsByIds(ids)),
  // Unknown ids come back as null (sort matches records to ids).
  sort: (event) => event.id,
  cacheResolved: (event) => event.id,
});

export const DocumentRef = builder.loadableObjectRef<DocumentRecord, string>("Document", {
  load: async (ids, { graph }) => found(await graph.findDocumentsByIds(ids)),
  // Unknown ids come back as null (sort matches records to ids).
  sort: (document) => document.id,
  cacheResolved: (document) => document.id,
});

export const ClaimRef = builder.objectRef<ClaimRecord>("Claim");
export const RelationRef = builder.objectRef<RelationRecord>("Relation");

export const PageInfoRef = builder.objectRef<{ hasNextPage: boolean; endCursor: string | null }>("PageInfo");
PageInfoRef.implement({
  description: "Where a page ends: pass endCursor as `after` for the next page.",
  fields: (t) => ({
    hasNextPage: t.exposeBoolean("hasNextPage"),
    endCursor: t.exposeString("endCursor", { nullable: true }),
  }),
});
