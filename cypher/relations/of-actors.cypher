// A page of each actor's aggregated relations, strongest first (keyset on
// confidence, then predicate|direction|other id), with the total per actor.
// params: $ids list, $predicates list, $symmetric list of symmetric predicates, $direction
//         'OUTGOING'|'INCOMING'|'BOTH', $minConfidence float, $polarity 'positive'|'negative'|'contested'|null,
//         $afterConfidence float or null, $afterKey string or null, $limit integer
// returns: id string, totalCount integer, page list of {relation map, direction, tieKey, actor map}
UNWIND $ids AS id
MATCH (a:Actor {id: id})
CALL (a) {
  OPTIONAL MATCH (a)-[r]-(b:Actor)
  WHERE type(r) IN $predicates
    AND r.confidence >= $minConfidence
    AND ($polarity IS NULL OR r.polarity = $polarity OR (r.polarity = 'contested' AND $polarity <> 'contested'))
  WITH r, b, CASE WHEN startNode(r) = a THEN 'OUTGOING' ELSE 'INCOMING' END AS direction
  WHERE r IS NOT NULL AND ($direction = 'BOTH' OR direction = $direction OR type(r) IN $symmetric)
  WITH r, b, direction, type(r) + '|' + direction + '|' + b.id AS tieKey
  ORDER BY r.confidence DESC, tieKey
  WITH collect({
    relation: r {.*, predicate: type(r), fromId: startNode(r).id, toId: endNode(r).id},
    direction: direction,
    tieKey: tieKey,
    actor: b {.id, .name, .type, .aliases, .country}
  }) AS edges
  RETURN size(edges) AS totalCount,
    [x IN edges
      WHERE $afterConfidence IS NULL OR x.relation.confidence < $afterConfidence
        OR (x.relation.confidence = $afterConfidence AND x.tieKey > $afterKey)][0..toInteger($limit)] AS page
}
RETURN id, totalCount, page
