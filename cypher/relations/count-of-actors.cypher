// How many aggregated relations each actor has under a filter (the
// totalCount of relations/of-actors, run only when a query asks for it).
// params: $ids list, $predicates list, $symmetric list of symmetric predicates, $direction
//         'OUTGOING'|'INCOMING'|'BOTH', $minConfidence float, $polarity 'positive'|'negative'|'contested'|null
// returns: id string, totalCount integer
UNWIND $ids AS id
MATCH (a:Actor {id: id})
CALL (a) {
  MATCH (a)-[r]-(b:Actor)
  WHERE type(r) IN $predicates
    AND r.confidence >= $minConfidence
    AND ($polarity IS NULL OR r.polarity = $polarity OR (r.polarity = 'contested' AND $polarity <> 'contested'))
    AND ($direction = 'BOTH' OR type(r) IN $symmetric OR ($direction = 'OUTGOING') = (startNode(r) = a))
  RETURN count(r) AS totalCount
}
RETURN id, totalCount
