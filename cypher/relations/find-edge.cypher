// One stored aggregated relationship with all its properties (tests and diagnostics).
// params: $predicate string, $fromId string, $toId string   returns: r map or nothing
MATCH (:Actor {id: $fromId})-[r:$($predicate)]->(:Actor {id: $toId})
RETURN properties(r) AS r
