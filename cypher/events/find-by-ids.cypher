// Events by id, for batched lookups.
// params: $ids list   returns: event map per found id
UNWIND $ids AS id
MATCH (e:Event {id: id})
RETURN e {.id, .type, .date, .datePrecision, weapons: coalesce(e.weapons, []), .killedLow, .killedBest, .killedHigh, .injuredLow, .injuredBest, .injuredHigh, .quote} AS event
