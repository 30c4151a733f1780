// The write path ingestion calls: a document with its extraction goes in as
// one write transaction (document, actors, mentions, claims, events, and the
// recomputed aggregated relations of every actor pair it touched), replacing
// what an earlier save of the same document contributed. A fixed number of
// round trips, whatever the size of the document.
import { createHash } from "node:crypto";
import type { Database, Tx } from "../db/database.ts";
import { InvalidInputError } from "../errors.ts";
import {
  type DocumentMeta,
  ENTITY_TYPES,
  type Entity,
  type Extraction,
  type Modality,
  PREDICATES,
  type Predicate,
} from "../model.ts";
import { aggregateClaims, type ClaimEvidence } from "./aggregate.ts";
import { type AuditActor, recordAudit } from "./audit.ts";
import { MODALITY_WEIGHTS, toEdgeEnds, toIsoDay, toNameKey, toRelationKey } from "./keys.ts";

export type SaveDocumentInput = {
  id: string;
  text?: string | null;
  contentHash: string;
  meta: DocumentMeta;
  extraction: Extraction;
};

export type SaveDocumentResult = {
  id: string;
  /** created: new; replaced: it existed and its contributions were replaced; unchanged: same content and extraction. */
  status: "created" | "replaced" | "unchanged";
  actors: number;
  claims: number;
  events: number;
  relationsRecomputed: number;
};

export type RetractDocumentResult = { id: string; retracted: boolean; relationsRecomputed: number };

export type TouchedRelation = { relationKey: string; predicate: Predicate; fromId: string; toId: string };

const MODALITIES = new Set<Modality>(["asserted", "hedged", "planned", "possible"]);
const PREDICATE_SET = new Set<string>(PREDICATES);

/** Labels come from entity types of the ontology only, so a type can never inject Cypher. */
const ENTITY_TYPE_SET = new Set<string>(ENTITY_TYPES);

function fail(documentId: string, message: string): never {
  throw new InvalidInputError(`Document ${documentId}: ${message}`);
}

function toActorRows(documentId: string, entities: Entity[]) {
  const byId = new Map<string, Entity>();
  for (const entity of entities) {
    if (!entity.id || !/^[\p{L}\p{N}][\p{L}\p{N}._:-]*$/u.test(entity.id))
      fail(documentId, `bad entity id "${entity.id}"`);
    if (!ENTITY_TYPE_SET.has(entity.type)) {
      fail(documentId, `entity ${entity.id} has type "${entity.type}"; allowed: ${ENTITY_TYPES.join(", ")}`);
    }
    const seen = byId.get(entity.id);
    byId.set(entity.id, seen ? { ...seen, aliases: [...seen.aliases, entity.name, ...entity.aliases] } : entity);
  }
  return [...byId.values()].map((entity) => {
    const aliases = [...new Set(entity.aliases.filter((a) => a && a !== entity.name))];
    const keys = [...new Set([entity.name, ...aliases].map(toNameKey).filter((k) => k.length > 0))];
    return {
      id: entity.id,
      name: entity.name,
      type: entity.type,
      aliases,
      country: entity.country ?? null,
      nameKey: toNameKey(entity.name),
      keys,
    };
  });
}

