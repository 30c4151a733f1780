// Every relation of each actor that had a claim by $asOf, with those claims,
// so the relation can be recomputed as known on that date.
// params: $ids list, $predicates list, $symmetric list, $direction 'OUTGOING'|'INCOMING'|'BOTH', $asOf YYYY-MM-DD
// returns: id string, relation map, direction string, actor map, claims list of {polarity, weight, documentId, publishedDate}
UNWIND $ids AS id
MATCH (a:Actor {id: id})-[r]-(b:Actor)
WHERE type(r) IN $predicates AND r.firstReported <= $asOf
WITH id, a, r, b, CASE WHEN startNode(r) = a THEN 'OUTGOING' ELSE 'INCOMING' END AS direction
WHERE $direction = 'BOTH' OR direction = $direction OR type(r) IN $symmetric
CALL (r) {
  MATCH (c:Claim {relationKey: r.key})
  WHERE c.publishedDate <= $asOf
  RETURN collect(c {.polarity, .weight, .documentId, .publishedDate}) AS claims
}
RETURN id, r {.*, predicate: type(r), fromId: startNode(r).id, toId: endNode(r).id} AS relation, direction, b {.id, .name, .type, .aliases, .country} AS actor, claims
