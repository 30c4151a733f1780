// How many events match a filter (totalCount without loading them).
// params: $types list or null, $from, $to YYYY-MM-DD or null, $location, $perpetrator, $target actor ids or null
// returns: count integer
MATCH (e:Event)
WHERE ($types IS NULL OR e.type IN $types)
  AND ($from IS NULL OR e.date >= $from)
  AND ($to IS NULL OR e.date <= $to)
  AND ($location IS NULL OR EXISTS { (e)-[:OCCURRED_IN]->(:Actor)-[:LOCATED_IN*0..2]->(:Actor {id: $location}) })
  AND ($perpetrator IS NULL OR EXISTS { (:Actor {id: $perpetrator})-[:PERPETRATED]->(e) })
  AND ($target IS NULL OR EXISTS { (e)-[:TARGETED]->(:Actor {id: $target}) })
RETURN count(e) AS count
