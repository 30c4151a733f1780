// What the structured-data importers produce, independent of the dataset:
// rows become an event, the evidence document it comes from, and (where the
// dataset's relation maps onto a predicate) a claim between two actors.
import type { DatePrecision, EntityType, Modality, Predicate } from "../model.ts";

export type ImportedActor = { id: string; name: string; type: EntityType; aliases: string[] };

export type ImportedRecord = {
  /** Stable across runs: the dataset's own event id, so re-imports are idempotent. */
  id: string;
  document: {
    id: string;
    title: string;
    url: string | null;
    publishedAt: string | null;
    source: string;
    license: string;
  };
  event: {
    id: string;
    type: string;
    date: string | null;
    datePrecision: DatePrecision;
    endDate: string | null;
    locations: ImportedActor[];
    perpetrators: ImportedActor[];
    targets: ImportedActor[];
    killed: { low: number | null; best: number | null; high: number | null };
    quote: string;
  } | null;
  claim: {
    id: string;
    subject: ImportedActor;
    object: ImportedActor;
    predicate: Predicate;
    modality: Modality;
    confidence: number;
    attribution: string;
    quote: string;
  } | null;
};

/** A row that could not be imported, with the reason (reported, never dropped silently). */
export type RejectedRow = { line: number; reason: string };

export type ParseResult = { record: ImportedRecord } | { rejected: RejectedRow } | { skipped: string };
