// The limits that keep every operation bounded. The data layer enforces them
// (so ingestion and the benchmark get the same guarantees); the messages name
// the limit and what is allowed.
import { InvalidInputError, LimitExceededError } from "../errors.ts";

export const LIMITS = {
  /** Page size of every list and connection. */
  first: 100,
  /** Hops of paths and support chains. */
  hops: 6,
  /** Depth of a neighbourhood. */
  depth: 3,
  /** Nodes of a neighbourhood. */
  neighborhoodNodes: 500,
  /** Paths per paths query. */
  paths: 5,
  /** Search text length. */
  searchText: 200,
  /** Predicates or types in one filter. */
  filterValues: 50,
} as const;

/** A whole number in [min, max]; below min is a bad argument, above max a limit. */
export function checkCount(name: string, value: number, max: number, min = 0): number {
  if (!Number.isInteger(value) || value < min) {
    throw new InvalidInputError(`${name} must be a whole number from ${min} to ${max}; got ${value}.`);
  }
  if (value > max) throw new LimitExceededError(`${name} is limited to ${max}; got ${value}. Ask for ${max} or fewer.`);
  return value;
}

export function checkConfidence(name: string, value: number | null | undefined): number {
  if (value === null || value === undefined) return 0;
  if (!(value >= 0 && value <= 1)) throw new InvalidInputError(`${name} must be between 0 and 1; got ${value}.`);
  return value;
}

/** YYYY-MM-DD dates (the API's Date scalar checks this too; ingestion calls the data layer directly). */
export function checkDate(name: string, value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(Date.parse(`${value}T00:00:00Z`))) {
    throw new InvalidInputError(`${name} must be a date as YYYY-MM-DD (e.g. 2024-01-28); got "${value}".`);
  }
  return value;
}
