// What the explorer draws, independent of the API's exact shapes: the
// mappers in api.ts turn GraphQL results into these.

export type ActorNode = { id: string; name: string; type: string };

export type RelationEdge = {
  /** One edge per (predicate, from, to): the API aggregates claims per pair. */
  id: string;
  predicate: string;
  source: string;
  target: string;
  confidence: number;
  claimCount: number;
  contested: boolean;
  /** Every claim behind it is hedged, planned or possible rather than asserted. */
  hedged: boolean;
  firstReported: string | null;
  lastReported: string | null;
};

export type Subgraph = { nodes: ActorNode[]; edges: RelationEdge[] };

export type Filters = {
  predicates: string[];
  minConfidence: number;
  direction: "BOTH" | "OUT" | "IN";
  depth: number;
  asOf: string | null;
};

export function toEdgeId(predicate: string, source: string, target: string): string {
  return `${predicate}|${source}|${target}`;
}

/** An edge known only by its ends (from a card's relation list); the evidence query fills in the rest. */
export function toEdgeRef(predicate: string, source: string, target: string): RelationEdge {
  return {
    id: toEdgeId(predicate, source, target),
    predicate,
    source,
    target,
    confidence: 0,
    claimCount: 0,
    contested: false,
    hedged: false,
    firstReported: null,
    lastReported: null,
  };
}
