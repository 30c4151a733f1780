// Derives an aggregated relation from the claims that state it. One
// implementation for the stored edges (write path) and for `asOf` reads, so
// "as known on date D" is computed exactly like the current state.
//
// Honest aggregation: several claims from one document are not independent
// evidence, so each document counts once with its strongest claim; documents
// combine by noisy-OR (1 - Π(1 - p)). A denial lowers a contested relation's
// confidence: confidence = P(positive) × (1 − P(negative)).
import type { Polarity } from "../model.ts";

export type ClaimEvidence = {
  polarity: Polarity;
  /** confidence × modality weight, in [0, 1]. */
  weight: number;
  documentId: string;
  /** YYYY-MM-DD, null when the document has no publication date. */
  publishedDate: string | null;
};

export type RelationPolarity = "positive" | "negative" | "contested";

export type AggregatedRelation = {
  polarity: RelationPolarity;
  confidence: number;
  positiveConfidence: number;
  negativeConfidence: number;
  claimCount: number;
  positiveClaims: number;
  negativeClaims: number;
  documentCount: number;
  contested: boolean;
  firstReported: string | null;
  lastReported: string | null;
  /** Earliest date of a positive claim: whether the edge existed (positively) as of a date. */
  firstPositive: string | null;
};

function noisyOr(claims: ClaimEvidence[]): number {
  const strongestPerDocument = new Map<string, number>();
  for (const claim of claims) {
    const weight = Math.min(1, Math.max(0, claim.weight));
    strongestPerDocument.set(claim.documentId, Math.max(strongestPerDocument.get(claim.documentId) ?? 0, weight));
  }
  let disbelief = 1;
  for (const p of strongestPerDocument.values()) disbelief *= 1 - p;
  return round(1 - disbelief);
}

function round(x: number): number {
  return Math.round(x * 10_000) / 10_000;
}

function minDate(dates: (string | null)[]): string | null {
  return dates.reduce<string | null>((min, d) => (d !== null && (min === null || d < min) ? d : min), null);
}

function maxDate(dates: (string | null)[]): string | null {
  return dates.reduce<string | null>((max, d) => (d !== null && (max === null || d > max) ? d : max), null);
}

/** The relation the claims support, or null when there are none. */
export function aggregateClaims(claims: ClaimEvidence[]): AggregatedRelation | null {
  if (claims.length === 0) return null;
  const positive = claims.filter((c) => c.polarity === "positive");
  const negative = claims.filter((c) => c.polarity === "negative");
  const positiveConfidence = noisyOr(positive);
  const negativeConfidence = noisyOr(negative);
  const contested = positive.length > 0 && negative.length > 0;
  const polarity: RelationPolarity = contested ? "contested" : positive.length > 0 ? "positive" : "negative";
  const confidence =
    polarity === "contested"
      ? round(positiveConfidence * (1 - negativeConfidence))
      : polarity === "positive"
        ? positiveConfidence
        : negativeConfidence;
  const dates = claims.map((c) => c.publishedDate);
  return {
    polarity,
    confidence,
    positiveConfidence,
    negativeConfidence,
    claimCount: claims.length,
    positiveClaims: positive.length,
    negativeClaims: negative.length,
    documentCount: new Set(claims.map((c) => c.documentId)).size,
    contested,
    firstReported: minDate(dates),
    lastReported: maxDate(dates),
    firstPositive: minDate(positive.map((c) => c.publishedDate)),
  };
}

/** Keeps the claims known on a date (their document published on or before it). */
export function claimsAsOf<T extends { publishedDate: string | null }>(claims: T[], asOf: string | null): T[] {
  if (asOf === null) return claims;
  return claims.filter((c) => c.publishedDate !== null && c.publishedDate <= asOf);
}
