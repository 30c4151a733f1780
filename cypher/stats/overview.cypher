// Counts for the stats field: actors by type, relations by predicate,
// documents, claims and events.
// The relation types are spelled out (every predicate; a unit test keeps the
// list in step with the model): Neo4j then reads only those relationships
// by type. Matched by a dynamic type, `[r:$(predicate)]` for each predicate,
// it scanned every node and expanded all its relationships, thirteen times:
// 11.7 s on the bench graph (one-off PROFILE: 70M db hits). Predicates no
// relation uses are missing; the caller counts them 0, in the model's order.
// params: none
// returns: actorsByType list of {type, count}, relationsByPredicate list of {predicate, count, contested},
//          documents, claims, events integers
CALL () {
  MATCH (a:Actor)
  WITH a.type AS type, count(*) AS count
  ORDER BY type
  RETURN collect({type: type, count: count}) AS actorsByType
}
CALL () {
  MATCH ()-[r:PART_OF|MEMBER_OF|LOCATED_IN|SUPPORTS|FUNDS|ARMS|TRAINS|DIRECTS|ENCOURAGES|ASSOCIATED_WITH|ALLIED_WITH|ATTACKS|FIGHTS]->()
  WITH type(r) AS predicate, count(*) AS count, count(CASE WHEN r.contested THEN 1 END) AS contested
  RETURN collect({predicate: predicate, count: count, contested: contested}) AS relationsByPredicate
}
CALL () { MATCH (d:Document) RETURN count(d) AS documents }
CALL () { MATCH (c:Claim) RETURN count(c) AS claims }
CALL () { MATCH (e:Event) RETURN count(e) AS events }
RETURN actorsByType, relationsByPredicate, documents, claims, events
