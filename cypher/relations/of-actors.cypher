// A page of each actor's aggregated relations, strongest first (keyset on
// confidence, then predicate|direction|other id). A top-k over the edges:
// only the page's relations and actors are projected, so a hub with
// thousands of relations costs a partial sort, not thousands of maps. The
// total is relations/count-of-actors, run only when a query asks for it.
// The relation types are spelled out (every predicate; a unit test keeps the list
// in step with the model) so Neo4j follows only those chains of a hub, not its
// thousands of mentions and event links; type(r) IN $predicates narrows further.
// params: $ids list, $predicates list, $symmetric list of symmetric predicates, $direction
//         'OUTGOING'|'INCOMING'|'BOTH', $minConfidence float, $polarity 'positive'|'negative'|'contested'|null,
//         $afterConfidence float or null, $afterKey string or null, $limit integer
// returns: id string, page list of {relation map, direction, tieKey, actor map}
UNWIND $ids AS id
MATCH (a:Actor {id: id})
CALL (a) {
  MATCH (a)-[r:PART_OF|MEMBER_OF|LOCATED_IN|SUPPORTS|FUNDS|ARMS|TRAINS|DIRECTS|ENCOURAGES|ASSOCIATED_WITH|ALLIED_WITH|ATTACKS|FIGHTS]-(b:Actor)
  WHERE type(r) IN $predicates
    AND r.confidence >= $minConfidence
    AND ($polarity IS NULL OR r.polarity = $polarity OR (r.polarity = 'contested' AND $polarity <> 'contested'))
    AND ($direction = 'BOTH' OR type(r) IN $symmetric OR ($direction = 'OUTGOING') = (startNode(r) = a))
  WITH r, b, CASE WHEN startNode(r) = a THEN 'OUTGOING' ELSE 'INCOMING' END AS direction
  WITH r, b, direction, type(r) + '|' + direction + '|' + b.id AS tieKey
  WHERE $afterConfidence IS NULL OR r.confidence < $afterConfidence
    OR (r.confidence = $afterConfidence AND tieKey > $afterKey)
  WITH r, b, direction, tieKey
  ORDER BY r.confidence DESC, tieKey
  LIMIT toInteger($limit)
  RETURN collect({
    relation: r {.*, predicate: type(r), fromId: startNode(r).id, toId: endNode(r).id},
    direction: direction,
    tieKey: tieKey,
    actor: b {.id, .name, .type, .aliases, .country}
  }) AS page
}
RETURN id, page
