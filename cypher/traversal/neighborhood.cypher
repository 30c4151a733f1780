// The first two levels of a breadth-first traversal from an actor, with the
// actor itself, in one statement (traversal/expand gives further levels, one
// round trip each). Each level keeps its strongest $rowLimit relations
// (confidence, then key). The second level expands the actors the first one
// reached, in the order it reached them, at most $limit - 1 of them: what the
// caller's level-by-level search would ask traversal/expand for.
// The two levels are branches of a UNION rather than one after the other:
// the second recomputes the first (one hub's relations) instead of carrying
// its rows, because Neo4j counts every list in scope once per row that a
// top-k keeps (a 3-level version that carried them went over the 1.4 GiB
// transaction memory on a synthetic hub; this one takes 6 MB there).
// The relation types are spelled out (every predicate; a unit test keeps the list
// in step with the model) so Neo4j follows only those chains of a hub, not its
// thousands of mentions and event links. The caller narrows each list marked
// /*$relations*/ to the asked predicates, pointed one way when the direction
// allows (withRelationTypes): the bound pattern is the only predicate
// filter, and Database refuses to run this file unbound.
// Rows come back as lists, each reached actor once: the driver decodes every
// map key again for every row, and a 2-hop neighbourhood of 242 edges cost
// 3.6 ms of client CPU as maps, 1.6 ms as lists (7.8 -> 6.0 ms per request).
// The branches return the relations' properties, not the relationships:
// read after the UNION, each property is fetched again for the ordering and
// the rows. `npm run bench:statements -- neighbourhood-2-hops` counts 2,985
// db hits for the bench neighbourhood, and 3,717 with this file as it was
// before (e7a0a5d^) in place.
// Relations carry their counts and dates only with $relationDetail;
// predicate and ends are read from the key (PREDICATE|fromId|toId).
// The asOf and confidence tests (one or the other) and the relations' detail
// are optional parts (src/db/optional-parts.ts), left out where the request
// does not use them instead of tested on every relationship.
// params: $relationDetail boolean, $id actor id, $depth integer (1 reads the first level only),
//         $symmetric list, $direction 'OUTGOING'|'INCOMING'|'BOTH',
//         $minConfidence float (ignored with $asOf), $asOf YYYY-MM-DD or null,
//         $limit integer (actors, the start included), $rowLimit integer (rows per level)
// returns: no row for an unknown id; else start actor map,
//          rows list of [level, fromId, actorId, key, confidence, claimCount, polarity,
//            [positiveClaims, negativeClaims, contested, firstReported, lastReported] or null]
//            in level order, strongest first within a level,
//          actors list of [id, name, type, aliases, country], each actor the rows name once
MATCH (s:Actor {id: $id})
CALL (s) {
  CALL (s) {
    MATCH (s)-[r:/*$relations*/PART_OF|MEMBER_OF|LOCATED_IN|SUPPORTS|FUNDS|ARMS|TRAINS|DIRECTS|ENCOURAGES|ASSOCIATED_WITH|ALLIED_WITH|ATTACKS|FIGHTS]-(b:Actor)
    WHERE r.polarity <> 'negative'
      /*if $asOf*/AND r.firstPositive <= $asOf/*end*/
      /*unless $asOf*/AND r.confidence >= $minConfidence/*end*/
      AND ($direction = 'BOTH' OR type(r) IN $symmetric
        OR ($direction = 'OUTGOING' AND startNode(r) = s)
        OR ($direction = 'INCOMING' AND endNode(r) = s))
    WITH r, b
    ORDER BY r.confidence DESC, r.key
    LIMIT toInteger($rowLimit)
    RETURN 1 AS level, s.id AS fromId, b, r.key AS key, r.confidence AS confidence, r.claimCount AS claimCount,
      r.polarity AS polarity, /*if $relationDetail*/[r.positiveClaims, r.negativeClaims, r.contested, r.firstReported, r.lastReported]/*else null*/ AS detail
    UNION ALL
    MATCH (s)-[r:/*$relations*/PART_OF|MEMBER_OF|LOCATED_IN|SUPPORTS|FUNDS|ARMS|TRAINS|DIRECTS|ENCOURAGES|ASSOCIATED_WITH|ALLIED_WITH|ATTACKS|FIGHTS]-(b:Actor)
    WHERE $depth >= 2
      AND r.polarity <> 'negative'
      /*if $asOf*/AND r.firstPositive <= $asOf/*end*/
      /*unless $asOf*/AND r.confidence >= $minConfidence/*end*/
      AND ($direction = 'BOTH' OR type(r) IN $symmetric
        OR ($direction = 'OUTGOING' AND startNode(r) = s)
        OR ($direction = 'INCOMING' AND endNode(r) = s))
    WITH r, b
    ORDER BY r.confidence DESC, r.key
    LIMIT toInteger($rowLimit)
    WITH collect(DISTINCT b) AS reached
    UNWIND [a IN reached WHERE a <> s][..toInteger($limit) - 1] AS a
    WITH a
    MATCH (a)-[r:/*$relations*/PART_OF|MEMBER_OF|LOCATED_IN|SUPPORTS|FUNDS|ARMS|TRAINS|DIRECTS|ENCOURAGES|ASSOCIATED_WITH|ALLIED_WITH|ATTACKS|FIGHTS]-(b:Actor)
    WHERE r.polarity <> 'negative'
      /*if $asOf*/AND r.firstPositive <= $asOf/*end*/
      /*unless $asOf*/AND r.confidence >= $minConfidence/*end*/
      AND ($direction = 'BOTH' OR type(r) IN $symmetric
        OR ($direction = 'OUTGOING' AND startNode(r) = a)
        OR ($direction = 'INCOMING' AND endNode(r) = a))
    WITH a, r, b
    ORDER BY r.confidence DESC, r.key
    LIMIT toInteger($rowLimit)
    RETURN 2 AS level, a.id AS fromId, b, r.key AS key, r.confidence AS confidence, r.claimCount AS claimCount,
      r.polarity AS polarity, /*if $relationDetail*/[r.positiveClaims, r.negativeClaims, r.contested, r.firstReported, r.lastReported]/*else null*/ AS detail
  }
  WITH level, fromId, b, key, confidence, claimCount, polarity, detail
  ORDER BY level, confidence DESC, key
  RETURN collect([level, fromId, b.id, key, confidence, claimCount, polarity, detail]) AS rows,
    [actor IN collect(DISTINCT b) | [actor.id, actor.name, actor.type, actor.aliases, actor.country]] AS actors
}
RETURN s {.id, .name, .type, .aliases, .country} AS start, rows, actors
