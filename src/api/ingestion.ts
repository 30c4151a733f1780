// Writes through the API: documents in and out, and the analyst's
// corrections to actors. Every mutation needs the editor role (merges,
// splits and retractions admin), is audited in its own transaction, and new
// claims are announced to `claimAdded` subscribers.
import { InvalidInputError } from "../errors.ts";
import type { AuditActor } from "../graph/audit.ts";
import type { ClaimRecord } from "../graph/index.ts";
import { extractDocument } from "../ingest/extractor.ts";
import { ingestDocument } from "../ingest/ingest-document.ts";
import { builder } from "./builder.ts";
import type { Context } from "./context.ts";
import { PredicateRef } from "./enums.ts";
import { ActorRef, ClaimRef, DocumentRef } from "./refs.ts";

/** Claims announced to subscribers, in the pub/sub's topic map. */
export type IngestionTopics = { claimAdded: [ClaimRecord] };

/** How many claimAdded subscriptions are open on each pub/sub (one per app). */
const listeners = new WeakMap<object, number>();

function auditActor(context: Context): AuditActor {
  const { principal } = context;
  return {
    principalKind: principal.kind,
    principalId: principal.kind === "anonymous" ? null : principal.id,
    principalName: principal.kind === "anonymous" ? null : principal.name,
    role: principal.role,
    requestId: context.requestId,
  };
}

const IngestStatusRef = builder.enumType("IngestStatus", {
  description: "What ingesting did: a new document, a new version of one (same URL), or nothing (same content).",
  values: {
    CREATED: { value: "created" },
    REPLACED: { value: "replaced" },
    UNCHANGED: { value: "unchanged" },
  } as const,
});

const IngestDocumentInputRef = builder.inputType("IngestDocumentInput", {
  fields: (t) => ({
    text: t.string({
      required: true,
      description: "The article text; Markdown front matter (title, published, url) is read.",
    }),
    title: t.string(),
    url: t.string({ description: "The same URL again with new content replaces the earlier version." }),
    publishedAt: t.string({ description: "ISO date or date-time; anchors relative dates and `asOf`." }),
    source: t.string({ description: "Outlet or publisher." }),
    license: t.string(),
  }),
});

type IngestResult = {
  documentId: string;
  status: "created" | "replaced" | "unchanged";
  claims: number;
  events: number;
  actors: number;
};

const IngestResultRef = builder.objectRef<IngestResult>("IngestDocumentResult").implement({
  fields: (t) => ({
    document: t.field({ type: DocumentRef, resolve: (r) => r.documentId }),
    status: t.field({ type: IngestStatusRef, resolve: (r) => r.status }),
    actorCount: t.exposeInt("actors", { description: "Actors extracted from the text." }),
    claimCount: t.exposeInt("claims", { description: "Claims extracted from the text." }),
    eventCount: t.exposeInt("events", { description: "Events extracted from the text." }),
  }),
});

const RetractResultRef = builder
  .objectRef<{ id: string; retracted: boolean; relationsRecomputed: number }>("RetractDocumentResult")
  .implement({
    fields: (t) => ({
      id: t.exposeID("id"),
      retracted: t.exposeBoolean("retracted", { description: "False when no document had this id." }),
      relationsRecomputed: t.exposeInt("relationsRecomputed"),
    }),
  });

const SplitResultRef = builder.objectRef<{ actorIds: string[]; movedClaims: number }>("SplitActorResult").implement({
  fields: (t) => ({
    actors: t.field({ type: [ActorRef], description: "The actors split off.", resolve: (r) => r.actorIds }),
    movedClaims: t.exposeInt("movedClaims", { description: "Claims that went back to an un-merged actor." }),
  }),
});

const MAX_TEXT_CHARS = 2_000_000;

builder.mutationType({ authScopes: { editor: true } });

