// Counts for the stats field: actors by type, relations by predicate,
// documents, claims and events.
// params: $predicates list of predicates
// returns: actorsByType list of {type, count}, relationsByPredicate list of {predicate, count, contested},
//          documents, claims, events integers
CALL () {
  MATCH (a:Actor)
  WITH a.type AS type, count(*) AS count
  ORDER BY type
  RETURN collect({type: type, count: count}) AS actorsByType
}
CALL () {
  UNWIND $predicates AS predicate
  CALL (predicate) {
    MATCH ()-[r:$(predicate)]->()
    RETURN count(r) AS count, count(CASE WHEN r.contested THEN 1 END) AS contested
  }
  RETURN collect({predicate: predicate, count: count, contested: contested}) AS relationsByPredicate
}
CALL () { MATCH (d:Document) RETURN count(d) AS documents }
CALL () { MATCH (c:Claim) RETURN count(c) AS claims }
CALL () { MATCH (e:Event) RETURN count(e) AS events }
RETURN actorsByType, relationsByPredicate, documents, claims, events
