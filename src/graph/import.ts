// Bulk import of structured event data (UCDP, ICEWS) with the same model as
// ingested articles: each row is a document of evidence, an event, and maybe a
// claim. A batch is one write transaction of a fixed number of round trips
// (existing ids, actors, rows, links, recomputed relations), so the graph is
// consistent after every batch, and a re-run skips the rows it already has.
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

/** Turns new records into the parameter lists of import/create-rows and import/create-links. */
function toRows(records: ImportedRecord[]) {
  const actors = new Map<string, ImportedActor>();
  const addActor = (actor: ImportedActor) => {
    const seen = actors.get(actor.id);
    actors.set(actor.id, seen ? { ...seen, aliases: [...seen.aliases, ...actor.aliases] } : actor);
  };
  const documents: Record<string, unknown>[] = [];
  const events: { props: Record<string, unknown>; documentId: string }[] = [];
  const claims: { props: Record<string, unknown>; documentId: string; subjectId: string; objectId: string }[] = [];
  const touched: TouchedRelation[] = [];
  const links = {
    mentions: [] as [string, string][],
    perpetrators: [] as [string, string][],
    targets: [] as [string, string][],
    locations: [] as [string, string][],
  };

  for (const record of records) {
    const { document, event, claim } = record;
    const mentioned = new Set<string>();
    const publishedDate = toIsoDay(document.publishedAt);
    if (event) {
      for (const [list, actorsOfRole] of [
        [links.perpetrators, event.perpetrators],
        [links.targets, event.targets],
        [links.locations, event.locations],
      ] as const) {
        for (const actor of actorsOfRole) {
          addActor(actor);
          mentioned.add(actor.id);
          list.push([event.id, actor.id]);
        }
      }
      events.push({
        documentId: document.id,
        props: {
          id: event.id,
          type: event.type,
          date: event.date,
          datePrecision: event.datePrecision,
          endDate: event.endDate,
          sortKey: `${event.date ?? "0000-00-00"}|${event.id}`,
          weapons: [],
          killedLow: event.killed.low,
          killedBest: event.killed.best,
          killedHigh: event.killed.high,
          quote: event.quote,
        },
      });
    }
    if (claim) {
      addActor(claim.subject);
      addActor(claim.object);
      mentioned.add(claim.subject.id).add(claim.object.id);
      const { fromId, toId } = toEdgeEnds(claim.predicate, claim.subject.id, claim.object.id);
      const relationKey = toRelationKey(claim.predicate, fromId, toId);
      touched.push({ relationKey, predicate: claim.predicate, fromId, toId });
      claims.push({
        documentId: document.id,
        subjectId: claim.subject.id,
        objectId: claim.object.id,
        props: {
          id: claim.id,
          predicate: claim.predicate,
          subjectId: claim.subject.id,
          objectId: claim.object.id,
          fromId,
          toId,
          relationKey,
          polarity: "positive",
          modality: claim.modality,
          confidence: claim.confidence,
          weight: Math.round(claim.confidence * MODALITY_WEIGHTS[claim.modality] * 10_000) / 10_000,
          attribution: claim.attribution,
          quote: claim.quote,
          publishedDate,
          documentId: document.id,
          evidenceCount: 1,
        },
      });
    }
    for (const actorId of mentioned) links.mentions.push([document.id, actorId]);
    documents.push({
      id: document.id,
      title: document.title,
      url: document.url,
      publishedAt: document.publishedAt,
      publishedDate,
      source: document.source,
      license: document.license,
      sortKey: `${publishedDate ?? "0000-00-00"}|${document.id}`,
    });
  }
  return { actors: [...actors.values()].map(toActorRow), documents, events, claims, links, touched };
}

export function createImportPath(db: Database) {
  return {
    async saveImportedBatch(records: ImportedRecord[], source: string): Promise<ImportBatchResult> {
      // Duplicate ids inside one batch (a file listing a row twice) keep the first.
      const unique = [...new Map(records.map((r) => [r.document.id, r])).values()];
      return db.writeTransaction(async (tx) => {
        const [found] = await tx.run<{ ids: string[] }>("import/find-existing", {
          ids: unique.map((r) => r.document.id),
        });
        const existing = new Set(found?.ids ?? []);
        const fresh = unique.filter((r) => !existing.has(r.document.id));
        if (fresh.length === 0) return { eventsCreated: 0, claimsCreated: 0, relationsRecomputed: 0 };
        const rows = toRows(fresh);
        await tx.run("import/merge-actors", { actors: rows.actors, source });
        await tx.run("import/create-rows", { documents: rows.documents, events: rows.events, claims: rows.claims });
        await tx.run("import/create-links", rows.links);
        const relationsRecomputed = await recomputeRelations(tx, rows.touched);
        return { eventsCreated: rows.events.length, claimsCreated: rows.claims.length, relationsRecomputed };
      });
    },
  };
}
