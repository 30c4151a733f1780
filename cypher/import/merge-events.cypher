// Merges the events of an import batch (on the dataset's event id), linked to
// their document, perpetrators, targets and locations. Returns how many were new.
// params: $events list of {id, documentId, type, date, datePrecision, endDate, sortKey,
//         killedLow, killedBest, killedHigh, quote, perpetrators, targets, locations}
// returns: created integer
UNWIND $events AS row
OPTIONAL MATCH (existing:Event {id: row.id})
WITH row, existing IS NULL AS isNew
MATCH (d:Document {id: row.documentId})
MERGE (e:Event {id: row.id})
SET
  e.type = row.type,
  e.date = row.date,
  e.datePrecision = row.datePrecision,
  e.endDate = row.endDate,
  e.sortKey = row.sortKey,
  e.weapons = [],
  e.killedLow = row.killedLow,
  e.killedBest = row.killedBest,
  e.killedHigh = row.killedHigh,
  e.quote = row.quote
MERGE (e)-[:REPORTED_IN]->(d)
WITH e, row, isNew
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
RETURN sum(CASE WHEN isNew THEN 1 ELSE 0 END) AS created
