// Curating actors: entity resolution when a document is saved, and the
// analyst's corrections (merge, split, alias). Merges are reversible: the
// merged actor stays as a :MergedActor with a SAME_AS link (who, when, why),
// and claims keep the ids the extractor gave them, so a split can move them
// back. Every correction recomputes the aggregated relations it touched and
// writes an audit entry in the same transaction.
import type { Database, Tx } from "../db/database.ts";
import { InvalidInputError, NotFoundError } from "../errors.ts";
import type { Entity, Predicate } from "../model.ts";
import { slugify } from "../slug.ts";
import { type AuditActor, recordAudit } from "./audit.ts";
import { toEdgeEnds, toNameKey, toRelationKey } from "./keys.ts";
import { recomputeRelations, type TouchedRelation } from "./write.ts";

type ClaimEnds = { id: string; predicate: Predicate; subjectId: string; objectId: string; relationKey: string };

/**
 * Re-keys the claims of these actors after their ends moved, and recomputes
 * both the relations the claims now feed and the ones they fed before (the
 * stored key says which), so neither side keeps stale counts.
 */
async function rekeyAndRecompute(tx: Tx, actorIds: string[]): Promise<number> {
  const claims = await tx.run<ClaimEnds>("curation/claim-ends", { actorIds });
  const changed: { id: string; fromId: string; toId: string; relationKey: string }[] = [];
  const touched: TouchedRelation[] = [];
  for (const claim of claims) {
    const { fromId, toId } = toEdgeEnds(claim.predicate, claim.subjectId, claim.objectId);
    const relationKey = toRelationKey(claim.predicate, fromId, toId);
    touched.push({ relationKey, predicate: claim.predicate, fromId, toId });
    if (relationKey !== claim.relationKey) {
      changed.push({ id: claim.id, fromId, toId, relationKey });
      const [, oldFrom, oldTo] = claim.relationKey.split("|");
      if (oldFrom && oldTo)
        touched.push({ relationKey: claim.relationKey, predicate: claim.predicate, fromId: oldFrom, toId: oldTo });
    }
  }
  if (changed.length > 0) await tx.run("curation/rekey-claims", { claims: changed });
  return recomputeRelations(tx, touched);
}

export type SplitResult = { actorIds: string[]; movedClaims: number };

export function createCuration(db: Database) {
  return {
    /**
     * Which actor each extracted entity should become: a merged id follows
     * its SAME_AS link; an entity outside the register that has no actor of
     * its own matches an existing actor by name, alias or acronym. Returns
     * only the ids that change.
     */
    async resolveEntityIds(entities: Entity[]): Promise<Map<string, string>> {
      if (entities.length === 0) return new Map();
      const rows = await db.read<{ id: string; resolvedId: string | null }>("curation/resolve-ids", {
        entities: entities.map((e) => ({
          id: e.id,
          registered: e.registered ?? false,
          keys: [...new Set([e.name, ...e.aliases].map(toNameKey).filter(Boolean))],
        })),
      });
      return new Map(
        rows.flatMap((r) => (r.resolvedId && r.resolvedId !== r.id ? [[r.id, r.resolvedId] as [string, string]] : [])),
      );
    },

    async mergeActors(ids: string[], into: string, reason: string, audit: AuditActor): Promise<string> {
      const sources = [...new Set(ids)].filter((id) => id !== into);
      if (sources.length === 0) throw new InvalidInputError("Name at least one actor to merge other than `into`.");
      if (sources.length > 50) throw new InvalidInputError("Merge at most 50 actors at once.");
      return db.writeTransaction(async (tx) => {
        for (const sourceId of sources) {
          const [row] = await tx.run<{ moved: number }>("curation/merge-actors", {
            sourceId,
            targetId: into,
            by: audit.principalName ?? audit.principalKind,
            reason,
          });
          if (!row)
            throw new NotFoundError(
              `No actor with id "${sourceId}" or "${into}" (merged actors cannot be merged again).`,
            );
        }
        await rekeyAndRecompute(tx, [into]);
        await recordAudit(tx, audit, "mergeActors", [into, ...sources]);
        return into;
      });
    },

    /**
     * Splits aliases off an actor. An alias that names an actor merged into
     * it reverses that merge (its claims, mentions and names go back); any
     * other alias becomes a new actor of the same type, taking only its name.
     */
    async splitActor(id: string, aliases: string[], audit: AuditActor): Promise<SplitResult> {
      const wanted = [...new Set(aliases.map((a) => a.trim()).filter(Boolean))];
      if (wanted.length === 0) throw new InvalidInputError("Name at least one alias to split off.");
      return db.writeTransaction(async (tx) => {
        const [actor] = await tx.run<{ actor: { id: string } }>("actors/find-by-ids", { ids: [id] });
        if (!actor) throw new NotFoundError(`No actor with id "${id}".`);
        const merged = await tx.run<{ id: string; name: string; aliases: string[] }>("curation/find-merged", { id });
        const actorIds: string[] = [];
        let movedClaims = 0;
        for (const alias of wanted) {
          const key = toNameKey(alias);
          const source = merged.find((m) => [m.name, ...m.aliases].some((n) => toNameKey(n) === key));
          if (source) {
            if (actorIds.includes(source.id)) continue;
            const [row] = await tx.run<{ moved: number }>("curation/unmerge-actor", {
              sourceId: source.id,
              targetId: id,
            });
            movedClaims += row?.moved ?? 0;
            actorIds.push(source.id);
          } else {
            const newId = slugify(alias);
            if (!newId)
              throw new InvalidInputError(`The alias "${alias}" has no letters or digits to make an id from.`);
            const [row] = await tx.run<{ id: string }>("curation/split-alias", {
              id,
              newId: newId === id ? `${newId}-split` : newId,
              alias,
              key,
              by: audit.principalName ?? audit.principalKind,
            });
            if (row) actorIds.push(row.id);
          }
        }
        await rekeyAndRecompute(tx, [id, ...actorIds]);
        await recordAudit(tx, audit, "splitActor", [id, ...actorIds]);
        return { actorIds, movedClaims };
      });
    },

    async addAlias(id: string, alias: string, audit: AuditActor): Promise<string | null> {
      const trimmed = alias.trim();
      const key = toNameKey(trimmed);
      if (!key || trimmed.length > 200)
        throw new InvalidInputError("An alias needs 1 to 200 characters with a letter or digit.");
      return db.writeTransaction(async (tx) => {
        const [row] = await tx.run<{ id: string }>("curation/add-alias", {
          id,
          alias: trimmed,
          key,
          source: `manual:${audit.principalName ?? audit.principalKind}`,
        });
        if (!row) return null;
        await recordAudit(tx, audit, "addAlias", [id]);
        return row.id;
      });
    },
  };
}