function toClaimRows(documentId: string, extraction: Extraction, actorIds: Set<string>) {
  return extraction.relations.map((relation, index) => {
    if (!PREDICATE_SET.has(relation.predicate)) {
      fail(documentId, `unknown predicate "${relation.predicate}"; allowed: ${PREDICATES.join(", ")}`);
    }
    for (const end of [relation.subject, relation.object]) {
      if (!actorIds.has(end)) fail(documentId, `relation ${index} refers to "${end}", which is not among its entities`);
    }
    if (relation.polarity !== "positive" && relation.polarity !== "negative") {
      fail(documentId, `relation ${index} has polarity "${relation.polarity}"; allowed: positive, negative`);
    }
    if (!MODALITIES.has(relation.modality)) {
      fail(documentId, `relation ${index} has modality "${relation.modality}"; allowed: ${[...MODALITIES].join(", ")}`);
    }
    if (!(relation.confidence >= 0 && relation.confidence <= 1)) {
      fail(documentId, `relation ${index} has confidence ${relation.confidence}; allowed: 0 to 1`);
    }
    const { fromId, toId } = toEdgeEnds(relation.predicate, relation.subject, relation.object);
    const first = relation.evidence[0];
    return {
      id: `${documentId}#r${index}`,
      predicate: relation.predicate,
      subjectId: relation.subject,
      objectId: relation.object,
      fromId,
      toId,
      relationKey: toRelationKey(relation.predicate, fromId, toId),
      polarity: relation.polarity,
      modality: relation.modality,
      confidence: relation.confidence,
      weight: Math.round(relation.confidence * MODALITY_WEIGHTS[relation.modality] * 10_000) / 10_000,
      attribution: relation.attribution ?? null,
      role: relation.role ?? null,
      quote: first?.quote ?? "",
      start: first?.start ?? null,
      end: first?.end ?? null,
      evidenceCount: relation.evidence.length,
    };
  });
}

function toEventRows(documentId: string, extraction: Extraction, actorIds: Set<string>) {
  return extraction.events.map((event, index) => {
    if (!event.id) fail(documentId, `event ${index} has no id`);
    for (const id of [...event.perpetrators, ...event.targets, ...event.locations]) {
      if (!actorIds.has(id)) fail(documentId, `event ${event.id} refers to "${id}", which is not among its entities`);
    }
    const c = event.casualties ?? { killed: null, injured: null };
    return {
      id: event.id,
      type: event.type,
      date: event.date,
      datePrecision: event.datePrecision ?? (event.date ? "day" : "unknown"),
      sortKey: `${event.date ?? "0000-00-00"}|${event.id}`,
      weapons: event.weapons ?? [],
      killedLow: c.killedLow ?? c.killed ?? null,
      killedBest: c.killed ?? null,
      killedHigh: c.killedHigh ?? c.killed ?? null,
      injuredLow: c.injured ?? null,
      injuredBest: c.injured ?? null,
      injuredHigh: c.injured ?? null,
      quote: event.evidence?.[0]?.quote ?? null,
      perpetrators: event.perpetrators,
      targets: event.targets,
      locations: event.locations,
    };
  });
}

/** What the stored edge carries: the aggregate and the key of its claims (null: delete the edge). */
function toEdgeProperties(key: string, aggregated: ReturnType<typeof aggregateClaims>) {
  return aggregated ? { ...aggregated, key } : null;
}

/** Recomputes the aggregated relations behind these keys from their claims (2 round trips). */
export async function recomputeRelations(tx: Tx, touched: TouchedRelation[]): Promise<number> {
  const unique = [...new Map(touched.map((t) => [t.relationKey, t])).values()];
  if (unique.length === 0) return 0;
  const rows = await tx.run<{ relationKey: string; claims: ClaimEvidence[] }>("relations/claims-for-keys", {
    keys: unique.map((t) => t.relationKey),
    asOf: null,
  });
  const claimsByKey = new Map(rows.map((r) => [r.relationKey, r.claims]));
  const relations = unique.map((t) => {
    if (!PREDICATE_SET.has(t.predicate)) throw new Error(`Stored claim with unknown predicate ${t.predicate}`);
    return {
      predicate: t.predicate,
      fromId: t.fromId,
      toId: t.toId,
      props: toEdgeProperties(t.relationKey, aggregateClaims(claimsByKey.get(t.relationKey) ?? [])),
    };
  });
  await tx.run("relations/replace-aggregates", { relations });
  return unique.length;
}

export function extractionHash(extraction: Extraction): string {
  return createHash("sha256").update(JSON.stringify(extraction)).digest("hex");
}

