// The shapes the data layer returns: plain objects, shaped by the Cypher
// projections, so the API maps them without touching the driver.
import type { Modality, Polarity, Predicate } from "../model.ts";
import type { RelationPolarity } from "./aggregate.ts";

export type ActorRecord = {
  id: string;
  name: string;
  type: string;
  aliases: string[];
  country: string | null;
  /** Its relations, when the read that found the actor fetched a page of them ahead. */
  prefetchedRelations?: PrefetchedRelations;
};

export type DocumentRecord = {
  id: string;
  title: string | null;
  url: string | null;
  publishedAt: string | null;
  source: string | null;
  contentHash: string | null;
  license: string | null;
  ingestedAt: string | null;
};

export type ClaimRecord = {
  id: string;
  predicate: Predicate;
  subjectId: string;
  objectId: string;
  polarity: Polarity;
  modality: Modality;
  confidence: number;
  attribution: string | null;
  role: string | null;
  quote: string;
  start: number;
  end: number;
  publishedDate: string | null;
  document: DocumentRecord;
};

export type EventRecord = {
  id: string;
  type: string;
  date: string | null;
  datePrecision: string | null;
  weapons: string[];
  killedLow: number | null;
  killedBest: number | null;
  killedHigh: number | null;
  injuredLow: number | null;
  injuredBest: number | null;
  injuredHigh: number | null;
  quote: string | null;
  /** Who and where, and the reporting documents, when the read fetched them ahead (null: that list was not). */
  prefetchedParticipants?: PrefetchedParticipants;
};

export type EventParticipants = {
  perpetrators: ActorRecord[];
  targets: ActorRecord[];
  locations: ActorRecord[];
  documents: DocumentRecord[];
};

export type ParticipantList = keyof EventParticipants;

export type PrefetchedParticipants = { [K in ParticipantList]: EventParticipants[K] | null };

/** An aggregated relation between two actors, as stored or as known on `asOf`. */
export type RelationRecord = {
  key: string;
  predicate: Predicate;
  fromId: string;
  toId: string;
  polarity: RelationPolarity;
  confidence: number;
  claimCount: number;
  positiveClaims: number;
  negativeClaims: number;
  contested: boolean;
  firstReported: string | null;
  lastReported: string | null;
  /** The date the relation was computed for; claims below it are filtered the same way. */
  asOf: string | null;
};

export type Direction = "OUTGOING" | "INCOMING" | "BOTH";

/** A relation seen from one actor: the other end and which way it points. */
export type ActorRelationRecord = RelationRecord & {
  direction: "OUTGOING" | "INCOMING";
  actor: ActorRecord;
  /** Its place in the page's order (PREDICATE|direction|other id, after confidence): relationCursor encodes it. */
  tieKey: string;
  /** Its best claims, when the read fetched them ahead (at most `limit`, best first). */
  prefetchedClaims?: { limit: number; claims: ClaimRecord[] };
};

/** The other actor's first page of relations, fetched ahead under the filter whose relationsArgsKey is `key`. */
export type PrefetchedRelations = {
  key: string;
  page: {
    items: ActorRelationRecord[];
    hasNextPage: boolean;
    endCursor: string | null;
    totalCount: number | null;
  };
};

export type Page<T> = {
  items: T[];
  hasNextPage: boolean;
  endCursor: string | null;
  /** Counted only when asked for. */
  totalCount: () => Promise<number>;
};
