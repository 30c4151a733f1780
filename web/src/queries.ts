// The GraphQL operations the explorer sends, and the variables for a view.
// Field names are the public contract of the API (schema/schema.graphql);
// each operation is also what "open this view's query in GraphiQL" shows.
import type { Filters } from "./view-model.ts";

const ACTOR_FIELDS = "id name type";

const FACT_FIELDS = "predicate polarity confidence claimCount contested firstReported lastReported";

/** A drawn edge: its facts, and its claims' modalities to tell whether it is only hedged. */
const RELATION_FIELDS = `id from { id } to { id } ${FACT_FIELDS}
      claims(first: 20) { polarity modality }`;

const CLAIM_FIELDS = `predicate polarity modality confidence attribution quote
      document { id title url publishedAt source }`;

export const SEARCH_QUERY = `query Search($text: String!, $first: Int) {
  search(text: $text, first: $first) {
    score
    field
    snippet
    actor { ${ACTOR_FIELDS} }
  }
}`;

export const ACTOR_CARD_QUERY = `query ActorCard($id: ID!, $asOf: Date) {
  actor(id: $id) {
    ${ACTOR_FIELDS}
    aliases
    country
    relations(first: 100, asOf: $asOf) {
      totalCount
      edges { direction predicate claimCount contested actor { ${ACTOR_FIELDS} } }
    }
    events(first: 100) { id type date }
    documents(first: 100) { id }
  }
}`;

export const NEIGHBORHOOD_QUERY = `query Neighborhood(
  $id: ID!
  $depth: Int
  $predicates: [Predicate!]
  $direction: Direction
  $minConfidence: Float
  $asOf: Date
  $limit: Int
) {
  neighborhood(
    id: $id
    depth: $depth
    predicates: $predicates
    direction: $direction
    minConfidence: $minConfidence
    asOf: $asOf
    limit: $limit
  ) {
    nodes { ${ACTOR_FIELDS} }
    edges { ${RELATION_FIELDS} }
    truncated
  }
}`;

// The API has no root field for one relation; a one-hop path from its subject
// to its object, restricted to its predicate and to that direction, is exactly
// that relation with its claims (without the direction the same predicate the
// other way round could answer), and stays cheap under the API's query cost
// limit, unlike paging an actor's relations.
export const RELATION_CLAIMS_QUERY = `query RelationEvidence($from: ID!, $to: ID!, $predicates: [Predicate!], $asOf: Date) {
  paths(from: $from, to: $to, maxHops: 1, k: 1, predicates: $predicates, direction: OUTGOING, asOf: $asOf) {
    actors { ${ACTOR_FIELDS} aliases }
    hops {
      id from { id } to { id } ${FACT_FIELDS}
      claims(first: 50) { ${CLAIM_FIELDS} }
    }
  }
}`;

export const EVENT_QUERY = `query Event($id: ID!) {
  event(id: $id) {
    id type date datePrecision weapons
    killed { low best high }
    injured { low best high }
    quote
    locations { ${ACTOR_FIELDS} }
    perpetrators { ${ACTOR_FIELDS} }
    targets { ${ACTOR_FIELDS} }
    documents { id title url publishedAt source }
  }
}`;

export const PATHS_QUERY = `query Paths($from: ID!, $to: ID!, $maxHops: Int, $k: Int, $predicates: [Predicate!], $asOf: Date) {
  paths(from: $from, to: $to, maxHops: $maxHops, k: $k, predicates: $predicates, asOf: $asOf) {
    actors { ${ACTOR_FIELDS} }
    hops {
      ${RELATION_FIELDS}
      evidence { ${CLAIM_FIELDS} }
    }
  }
}`;

/** The API's names for the explorer's direction choices. */
const DIRECTIONS = { BOTH: "BOTH", OUT: "OUTGOING", IN: "INCOMING" } as const;

/** Neighbourhood variables for the current filters; unset filters are left out so the API applies its defaults. */
export function toNeighborhoodVariables(id: string, filters: Filters, allPredicates: readonly string[], limit = 200) {
  const everyPredicate = allPredicates.every((p) => filters.predicates.includes(p));
  return {
    id,
    depth: filters.depth,
    predicates: everyPredicate ? undefined : [...filters.predicates],
    direction: DIRECTIONS[filters.direction],
    minConfidence: filters.minConfidence > 0 ? filters.minConfidence : undefined,
    asOf: filters.asOf ?? undefined,
    limit,
  };
}

export function toPathsVariables(from: string, to: string, k: number, maxHops: number, filters: Filters) {
  return {
    from,
    to,
    k: Math.min(5, Math.max(1, Math.floor(k) || 1)),
    maxHops: Math.min(6, Math.max(1, Math.floor(maxHops) || 1)),
    asOf: filters.asOf ?? undefined,
  };
}

export function toRelationEvidenceVariables(
  edge: { source: string; target: string; predicate: string },
  asOf: string | null,
) {
  return { from: edge.source, to: edge.target, predicates: [edge.predicate], asOf: asOf ?? undefined };
}
