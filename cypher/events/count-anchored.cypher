// events/count when the filter names a place, perpetrator or target: counts
// from that actor's events instead of scanning every event (see events/page-anchored).
// params: as events/count (at least one of $location, $perpetrator, $target set)
// returns: count integer
CALL () {
  MATCH (:Actor {id: $location})<-[:LOCATED_IN*0..2]-(:Actor)<-[:OCCURRED_IN]-(e:Event)
  RETURN e
  UNION
  MATCH (:Actor {id: $perpetrator})-[:PERPETRATED]->(e:Event)
  WHERE $location IS NULL
  RETURN e
  UNION
  MATCH (e:Event)-[:TARGETED]->(:Actor {id: $target})
  WHERE $location IS NULL AND $perpetrator IS NULL
  RETURN e
}
WITH e
WHERE ($types IS NULL OR e.type IN $types)
  AND ($from IS NULL OR e.date >= $from)
  AND ($to IS NULL OR e.date <= $to)
  AND ($location IS NULL OR EXISTS { (e)-[:OCCURRED_IN]->(:Actor)-[:LOCATED_IN*0..2]->(:Actor {id: $location}) })
  AND ($perpetrator IS NULL OR EXISTS { (:Actor {id: $perpetrator})-[:PERPETRATED]->(e) })
  AND ($target IS NULL OR EXISTS { (e)-[:TARGETED]->(:Actor {id: $target}) })
RETURN count(e) AS count
