// Every relation of each actor that had a claim by $asOf, with those claims,
// so the relation can be recomputed as known on that date.
// The relation types are spelled out (every predicate; a unit test keeps the list
// in step with the model) so Neo4j follows only those chains of a hub, not its
// thousands of mentions and event links. The caller narrows each list marked
// /*$relations*/ to the asked predicates, pointed one way when the direction
// allows (withRelationTypes): the bound pattern is the only predicate
// filter, and Database refuses to run this file unbound.
// params: $ids list, $symmetric list, $direction 'OUTGOING'|'INCOMING'|'BOTH', $asOf YYYY-MM-DD
// returns: id string, relation map, direction string, actor map, claims list of {polarity, weight, documentId, publishedDate}
UNWIND $ids AS id
MATCH (a:Actor {id: id})-[r:/*$relations*/PART_OF|MEMBER_OF|LOCATED_IN|SUPPORTS|FUNDS|ARMS|TRAINS|DIRECTS|ENCOURAGES|ASSOCIATED_WITH|ALLIED_WITH|ATTACKS|FIGHTS]-(b:Actor)
WHERE r.firstReported <= $asOf
WITH id, a, r, b, CASE WHEN startNode(r) = a THEN 'OUTGOING' ELSE 'INCOMING' END AS direction
WHERE $direction = 'BOTH' OR direction = $direction OR type(r) IN $symmetric
CALL (r) {
  MATCH (c:Claim {relationKey: r.key})
  WHERE c.publishedDate <= $asOf
  RETURN collect(c {.polarity, .weight, .documentId, .publishedDate}) AS claims
}
RETURN id, r {.*, predicate: type(r), fromId: startNode(r).id, toId: endNode(r).id} AS relation, direction, b {.id, .name, .type, .aliases, .country} AS actor, claims
