// Pure helpers shared by the write and read paths: the normalised name keys
// behind case- and alias-insensitive lookup, the key of an aggregated
// relation, and the modality weights that feed confidence aggregation.
import { LRUCache } from "lru-cache";
import { type Modality, type Predicate, SYMMETRIC_PREDICATES } from "../model.ts";

/**
 * Recent name keys: imports and ingestion key the same names over and over
 * (a hub actor on every row), and the key costs a Unicode normalisation and
 * four regular expressions. Bounded, so a long-running server keeps a few MB.
 */
const nameKeys = new LRUCache<string, string>({ max: 50_000 });

/**
 * "U.S. Central Command" -> "us central command", "Kata'ib Hezbollah" ->
 * "kataib hezbollah", "the Pentagon" -> "pentagon": case, accents,
 * punctuation and a leading "the" do not matter.
 */
export function toNameKey(name: string): string {
  let key = nameKeys.get(name);
  if (key === undefined) {
    key = computeNameKey(name);
    nameKeys.set(name, key);
  }
  return key;
}

function computeNameKey(name: string): string {
  return name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/['’‘`.]/g, "")
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim()
    .replace(/^the\s+/, "");
}

/** The ends of the aggregated edge a claim feeds: symmetric predicates are stored once, lower id first. */
export function toEdgeEnds(
  predicate: Predicate,
  subjectId: string,
  objectId: string,
): { fromId: string; toId: string } {
  if (SYMMETRIC_PREDICATES.has(predicate) && objectId < subjectId) return { fromId: objectId, toId: subjectId };
  return { fromId: subjectId, toId: objectId };
}

export function toRelationKey(predicate: Predicate, fromId: string, toId: string): string {
  return `${predicate}|${fromId}|${toId}`;
}

/**
 * How much a claim's modality counts towards the relation holding: a stated
 * fact fully, a hedge less, a plan or a possibility least.
 */
export const MODALITY_WEIGHTS: Record<Modality, number> = {
  asserted: 1,
  hedged: 0.7,
  planned: 0.5,
  possible: 0.5,
};

/** The date part (YYYY-MM-DD) of an ISO date or date-time, or null when there is none. */
export function toIsoDay(value: string | null | undefined): string | null {
  if (!value) return null;
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(value);
  return match ? `${match[1]}-${match[2]}-${match[3]}` : null;
}
