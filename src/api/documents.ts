// Documents: the sources, with what was extracted from each.
import type { DocumentRecord } from "../graph/index.ts";
import { builder } from "./builder.ts";
import { connectionRef, toConnection } from "./connections.ts";
import { ActorRef, ClaimRef, DocumentRef, EventRef } from "./refs.ts";

DocumentRef.implement({
  description: "A source document: an article, a press release, a report.",
  fields: (t) => ({
    id: t.exposeID("id"),
    title: t.exposeString("title", { nullable: true }),
    url: t.exposeString("url", { nullable: true }),
    publishedAt: t.exposeString("publishedAt", {
      nullable: true,
      description: "ISO date or date-time, as the source gives it.",
    }),
    source: t.exposeString("source", { nullable: true, description: "Outlet or publisher." }),
    contentHash: t.exposeString("contentHash", { nullable: true }),
    license: t.exposeString("license", { nullable: true }),
    ingestedAt: t.exposeString("ingestedAt", { nullable: true }),
    actors: t.loadableList({
      type: ActorRef,
      description: "The actors it mentions.",
      load: async (ids: string[], { graph }) => (await graph.findDocumentContents(ids)).map((c) => c.actors),
      resolve: (d) => d.id,
    }),
    events: t.loadableList({
      type: EventRef,
      description: "The events it reports.",
      load: async (ids: string[], { graph }) => (await graph.findDocumentContents(ids)).map((c) => c.events),
      resolve: (d) => d.id,
    }),
    claims: t.loadableList({
      type: ClaimRef,
      byPath: true,
      description: "The claims it states, in text order.",
      args: { first: t.arg.int({ defaultValue: 50, description: "At most 100." }) },
      load: (ids: string[], { graph }, args) => graph.findClaimsOfDocuments(ids, args),
      resolve: (d) => d.id,
    }),
  }),
});

const DocumentConnectionRef = connectionRef<DocumentRecord>(
  "Document",
  DocumentRef,
  "A page of documents, newest first.",
);

builder.queryFields((t) => ({
  document: t.field({
    type: DocumentRef,
    nullable: true,
    description: "A document by id; null when there is none.",
    args: { id: t.arg.id({ required: true }) },
    resolve: (_root, { id }) => id,
  }),
  documents: t.field({
    type: DocumentConnectionRef,
    description: "Documents, newest first, a page at a time.",
    args: {
      first: t.arg.int({ defaultValue: 20, description: "At most 100." }),
      after: t.arg.string({ description: "endCursor of the previous page." }),
    },
    resolve: async (_root, args, { graph }) => {
      const page = await graph.listDocuments(args);
      return toConnection(page, (d) => graph.documentCursor(d));
    },
  }),
}));
