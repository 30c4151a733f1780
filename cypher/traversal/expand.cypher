// One level of a breadth-first traversal: the positive aggregated relations
// of the frontier actors (as they stood on $asOf when given), strongest first.
// The relation types are spelled out (every predicate; a unit test keeps the list
// in step with the model) so Neo4j follows only those chains of a hub, not its
// thousands of mentions and event links. The caller narrows each list marked
// /*$relations*/ to the asked predicates, pointed one way when the direction
// allows (withRelationTypes): the bound pattern is the only predicate
// filter, and Database refuses to run this file unbound.
// Relations are projected lean unless $relationDetail asks for their counts
// and dates: a map of every property costs several times the statement on
// a hub; predicate and ends are read from the key (PREDICATE|fromId|toId).
// The asOf and confidence tests (one or the other) and the relations' detail
// are optional parts (src/db/optional-parts.ts), left out where the request
// does not use them instead of tested on every relationship.
// params: $relationDetail boolean, $frontier list of actor ids, $symmetric list, $direction 'OUTGOING'|'INCOMING'|'BOTH',
//         $minConfidence float (ignored with $asOf: recomputed afterwards), $asOf YYYY-MM-DD or null, $limit integer
// returns: fromId string (frontier side), actor map (other side), relation map
UNWIND $frontier AS id
MATCH (a:Actor {id: id})-[r:/*$relations*/PART_OF|MEMBER_OF|LOCATED_IN|SUPPORTS|FUNDS|ARMS|TRAINS|DIRECTS|ENCOURAGES|ASSOCIATED_WITH|ALLIED_WITH|ATTACKS|FIGHTS]-(b:Actor)
WHERE r.polarity <> 'negative'
  /*if $asOf*/AND r.firstPositive <= $asOf/*end*/
  /*unless $asOf*/AND r.confidence >= $minConfidence/*end*/
  AND ($direction = 'BOTH' OR type(r) IN $symmetric
    OR ($direction = 'OUTGOING' AND startNode(r) = a)
    OR ($direction = 'INCOMING' AND endNode(r) = a))
RETURN id AS fromId, b {.id, .name, .type, .aliases, .country} AS actor, /*if $relationDetail*/r {.key, .confidence, .claimCount, .polarity, .positiveClaims, .negativeClaims, .contested, .firstReported, .lastReported}/*else r {.key, .confidence, .claimCount, .polarity}*/ AS relation
ORDER BY r.confidence DESC, relation.key
LIMIT toInteger($limit)
