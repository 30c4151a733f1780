// The first levels (up to 3) of a breadth-first traversal from an actor, in
// one statement: what traversal/expand gives level by level, without a
// round trip per level. Each level expands the actors the previous one
// reached first, strongest relations first, at most $rowLimit rows; an actor
// counts as reached by the level whose rows name it first, while fewer than
// $limit actors are reached. The caller replays the rows to the same effect
// and goes on level by level (traversal/expand) beyond the third.
// The relation types are spelled out (every predicate; a unit test keeps the list
// in step with the model) so Neo4j follows only those chains of a hub, not its
// thousands of mentions and event links; type(r) IN $predicates narrows further.
// Relations are projected lean unless $relationDetail asks for their counts
// and dates: a map of every property costs several times the statement on
// a hub; predicate and ends are read from the key (PREDICATE|fromId|toId).
// params: $relationDetail boolean, $id actor id, $depth integer (levels wanted; more than 3 gives 3), $predicates list, $symmetric list,
//         $direction 'OUTGOING'|'INCOMING'|'BOTH', $minConfidence float (ignored with $asOf), $asOf YYYY-MM-DD or null,
//         $limit integer (actors, the start included), $rowLimit integer (rows per level)
// returns: no row for an unknown id; else start actor map, levels list of lists of {fromId, actor map, relation map}
MATCH (s:Actor {id: $id})
WITH s, [s.id] AS seen, [s.id] AS frontier1
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
CALL (rows1, seen) {
  UNWIND range(0, size(rows1) - 1) AS i
  WITH rows1[i].actor.id AS reached, i
  WHERE NOT reached IN seen
  WITH reached, min(i) AS firstRow
  ORDER BY firstRow
  RETURN collect(reached) AS reached1
}
WITH *, reached1[0..toInteger($limit) - size(seen)] AS fresh1
WITH s, rows1, seen + fresh1 AS seen, CASE WHEN $depth >= 2 THEN fresh1 ELSE [] END AS frontier2
CALL (frontier2) {
  UNWIND frontier2 AS id
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
  }) AS rows2
}
CALL (rows2, seen) {
  UNWIND range(0, size(rows2) - 1) AS i
  WITH rows2[i].actor.id AS reached, i
  WHERE NOT reached IN seen
  WITH reached, min(i) AS firstRow
  ORDER BY firstRow
  RETURN collect(reached) AS reached2
}
WITH *, reached2[0..toInteger($limit) - size(seen)] AS fresh2
WITH s, rows1, rows2, seen + fresh2 AS seen, CASE WHEN $depth >= 3 THEN fresh2 ELSE [] END AS frontier3
CALL (frontier3) {
  UNWIND frontier3 AS id
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
  }) AS rows3
}
RETURN s {.id, .name, .type, .aliases, .country} AS start,
  [rows1, rows2, rows3][0..toInteger($depth)] AS levels
