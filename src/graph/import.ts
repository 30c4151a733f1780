// Bulk import of structured event data (UCDP, ICEWS) with the same model as
// ingested articles: each row is a document of evidence, an event, and maybe a
// claim. A batch is one write transaction of a fixed number of round trips
// (what exists, new actors, rows with their links, recomputed relations), so
// the graph is consistent after every batch, and a re-run skips the rows it
// already has. A long import may instead recompute relations once at its end.
import type { Database } from "../db/database.ts";
import type { ImportedActor, ImportedRecord } from "../import/records.ts";
import { MODALITY_WEIGHTS, toEdgeEnds, toIsoDay, toNameKey, toRelationKey } from "./keys.ts";
import { recomputeRelations, type TouchedRelation } from "./write.ts";

export type ImportBatchResult = { eventsCreated: number; claimsCreated: number; relationsRecomputed: number };

function toActorRow(actor: ImportedActor) {
  const aliases = [...new Set(actor.aliases.filter((a) => a && a !== actor.name))];
  return {
    id: actor.id,
    name: actor.name,
    type: actor.type,
    aliases,
    nameKey: toNameKey(actor.name),
    keys: [...new Set([actor.name, ...aliases].map(toNameKey).filter((k) => k.length > 0))],
  };
}

export type ActorRow = ReturnType<typeof toActorRow>;
type ExistingActor = { id: string; name: string; aliases: string[]; keys: string[] };

/** Whether writing this actor row would change the stored actor (new actor, alias or name key). */
function bringsSomethingNew(row: ActorRow, existing: ExistingActor | undefined): boolean {
  if (!existing) return true;
  const aliases = new Set([existing.name, ...existing.aliases]);
  const keys = new Set(existing.keys);
  return row.aliases.some((a) => !aliases.has(a)) || row.keys.some((k) => !keys.has(k));
}

/** The actors of a batch, merged on id (aliases unioned), in first-seen order. */
export function collectActors(records: ImportedRecord[]): ActorRow[] {
  const actors = new Map<string, ImportedActor>();
  const add = (actor: ImportedActor) => {
    const seen = actors.get(actor.id);
    actors.set(actor.id, seen ? { ...seen, aliases: [...seen.aliases, ...actor.aliases] } : actor);
  };
  for (const { event, claim } of records) {
    if (event) for (const actor of [...event.perpetrators, ...event.targets, ...event.locations]) add(actor);
    if (claim) {
      add(claim.subject);
      add(claim.object);
    }
  }
  return [...actors.values()].map(toActorRow);
}

type ImportedDocument = ImportedRecord["document"];
type ImportedEvent = NonNullable<ImportedRecord["event"]>;
type ImportedClaim = NonNullable<ImportedRecord["claim"]>;

/** The stored properties of a record's document (without ingestedAt, which the writer stamps). */
export function toDocumentProperties(document: ImportedDocument) {
  const publishedDate = toIsoDay(document.publishedAt);
  return {
    id: document.id,
    title: document.title,
    url: document.url,
    publishedAt: document.publishedAt,
    publishedDate,
    source: document.source,
    license: document.license,
    sortKey: `${publishedDate ?? "0000-00-00"}|${document.id}`,
  };
}

/**
 * The stored properties of a record's event. Datasets name no weapons, and an
 * absent list reads as empty (the event statements coalesce it): storing `[]`
 * on every imported event would cost a property each, and a bulk load a pass
 * over every event (CSV cannot express an empty list).
 */
export function toEventProperties(event: ImportedEvent) {
  return {
    id: event.id,
    type: event.type,
    date: event.date,
    datePrecision: event.datePrecision,
    endDate: event.endDate,
    sortKey: `${event.date ?? "0000-00-00"}|${event.id}`,
    killedLow: event.killed.low,
    killedBest: event.killed.best,
    killedHigh: event.killed.high,
    quote: event.quote,
  };
}

/** The stored properties of a record's claim, with the key of the aggregated relation it feeds. */
export function toClaimProperties(claim: ImportedClaim, document: ImportedDocument) {
  const { fromId, toId } = toEdgeEnds(claim.predicate, claim.subject.id, claim.object.id);
  return {
    id: claim.id,
    predicate: claim.predicate,
    subjectId: claim.subject.id,
    objectId: claim.object.id,
    fromId,
    toId,
    relationKey: toRelationKey(claim.predicate, fromId, toId),
    polarity: "positive" as const,
    modality: claim.modality,
    confidence: claim.confidence,
    weight: Math.round(claim.confidence * MODALITY_WEIGHTS[claim.modality] * 10_000) / 10_000,
    attribution: claim.attribution,
    quote: claim.quote,
    publishedDate: toIsoDay(document.publishedAt),
    documentId: document.id,
    evidenceCount: 1,
  };
}

/** The actors a record's document mentions: every event participant and both ends of its claim, once each. */
export function mentionedActors({ event, claim }: ImportedRecord): ImportedActor[] {
  const mentioned = new Map<string, ImportedActor>();
  if (event)
    for (const actor of [...event.perpetrators, ...event.targets, ...event.locations]) mentioned.set(actor.id, actor);
  if (claim) mentioned.set(claim.subject.id, claim.subject).set(claim.object.id, claim.object);
  return [...mentioned.values()];
}

