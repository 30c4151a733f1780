// Typed calls to the GraphQL API, mapped into what the explorer draws.
import { requestGraphql } from "./graphql-client.ts";
import {
  ACTOR_CARD_QUERY,
  EVENT_QUERY,
  NEIGHBORHOOD_QUERY,
  PATHS_QUERY,
  RELATION_CLAIMS_QUERY,
  SEARCH_QUERY,
  toRelationEvidenceVariables,
} from "./queries.ts";
import type { ActorNode, RelationEdge, Subgraph } from "./view-model.ts";
import { toEdgeId } from "./view-model.ts";

export type SearchHit = { score: number; field: string; snippet: string | null; actor: ActorNode };

export type DocumentRef = {
  id: string;
  title: string | null;
  url: string | null;
  publishedAt: string | null;
  source: string | null;
};

export type Claim = {
  predicate: string;
  polarity: string;
  modality: string;
  confidence: number;
  attribution: string | null;
  quote: string;
  document: DocumentRef | null;
};

export type ActorCard = ActorNode & {
  aliases: string[];
  country: string | null;
  relations: {
    totalCount: number;
    edges: { direction: string; predicate: string; claimCount: number; contested: boolean; actor: ActorNode }[];
  };
  events: { id: string; type: string; date: string | null }[];
  documents: { id: string }[];
};

/** What the API says about a relation, whichever way it is seen (Relation or ActorRelation). */
export type RelationFacts = {
  predicate: string;
  polarity: string;
  confidence: number;
  claimCount: number;
  contested: boolean;
  firstReported: string | null;
  lastReported: string | null;
};

export type ApiRelation = RelationFacts & {
  id: string;
  from: { id: string };
  to: { id: string };
  claims: { polarity: string; modality: string }[];
};

export type NamedActor = ActorNode & { aliases: string[] };

/** One relation between two actors with the claims behind it. */
export type RelationEvidence = {
  subject: NamedActor;
  object: NamedActor;
  relation: RelationFacts & { claims: Claim[] };
};

type CasualtyRange = { low: number | null; best: number | null; high: number | null };

export type EventDetails = {
  id: string;
  type: string;
  date: string | null;
  datePrecision: string | null;
  weapons: string[];
  killed: CasualtyRange;
  injured: CasualtyRange;
  quote: string | null;
  locations: ActorNode[];
  perpetrators: ActorNode[];
  targets: ActorNode[];
  documents: DocumentRef[];
};

/** actors[i] and actors[i + 1] are joined by hops[i]. */
export type PathResult = { actors: ActorNode[]; hops: (ApiRelation & { evidence: Claim | null })[] };

/** Hedged: the relation is stated, but never as plain fact ("appears to", "likely", "could"). */
export function isHedged(claims: readonly { polarity: string; modality: string }[]): boolean {
  const stated = claims.filter((claim) => claim.polarity.toUpperCase() === "POSITIVE");
  return stated.length > 0 && stated.every((claim) => claim.modality.toUpperCase() !== "ASSERTED");
}

export function toRelationEdge(relation: ApiRelation): RelationEdge {
  return {
    id: toEdgeId(relation.predicate, relation.from.id, relation.to.id),
    predicate: relation.predicate,
    source: relation.from.id,
    target: relation.to.id,
    confidence: relation.confidence,
    claimCount: relation.claimCount,
    contested: relation.contested,
    hedged: isHedged(relation.claims),
    firstReported: relation.firstReported,
    lastReported: relation.lastReported,
  };
}

export async function searchActors(text: string, first = 10): Promise<SearchHit[]> {
  const data = await requestGraphql<{ search: SearchHit[] }>(SEARCH_QUERY, { text, first });
  return data.search;
}

export async function fetchActorCard(id: string, asOf: string | null): Promise<ActorCard | null> {
  const data = await requestGraphql<{ actor: ActorCard | null }>(ACTOR_CARD_QUERY, { id, asOf });
  return data.actor;
}

export async function fetchNeighborhood(
  variables: Record<string, unknown>,
): Promise<Subgraph & { truncated: boolean }> {
  const data = await requestGraphql<{
    neighborhood: { nodes: ActorNode[]; edges: ApiRelation[]; truncated: boolean } | null;
  }>(NEIGHBORHOOD_QUERY, variables);
  const result = data.neighborhood ?? { nodes: [], edges: [], truncated: false };
  return { nodes: result.nodes, edges: result.edges.map(toRelationEdge), truncated: result.truncated };
}

/** The claims behind one drawn edge (null when the relation is gone as of that date). */
export async function fetchRelationEvidence(edge: RelationEdge, asOf: string | null): Promise<RelationEvidence | null> {
  const data = await requestGraphql<{
    paths: {
      actors: NamedActor[];
      hops: (RelationFacts & { from: { id: string }; to: { id: string }; claims: Claim[] })[];
    }[];
  }>(RELATION_CLAIMS_QUERY, toRelationEvidenceVariables(edge, asOf));
  const path = data.paths[0];
  const relation = path?.hops[0];
  if (!path || !relation) return null;
  const subject = path.actors.find((actor) => actor.id === relation.from.id);
  const object = path.actors.find((actor) => actor.id === relation.to.id);
  return subject && object ? { subject, object, relation } : null;
}

export async function fetchEvent(id: string): Promise<EventDetails | null> {
  const data = await requestGraphql<{ event: EventDetails | null }>(EVENT_QUERY, { id });
  return data.event;
}

export async function fetchPaths(variables: Record<string, unknown>): Promise<PathResult[]> {
  const data = await requestGraphql<{ paths: PathResult[] }>(PATHS_QUERY, variables);
  return data.paths;
}
