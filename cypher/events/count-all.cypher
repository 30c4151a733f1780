// How many events there are (totalCount of an unfiltered list): Neo4j's count
// store answers a bare label count at once, where events/count, filters and
// all, read every event's sortKey (52-56 ms for the bench graph's 295k events,
// one-off timing).
// params: none   returns: count integer
MATCH (e:Event)
RETURN count(e) AS count
