// The actors a document mentions and the events it reports.
// params: $ids list of document ids   returns: id string, actors list of actor maps, events list of event maps
UNWIND $ids AS id
MATCH (d:Document {id: id})
RETURN id,
  [(d)-[:MENTIONS]->(a:Actor) | a {.id, .name, .type, .aliases, .country}] AS actors,
  [(e:Event)-[:REPORTED_IN]->(d) | e {.id, .type, .date, .datePrecision, weapons: coalesce(e.weapons, []), .killedLow, .killedBest, .killedHigh, .injuredLow, .injuredBest, .injuredHigh, .quote}] AS events