/**
 * Turns new records into the rows of import/create-rows: one per record, its
 * actors named by their index in `actorIds`.
 */
function toRows(records: ImportedRecord[], actorIds: string[]) {
  const index = new Map(actorIds.map((id, i) => [id, i]));
  const at = (actor: ImportedActor) => index.get(actor.id) as number;
  let events = 0;
  let claims = 0;
  const rows = records.map((record) => {
    const { document, event, claim } = record;
    if (event) events++;
    if (claim) claims++;
    return {
      document: toDocumentProperties(document),
      event: event ? toEventProperties(event) : null,
      claim: claim ? toClaimProperties(claim, document) : null,
      subject: claim ? at(claim.subject) : null,
      object: claim ? at(claim.object) : null,
      mentions: mentionedActors(record).map(at),
      perpetrators: event ? event.perpetrators.map(at) : [],
      targets: event ? event.targets.map(at) : [],
      locations: event ? event.locations.map(at) : [],
    };
  });
  return { rows, events, claims };
}

/** The aggregated relations the claims of these records feed. */
function toTouchedRelations(records: ImportedRecord[]): TouchedRelation[] {
  return records.flatMap(({ claim }) => {
    if (!claim) return [];
    const { fromId, toId } = toEdgeEnds(claim.predicate, claim.subject.id, claim.object.id);
    return [{ relationKey: toRelationKey(claim.predicate, fromId, toId), predicate: claim.predicate, fromId, toId }];
  });
}

/** Relation keys recomputed per transaction at the end of a deferred import. */
const RELATIONS_PER_TRANSACTION = 2000;

export function createImportPath(db: Database) {
  /**
   * One batch in one transaction of at most five round trips: what exists
   * already, the actors that are new or bring a new alias, the rows with all
   * their links, and (unless deferred) the recomputed relations. Deferred, it
   * returns the relations every record of the batch feeds, present or not.
   */
  async function saveBatch(records: ImportedRecord[], source: string, deferRelations: boolean) {
    // Duplicate ids inside one batch (a file listing a row twice) keep the first.
    const unique = [...new Map(records.map((r) => [r.document.id, r])).values()];
    const actors = collectActors(unique);
    const deferred = deferRelations ? toTouchedRelations(unique) : [];
    const result = await db.writeTransaction(async (tx): Promise<ImportBatchResult> => {
      const [found] = await tx.run<{ ids: string[]; actors: ExistingActor[] }>("import/find-existing", {
        ids: unique.map((r) => r.document.id),
        actorIds: actors.map((a) => a.id),
      });
      const existing = new Set(found?.ids ?? []);
      const fresh = unique.filter((r) => !existing.has(r.document.id));
      if (fresh.length === 0) return { eventsCreated: 0, claimsCreated: 0, relationsRecomputed: 0 };
      const freshActors = collectActors(fresh);
      const stored = new Map((found?.actors ?? []).map((a) => [a.id, a]));
      const changed = freshActors.filter((a) => bringsSomethingNew(a, stored.get(a.id)));
      if (changed.length > 0) await tx.run("import/merge-actors", { actors: changed, source });
      const actorIds = freshActors.map((a) => a.id);
      const { rows, events, claims } = toRows(fresh, actorIds);
      const [created] = await tx.run<{ actors: number; rows: number }>("import/create-rows", { actorIds, rows });
      if (created?.actors !== actorIds.length || created.rows !== rows.length) {
        throw new Error(
          `Import batch: expected ${actorIds.length} actors and ${rows.length} rows, wrote ${created?.actors} and ${created?.rows}`,
        );
      }
      const relationsRecomputed = deferRelations ? 0 : await recomputeRelations(tx, toTouchedRelations(fresh));
      return { eventsCreated: events, claimsCreated: claims, relationsRecomputed };
    });
    return { result, deferred };
  }

  return {
    /** Writes a batch of dataset rows in one transaction; the graph is consistent after it. */
    async saveImportedBatch(records: ImportedRecord[], source: string): Promise<ImportBatchResult> {
      return (await saveBatch(records, source, false)).result;
    },

    /**
     * An import of many batches whose aggregated relations are recomputed
     * once, by `finish`, instead of by every batch: a batch would re-read
     * every claim of every hub relation it touches, so the per-batch cost
     * grows with the graph. Until `finish`, stored relations lag the new
     * claims. A re-run after a crash recomputes the relations of every row it
     * reads, already present or not, so none stays stale.
     */
    startImport(source: string) {
      const touched = new Map<string, TouchedRelation>();
      return {
        async saveBatch(records: ImportedRecord[]): Promise<ImportBatchResult> {
          const { result, deferred } = await saveBatch(records, source, true);
          for (const relation of deferred) touched.set(relation.relationKey, relation);
          return result;
        },
        /** Recomputes every relation the import's rows feed; returns how many. */
        async finish(): Promise<number> {
          const all = [...touched.values()];
          for (let i = 0; i < all.length; i += RELATIONS_PER_TRANSACTION) {
            const chunk = all.slice(i, i + RELATIONS_PER_TRANSACTION);
            await db.writeTransaction((tx) => recomputeRelations(tx, chunk));
          }
          touched.clear();
          return all.length;
        },
      };
    },
  };
}
