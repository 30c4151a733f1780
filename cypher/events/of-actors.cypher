// The events each actor took part in, newest first, optionally in one role.
// params: $ids list, $role 'PERPETRATOR'|'TARGET'|'LOCATION'|null, $limit integer
// returns: id string, events list of event maps
UNWIND $ids AS id
MATCH (a:Actor {id: id})
CALL (a) {
  MATCH (a)-[link:PERPETRATED|TARGETED|OCCURRED_IN]-(e:Event)
  WITH e, CASE type(link) WHEN 'PERPETRATED' THEN 'PERPETRATOR' WHEN 'TARGETED' THEN 'TARGET' ELSE 'LOCATION' END AS role
  WHERE $role IS NULL OR role = $role
  WITH DISTINCT e
  ORDER BY e.sortKey DESC
  LIMIT toInteger($limit)
  RETURN collect(e {.id, .type, .date, .datePrecision, weapons: coalesce(e.weapons, []), .killedLow, .killedBest, .killedHigh, .injuredLow, .injuredBest, .injuredHigh, .quote}) AS events
}
RETURN id, events
