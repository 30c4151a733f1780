// The operations every contender answers: the same question as an actorgraph
// GraphQL operation, a @neo4j/graphql operation and the best hand-written
// Cypher (raw), each with a normaliser to one shape, so the benchmark can
// check that all three return the same data before it times them.
import { toLuceneQuery } from "../src/graph/actors.ts";
import { toNameKey } from "../src/graph/keys.ts";
import { PREDICATES } from "../src/model.ts";

// biome-ignore lint/suspicious/noExplicitAny: response shapes are checked by comparing normalised results
type Json = any;

export type Group = "nested" | "neighbourhood" | "path" | "other";

export type Operation = {
  name: string;
  group: Group;
  actorgraph: { query: string; normalize: (data: Json) => unknown };
  neo4jGraphql: { query: string; normalize: (data: Json) => unknown };
  raw: { cypher: string; params: Record<string, unknown>; normalize: (rows: Json[]) => unknown };
};

export type OperationIds = {
  hubs: [string, string];
  neighbourhoodStart: string;
  pathFrom: string;
  pathTo: string;
  eventPlace: string;
  eventFrom: string;
  eventTo: string;
  searchText: string;
  nameLookup: string;
};

export const DEFAULT_IDS: OperationIds = {
  hubs: ["iran", "hezbollah"],
  neighbourhoodStart: "houthis",
  pathFrom: "kataib-hezbollah",
  pathTo: "houthis",
  eventPlace: "aleppo-town",
  eventFrom: "2016-01-01",
  eventTo: "2017-12-31",
  searchText: "Quds Force",
  nameLookup: "Lebanese Hizballah",
};

const ACTOR = "{.id, .name, .type, .aliases, .country}";
/** Every relation type, spelled out so a hub expands only its relation chains (as the API statements do). */
export const RELATION_TYPES = PREDICATES.join("|");
const SUPPORT = ["SUPPORTS", "FUNDS", "ARMS", "TRAINS", "DIRECTS", "ENCOURAGES"];
const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
const actorOf = (a: Json) => ({
  id: a.id,
  name: a.name,
  type: a.type,
  aliases: [...(a.aliases ?? [])],
  country: a.country ?? null,
});
const edgeOf = (e: Json) => ({
  key: e.key ?? e.id,
  predicate: e.predicate,
  confidence: e.confidence,
  claimCount: e.claimCount,
});

function relationsOp(id: string): Operation {
  const shape = (edges: Json[]) =>
    edges.map((e) => ({
      predicate: e.predicate,
      direction: e.direction,
      confidence: e.confidence,
      claimCount: e.claimCount,
      actor: actorOf(e.actor),
      claims: e.claims.map((c: Json) => ({ quote: c.quote, document: { id: c.document.id, title: c.document.title } })),
    }));
  return {
    name: `relations-${id}`,
    group: "other",
    actorgraph: {
      query: `{ actor(id: "${id}") { relations(first: 10) { edges {
        predicate direction confidence claimCount
        actor { id name type aliases country }
        claims(first: 3) { quote document { id title } } } } } }`,
      normalize: (d) => shape(d.actor.relations.edges),
    },
    neo4jGraphql: {
      query: `{ actors(where: { id: { eq: "${id}" } }) { relationsWithEvidence(first: 10, claims: 3) {
        predicate direction confidence claimCount
        actor { id name type aliases country }
        claims { quote document { id title } } } } }`,
      normalize: (d) => shape(d.actors[0].relationsWithEvidence),
    },
    raw: {
      cypher: `
        MATCH (a:Actor {id: $id})-[r:${RELATION_TYPES}]-(b:Actor)
        WHERE r.polarity <> 'negative'
        WITH r, b, CASE WHEN startNode(r) = a THEN 'OUTGOING' ELSE 'INCOMING' END AS direction
        ORDER BY r.confidence DESC, type(r) + '|' + direction + '|' + b.id
        LIMIT 10
        CALL (r) {
          MATCH (c:Claim {relationKey: r.key})-[:STATED_IN]->(d:Document)
          WITH c, d ORDER BY CASE c.polarity WHEN 'positive' THEN 0 ELSE 1 END, c.weight DESC, c.publishedDate DESC, c.id
          LIMIT 3
          RETURN collect({quote: c.quote, document: d {.id, .title}}) AS claims
        }
        RETURN type(r) AS predicate, direction, r.confidence AS confidence, r.claimCount AS claimCount,
          b ${ACTOR} AS actor, claims`,
      params: { id },
      normalize: shape,
    },
  };
}