export function createWritePath(db: Database) {
  return {
    /**
     * Writes a document and everything extracted from it in one transaction.
     * Saving the same id again replaces its claims, mentions and events; the
     * same content and extraction again changes nothing.
     */
    /** `audit` (API writes) records who saved it, in the same transaction. */
    async saveDocument(input: SaveDocumentInput, audit?: AuditActor): Promise<SaveDocumentResult> {
      const { id, meta, extraction } = input;
      if (!id) throw new InvalidInputError("A document needs an id.");
      const publishedDate = toIsoDay(meta.publishedAt);
      if (meta.publishedAt && !publishedDate) {
        fail(id, `publishedAt "${meta.publishedAt}" is not an ISO date (YYYY-MM-DD or a date-time)`);
      }
      const actors = toActorRows(id, extraction.entities);
      const actorIds = new Set(actors.map((a) => a.id));
      const claims = toClaimRows(id, extraction, actorIds);
      const events = toEventRows(id, extraction, actorIds);
      const hash = extractionHash(extraction);

      return db.writeTransaction(async (tx) => {
        const [existing] = await tx.run<{ contentHash: string; extractionHash: string }>("documents/find-for-save", {
          id,
        });
        if (existing && existing.contentHash === input.contentHash && existing.extractionHash === hash) {
          return { id, status: "unchanged", actors: 0, claims: 0, events: 0, relationsRecomputed: 0 };
        }
        let previous: { relations: TouchedRelation[]; actorIds: string[] } = { relations: [], actorIds: [] };
        if (existing) {
          [previous] = (await tx.run<typeof previous>("documents/detach-contributions", { id })) as [typeof previous];
        }
        await tx.run("documents/save", {
          id,
          title: meta.title ?? null,
          url: meta.url ?? null,
          publishedAt: meta.publishedAt ?? null,
          publishedDate,
          source: meta.source ?? null,
          license: meta.license ?? null,
          contentHash: input.contentHash,
          extractionHash: hash,
          text: input.text ?? null,
        });
        if (actors.length > 0) await tx.run("actors/merge-mentioned", { documentId: id, actors });
        if (claims.length > 0) await tx.run("claims/create-batch", { documentId: id, publishedDate, claims });
        if (events.length > 0) await tx.run("events/save-batch", { documentId: id, events });
        const relationsRecomputed = await recomputeRelations(tx, [...previous.relations, ...claims]);
        if (audit) await recordAudit(tx, audit, existing ? "replaceDocument" : "ingestDocument", [id]);
        const dropped = previous.actorIds.filter((a) => !actorIds.has(a));
        if (dropped.length > 0) await tx.run("actors/delete-orphans", { ids: dropped });
        return {
          id,
          status: existing ? "replaced" : "created",
          actors: actors.length,
          claims: claims.length,
          events: events.length,
          relationsRecomputed,
        };
      });
    },

    /**
     * Withdraws a document: its claims, mentions and event reports go, the
     * relations they fed are recomputed (and removed when nothing else states
     * them), and actors nothing refers to any more are deleted.
     */
    async retractDocument(id: string, audit?: AuditActor): Promise<RetractDocumentResult> {
      return db.writeTransaction(async (tx) => {
        const [existing] = await tx.run("documents/find-for-save", { id });
        if (!existing) return { id, retracted: false, relationsRecomputed: 0 };
        const [previous] = (await tx.run<{ relations: TouchedRelation[]; actorIds: string[] }>(
          "documents/detach-contributions",
          { id },
        )) as [{ relations: TouchedRelation[]; actorIds: string[] }];
        await tx.run("documents/delete", { id });
        const relationsRecomputed = await recomputeRelations(tx, previous.relations);
        if (previous.actorIds.length > 0) await tx.run("actors/delete-orphans", { ids: previous.actorIds });
        if (audit) await recordAudit(tx, audit, "retractDocument", [id]);
        return { id, retracted: true, relationsRecomputed };
      });
    },
  };
}