builder.mutationFields((t) => ({
  ingestDocument: t.field({
    type: IngestResultRef,
    description:
      "Extracts a document and saves it with its actors, claims and events in one transaction. Needs the editor role.",
    args: { input: t.arg({ type: IngestDocumentInputRef, required: true }) },
    resolve: async (_root, { input }, context) => {
      if (!input.text.trim()) throw new InvalidInputError("input.text is empty: send the article's text.");
      if (input.text.length > MAX_TEXT_CHARS) {
        throw new InvalidInputError(
          `input.text has ${input.text.length} characters; the limit is ${MAX_TEXT_CHARS}. Split the text into articles.`,
        );
      }
      if (input.publishedAt && Number.isNaN(Date.parse(input.publishedAt))) {
        throw new InvalidInputError(
          `input.publishedAt "${input.publishedAt}" is not a date (use YYYY-MM-DD or ISO 8601).`,
        );
      }
      const meta = {
        ...(input.title ? { title: input.title } : {}),
        ...(input.url ? { url: input.url } : {}),
        ...(input.publishedAt ? { publishedAt: input.publishedAt } : {}),
        ...(input.source ? { source: input.source } : {}),
        ...(input.license ? { license: input.license } : {}),
      };
      const outcome = await ingestDocument(
        context.graph,
        extractDocument,
        { origin: "api", content: input.text, meta },
        { audit: auditActor(context) },
      );
      // Reading the new claims back costs a round trip: only when someone listens.
      if (outcome.status !== "unchanged" && outcome.claims > 0 && (listeners.get(context.pubsub) ?? 0) > 0) {
        const [claims = []] = await context.graph.findClaimsOfDocuments([outcome.id], { first: 100 });
        for (const claim of claims) context.pubsub.publish("claimAdded", claim);
      }
      return {
        documentId: outcome.id,
        status: outcome.status,
        claims: outcome.claims,
        events: outcome.events,
        actors: outcome.actors,
      };
    },
  }),
  retractDocument: t.field({
    type: RetractResultRef,
    authScopes: { admin: true },
    description:
      "Withdraws a document: its claims, mentions and event reports go and the relations they fed are recomputed. Needs admin.",
    args: { id: t.arg.id({ required: true }) },
    resolve: (_root, { id }, context) => context.graph.retractDocument(String(id), auditActor(context)),
  }),
  mergeActors: t.field({
    type: ActorRef,
    authScopes: { admin: true },
    description:
      "Merges actors into one (reversible with splitActor): claims, mentions, events and names move; SAME_AS remembers who, when and why. Needs admin.",
    args: {
      ids: t.arg.idList({ required: true, description: "The actors to merge away." }),
      into: t.arg.id({ required: true, description: "The actor that stays." }),
      reason: t.arg.string({ description: "Why: kept on the SAME_AS link." }),
    },
    resolve: (_root, { ids, into, reason }, context) =>
      context.graph.mergeActors(ids.map(String), String(into), reason ?? "", auditActor(context)),
  }),
  splitActor: t.field({
    type: SplitResultRef,
    authScopes: { admin: true },
    description:
      "Splits aliases off an actor: an alias naming a merged actor reverses that merge; any other alias becomes an actor of its own. Needs admin.",
    args: { id: t.arg.id({ required: true }), aliases: t.arg.stringList({ required: true }) },
    resolve: (_root, { id, aliases }, context) => context.graph.splitActor(String(id), aliases, auditActor(context)),
  }),
  addAlias: t.field({
    type: ActorRef,
    nullable: true,
    description:
      "Adds a name the actor is known by (lookups and resolution use it). Null when the actor does not exist.",
    args: { id: t.arg.id({ required: true }), alias: t.arg.string({ required: true }) },
    resolve: (_root, { id, alias }, context) => context.graph.addAlias(String(id), alias, auditActor(context)),
  }),
}));

builder.subscriptionType({ authScopes: { reader: true } });

builder.subscriptionField("claimAdded", (t) =>
  t.field({
    type: ClaimRef,
    description:
      "Claims as documents are ingested through this API instance, optionally only those about these actors or predicates (server-sent events).",
    args: {
      actorIds: t.arg.idList({ description: "Only claims whose subject or object is one of these." }),
      predicates: t.arg({ type: [PredicateRef] }),
    },
    subscribe: async function* (_root, { actorIds, predicates }, context) {
      const actors = actorIds ? new Set(actorIds.map(String)) : null;
      const wanted = predicates ? new Set<string>(predicates) : null;
      listeners.set(context.pubsub, (listeners.get(context.pubsub) ?? 0) + 1);
      try {
        for await (const claim of context.pubsub.subscribe("claimAdded")) {
          if (actors && !actors.has(claim.subjectId) && !actors.has(claim.objectId)) continue;
          if (wanted && !wanted.has(claim.predicate)) continue;
          yield claim;
        }
      } finally {
        listeners.set(context.pubsub, (listeners.get(context.pubsub) ?? 1) - 1);
      }
    },
    resolve: (claim) => claim,
  }),
);