/**
 * A request that reaches no database: each server's pipeline alone (HTTP,
 * body, and for the GraphQL servers Yoga, parsing, validation and executing
 * `__typename`). The raw server answers an empty `cypher` with no rows and no
 * statement. What separates the two GraphQL servers from raw here is the
 * part of every latency ratio that no statement or resolver change removes.
 */
export const NO_DATABASE: Operation = {
  name: "no-database",
  group: "other",
  actorgraph: { query: "{ __typename }", normalize: (d) => d },
  neo4jGraphql: { query: "{ __typename }", normalize: (d) => d },
  raw: { cypher: "", params: {}, normalize: (rows) => rows },
};

export function createOperations(ids: OperationIds = DEFAULT_IDS): Operation[] {
  const nameKey = toNameKey(ids.nameLookup);
  const lucene = toLuceneQuery(ids.searchText);
  // Which of several equally short paths SHORTEST returns is the planner's
  // choice, so paths compare by length and ends, and each hop must be a
  // stored relation (checked by its key naming the actors it joins).
  const pathShape = (paths: Json[]) =>
    paths.map((p) => {
      const actors: string[] = p.actors.map((a: Json) => a.id);
      const joined = p.hops.every((h: Json, i: number) => {
        const [, from, to] = String(h.key ?? h.id).split("|");
        const pair = [actors[i], actors[i + 1]];
        return pair.includes(from) && pair.includes(to);
      });
      return { length: p.hops.length, from: actors[0], to: actors.at(-1), joined };
    });
  const eventShape = (events: Json[]) =>
    events.map((e) => ({
      id: e.id,
      date: e.date,
      type: e.type,
      killed: e.killedBest ?? e.killed?.best ?? null,
      perpetrators: e.perpetrators.map((a: Json) => ({ id: a.id, name: a.name })).sort(byId),
    }));
  const nestedShape = (actors: Json[]) =>
    actors.map((a) => ({
      id: a.id,
      name: a.name,
      relations: a.relations.map((r: Json) => ({
        confidence: r.confidence,
        claimCount: r.claimCount,
        actor: {
          id: r.actor.id,
          name: r.actor.name,
          relations: r.actor.relations.map((s: Json) => ({ confidence: s.confidence, actor: s.actor })),
        },
      })),
    }));
  return [
    {
      name: "actor-by-name",
      group: "other",
      actorgraph: {
        query: `{ actorByName(name: "${ids.nameLookup}") { id name type aliases country } }`,
        normalize: (d) => actorOf(d.actorByName),
      },
      neo4jGraphql: {
        query: `{ actors(where: { keys: { includes: "${nameKey}" } }, limit: 1) { id name type aliases country } }`,
        normalize: (d) => actorOf(d.actors[0]),
      },
      raw: {
        cypher: `MATCH (:Name {key: $key})<-[:KNOWN_AS]-(a:Actor)
          WITH a, CASE WHEN a.nameKey = $key THEN 0 ELSE 1 END AS rank, COUNT { (a)<-[:MENTIONS]-() } AS mentions
          ORDER BY rank, mentions DESC, a.id LIMIT 1
          RETURN a ${ACTOR} AS actor`,
        params: { key: nameKey },
        normalize: (rows) => actorOf(rows[0].actor),
      },
    },
    {
      name: "actors-page",
      group: "other",
      actorgraph: {
        query: `{ actors(filter: { types: [ArmedGroup] }, first: 20) { edges { node { id name type aliases country } } } }`,
        normalize: (d) => d.actors.edges.map((e: Json) => actorOf(e.node)),
      },
      neo4jGraphql: {
        query: `{ actors(where: { type: { eq: "ArmedGroup" } }, sort: [{ nameKey: ASC }, { id: ASC }], limit: 20) {
          id name type aliases country } }`,
        normalize: (d) => d.actors.map(actorOf),
      },
      raw: {
        cypher: `MATCH (a:Actor) WHERE a.type = $type
          RETURN a ${ACTOR} AS actor ORDER BY a.nameKey, a.id LIMIT 20`,
        params: { type: "ArmedGroup" },
        normalize: (rows) => rows.map((r) => actorOf(r.actor)),
      },
    },
    relationsOp(ids.hubs[0]),
    relationsOp(ids.hubs[1]),
    {
      name: "neighbourhood-2-hops",
      group: "neighbourhood",
      actorgraph: {
        query: `{ neighborhood(id: "${ids.neighbourhoodStart}", depth: 2, predicates: [${SUPPORT.join(", ")}], limit: 500) {
          nodes { id name type aliases country } edges { id predicate confidence claimCount } truncated } }`,
        normalize: (d) => {
          if (d.neighborhood.truncated)
            throw new Error("neighbourhood truncated: pick a smaller one for the benchmark");
          return {
            nodes: d.neighborhood.nodes.map(actorOf).sort(byId),
            edges: d.neighborhood.edges.map(edgeOf).sort((a: Json, b: Json) => (a.key < b.key ? -1 : 1)),
          };
        },
      },
      neo4jGraphql: {
        query: `{ neighborhood(id: "${ids.neighbourhoodStart}", predicates: ${JSON.stringify(SUPPORT)}) {
          nodes { id name type aliases country } edges { key predicate confidence claimCount } } }`,
        normalize: (d) => ({
          nodes: d.neighborhood.nodes.map(actorOf).sort(byId),
          edges: d.neighborhood.edges.map(edgeOf).sort((a: Json, b: Json) => (a.key < b.key ? -1 : 1)),
        }),
      },
      raw: {
        cypher: `
          MATCH (s:Actor {id: $id})
          CALL (s) {
            MATCH (s)-[r:${SUPPORT.join("|")}]-(n:Actor) WHERE r.polarity <> 'negative'
            RETURN collect(DISTINCT n) AS ring
          }
          UNWIND ring + s AS a
          MATCH (a)-[r:${SUPPORT.join("|")}]-(b:Actor) WHERE r.polarity <> 'negative'
          WITH s, collect(DISTINCT b) AS reached, collect(DISTINCT r) AS rels
          RETURN [n IN CASE WHEN s IN reached THEN reached ELSE reached + s END | n ${ACTOR}] AS nodes,
            [r IN rels | r {.key, .confidence, .claimCount, predicate: type(r)}] AS edges`,
        params: { id: ids.neighbourhoodStart, predicates: SUPPORT },
        normalize: (rows) => ({
          nodes: [...new Map(rows[0].nodes.map((n: Json) => [n.id, actorOf(n)])).values()].sort(byId as never),
          edges: rows[0].edges.map(edgeOf).sort((a: Json, b: Json) => (a.key < b.key ? -1 : 1)),
        }),
      },
    },
    {
      name: "paths-4-hops",
      group: "path",
      actorgraph: {
        query: `{ paths(from: "${ids.pathFrom}", to: "${ids.pathTo}", maxHops: 4, k: 3) {
          actors { id } hops { id predicate confidence claimCount } } }`,
        normalize: (d) => pathShape(d.paths),
      },
      neo4jGraphql: {
        query: `{ paths(from: "${ids.pathFrom}", to: "${ids.pathTo}", maxHops: 4, k: 3) {
          actors { id } hops { key predicate confidence claimCount } } }`,
        normalize: (d) => pathShape(d.paths),
      },
      raw: {
        cypher: `
          MATCH (a:Actor {id: $from}), (b:Actor {id: $to})
          MATCH p = SHORTEST 3 (a)((x)-[r:${RELATION_TYPES}]-(y) WHERE r.polarity <> 'negative'){1,4}(b)
          RETURN [n IN nodes(p) | n.id] AS actors,
            [r IN relationships(p) | r {.key, .confidence, .claimCount, predicate: type(r)}] AS hops
          ORDER BY length(p)`,
        params: { from: ids.pathFrom, to: ids.pathTo },
        normalize: (rows) =>
          pathShape(rows.map((r) => ({ actors: r.actors.map((id: string) => ({ id })), hops: r.hops }))),
      },
    },
    {
      name: "full-text-search",
      group: "other",
      actorgraph: {
        query: `{ search(text: "${ids.searchText}", first: 10) { actor { id name } } }`,
        normalize: (d) => d.search.map((h: Json) => ({ id: h.actor.id, name: h.actor.name })).sort(byId),
      },
      neo4jGraphql: {
        query: `{ search(query: ${JSON.stringify(lucene)}, first: 10) { id name } }`,
        normalize: (d) => d.search.map((a: Json) => ({ id: a.id, name: a.name })).sort(byId),
      },
      raw: {
        cypher: `
          CALL () {
            CALL db.index.fulltext.queryNodes('actor_names', $query, {limit: 10}) YIELD node, score
            RETURN node AS actor, score
            UNION ALL
            CALL db.index.fulltext.queryNodes('claim_quotes', $query, {limit: 10}) YIELD node, score
            MATCH (node)-[:SUBJECT]->(subject:Actor)
            RETURN subject AS actor, score
          }
          RETURN actor {.id, .name} AS actor, score ORDER BY score DESC LIMIT 10`,
        params: { query: lucene },
        normalize: (rows) => rows.map((r) => r.actor).sort(byId),
      },
    },
    {
      name: "events-date-place",
      group: "other",
      actorgraph: {
        query: `{ events(filter: { from: "${ids.eventFrom}", to: "${ids.eventTo}", location: "${ids.eventPlace}" }, first: 20) {
          edges { node { id date type killed { best } perpetrators { id name } } } } }`,
        normalize: (d) => eventShape(d.events.edges.map((e: Json) => e.node)),
      },
      neo4jGraphql: {
        query: `{ events(where: { date: { gte: "${ids.eventFrom}", lte: "${ids.eventTo}" },
            locations: { some: { id: { eq: "${ids.eventPlace}" } } } }, sort: [{ sortKey: DESC }], limit: 20) {
          id date type killedBest perpetrators { id name } } }`,
        normalize: (d) => eventShape(d.events),
      },
      raw: {
        cypher: `
          MATCH (:Actor {id: $place})<-[:OCCURRED_IN]-(e:Event)
          WHERE e.date >= $from AND e.date <= $to
          WITH e ORDER BY e.sortKey DESC LIMIT 20
          RETURN e.id AS id, e.date AS date, e.type AS type, e.killedBest AS killedBest,
            [(a:Actor)-[:PERPETRATED]->(e) | a {.id, .name}] AS perpetrators`,
        params: { place: ids.eventPlace, from: ids.eventFrom, to: ids.eventTo },
        normalize: eventShape,
      },
    },
    {
      name: "nested-depth-3",
      group: "nested",
      actorgraph: {
        query: `{ actors(filter: { types: [ArmedGroup], country: "iraq" }, first: 10) { edges { node { id name
          relations(direction: OUTGOING, predicates: [ATTACKS], first: 5) { edges { confidence claimCount
            actor { id name relations(direction: OUTGOING, predicates: [ATTACKS], first: 3) { edges { confidence actor { id name } } } } } } } } } }`,
        normalize: (d) =>
          nestedShape(
            d.actors.edges.map((e: Json) => ({
              ...e.node,
              relations: e.node.relations.edges.map((r: Json) => ({
                ...r,
                actor: { ...r.actor, relations: r.actor.relations.edges },
              })),
            })),
          ),
      },
      neo4jGraphql: {
        query: `{ actors(where: { type: { eq: "ArmedGroup" }, country: { eq: "iraq" } }, sort: [{ nameKey: ASC }, { id: ASC }], limit: 10) { id name
          attacksOutConnection(first: 5, sort: [{ edge: { confidence: DESC } }, { node: { id: ASC } }]) { edges {
            properties { confidence claimCount }
            node { id name attacksOutConnection(first: 3, sort: [{ edge: { confidence: DESC } }, { node: { id: ASC } }]) {
              edges { properties { confidence } node { id name } } } } } } } }`,
        normalize: (d) =>
          nestedShape(
            d.actors.map((a: Json) => ({
              id: a.id,
              name: a.name,
              relations: a.attacksOutConnection.edges.map((e: Json) => ({
                ...e.properties,
                actor: {
                  id: e.node.id,
                  name: e.node.name,
                  relations: e.node.attacksOutConnection.edges.map((f: Json) => ({ ...f.properties, actor: f.node })),
                },
              })),
            })),
          ),
      },
      raw: {
        cypher: `
          MATCH (a:Actor) WHERE a.type = $type AND a.country = $country
          WITH a ORDER BY a.nameKey, a.id LIMIT 10
          CALL (a) {
            OPTIONAL MATCH (a)-[r:ATTACKS]->(b:Actor) WHERE r.polarity <> 'negative'
            WITH r, b ORDER BY r.confidence DESC, b.id LIMIT 5
            CALL (b) {
              OPTIONAL MATCH (b)-[s:ATTACKS]->(c:Actor) WHERE s.polarity <> 'negative'
              WITH s, c ORDER BY s.confidence DESC, c.id LIMIT 3
              RETURN collect(CASE WHEN s IS NULL THEN null ELSE {confidence: s.confidence, actor: c {.id, .name}} END) AS next
            }
            RETURN collect(CASE WHEN r IS NULL THEN null
              ELSE {confidence: r.confidence, claimCount: r.claimCount, actor: b {.id, .name, relations: next}} END) AS relations
          }
          RETURN a.id AS id, a.name AS name, relations`,
        params: { type: "ArmedGroup", country: "iraq" },
        normalize: nestedShape,
      },
    },
  ];
}
