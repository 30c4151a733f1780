// Merges a document's events (on id), links them to the document and to
// their perpetrators, targets and locations.
// params: $documentId string,
//         $events list of {id, type, date, datePrecision, sortKey, weapons, killedLow, killedBest, killedHigh,
//                          injuredLow, injuredBest, injuredHigh, quote, perpetrators, targets, locations}
// returns: id string per event
MATCH (d:Document {id: $documentId})
UNWIND $events AS row
MERGE (e:Event {id: row.id})
SET
  e.type = row.type,
  e.date = row.date,
  e.datePrecision = row.datePrecision,
  e.sortKey = row.sortKey,
  e.weapons = row.weapons,
  e.killedLow = row.killedLow,
  e.killedBest = row.killedBest,
  e.killedHigh = row.killedHigh,
  e.injuredLow = row.injuredLow,
  e.injuredBest = row.injuredBest,
  e.injuredHigh = row.injuredHigh,
  e.quote = coalesce(row.quote, e.quote)
MERGE (e)-[:REPORTED_IN]->(d)
WITH e, row
CALL (e, row) {
  UNWIND row.perpetrators AS actorId
  MATCH (a:Actor {id: actorId})
  MERGE (a)-[:PERPETRATED]->(e)
}
CALL (e, row) {
  UNWIND row.targets AS actorId
  MATCH (a:Actor {id: actorId})
  MERGE (e)-[:TARGETED]->(a)
}
CALL (e, row) {
  UNWIND row.locations AS actorId
  MATCH (a:Actor {id: actorId})
  MERGE (e)-[:OCCURRED_IN]->(a)
}
RETURN e.id AS id
