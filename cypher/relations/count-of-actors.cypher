// How many aggregated relations each actor has under a filter (the
// totalCount of relations/of-actors, run only when a query asks for it).
// The relation types are spelled out (every predicate; a unit test keeps the list
// in step with the model) so Neo4j follows only those chains of a hub, not its
// thousands of mentions and event links. The caller narrows each list marked
// /*$relations*/ to the asked predicates, pointed one way when the direction
// allows (withRelationTypes): the bound pattern is the only predicate
// filter, and Database refuses to run this file unbound.
// The polarity filter is an optional part (src/db/optional-parts.ts), as in
// actors/with-relations, whose pages this counts.
// params: $ids list, $symmetric list of symmetric predicates, $direction
//         'OUTGOING'|'INCOMING'|'BOTH', $minConfidence float, $polarity 'positive'|'negative'|'contested'|null
// returns: id string, totalCount integer
UNWIND $ids AS id
MATCH (a:Actor {id: id})
CALL (a) {
  MATCH (a)-[r:/*$relations*/PART_OF|MEMBER_OF|LOCATED_IN|SUPPORTS|FUNDS|ARMS|TRAINS|DIRECTS|ENCOURAGES|ASSOCIATED_WITH|ALLIED_WITH|ATTACKS|FIGHTS]-(b:Actor)
  WHERE r.confidence >= $minConfidence
    /*if $polarity*/AND (r.polarity = $polarity OR (r.polarity = 'contested' AND $polarity <> 'contested'))/*end*/
    AND ($direction = 'BOTH' OR type(r) IN $symmetric OR ($direction = 'OUTGOING') = (startNode(r) = a))
  RETURN count(r) AS totalCount
}
RETURN id, totalCount
