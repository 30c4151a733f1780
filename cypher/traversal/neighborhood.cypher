// The first level of a breadth-first traversal from an actor, with the actor
// itself: one round trip for both (traversal/expand gives the next levels,
// one round trip each). Strongest relations first, at most $rowLimit rows.
// Deeper levels are not folded in here: a level's top-k keeps its rows with
// every variable alive in the statement, and Neo4j counts the previous
// level's row list once per kept row (a 2-hop neighbourhood of a synthetic hub
// went over the 1.4 GiB transaction memory limit that way).
// The relation types are spelled out (every predicate; a unit test keeps the list
// in step with the model) so Neo4j follows only those chains of a hub, not its
// thousands of mentions and event links; type(r) IN $predicates narrows further.
// Relations are projected lean unless $relationDetail asks for their counts
// and dates: a map of every property costs several times the statement on
// a hub; predicate and ends are read from the key (PREDICATE|fromId|toId).
// params: $relationDetail boolean, $id actor id, $predicates list, $symmetric list,
//         $direction 'OUTGOING'|'INCOMING'|'BOTH', $minConfidence float (ignored with $asOf), $asOf YYYY-MM-DD or null,
//         $rowLimit integer
// returns: no row for an unknown id; else start actor map, rows list of {fromId, actor map, relation map}
MATCH (s:Actor {id: $id})
WITH s, [s.id] AS frontier1
CALL (frontier1) {
  UNWIND frontier1 AS id
  MATCH (a:Actor {id: id})-[r:PART_OF|MEMBER_OF|LOCATED_IN|SUPPORTS|FUNDS|ARMS|TRAINS|DIRECTS|ENCOURAGES|ASSOCIATED_WITH|ALLIED_WITH|ATTACKS|FIGHTS]-(b:Actor)
  WHERE type(r) IN $predicates
    AND r.polarity <> 'negative'
    AND ($asOf IS NULL OR r.firstPositive <= $asOf)
    AND ($asOf IS NOT NULL OR r.confidence >= $minConfidence)
    AND ($direction = 'BOTH' OR type(r) IN $symmetric
      OR ($direction = 'OUTGOING' AND startNode(r) = a)
      OR ($direction = 'INCOMING' AND endNode(r) = a))
  WITH id, r, b
  ORDER BY r.confidence DESC, r.key
  LIMIT toInteger($rowLimit)
  RETURN collect({
    fromId: id,
    actor: b {.id, .name, .type, .aliases, .country},
    relation: CASE WHEN $relationDetail THEN r {.key, .confidence, .claimCount, .polarity, .positiveClaims, .negativeClaims, .contested, .firstReported, .lastReported} ELSE r {.key, .confidence, .claimCount, .polarity} END
  }) AS rows1
}
RETURN s {.id, .name, .type, .aliases, .country} AS start, rows1 AS rows
