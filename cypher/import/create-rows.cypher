// Creates new dataset rows in one pass: per row its document, its event (with
// perpetrators, targets, places and the report) and its claim, linked to the
// actors. The caller has filtered out rows already present and merged the
// actors, so everything here is a plain CREATE. Rows name actors by their
// index in $actorIds: each actor is looked up once per batch, not once per
// link, and no statement reads back what this one writes (no Eager).
// params: $actorIds list of strings (all present),
//         $rows list of {document: map, event: map or null, claim: map or null,
//           mentions, perpetrators, targets, locations: lists of actor indexes, subject, object: actor indexes or null}
// returns: actors integer (found), rows integer (created)
UNWIND $actorIds AS actorId
MATCH (actor:Actor {id: actorId})
WITH collect(actor) AS actors
UNWIND $rows AS row
CREATE (d:Document)
SET d = row.document, d.ingestedAt = toString(datetime())
WITH row, d, actors
CALL (row, d, actors) {
  UNWIND row.mentions AS i
  WITH d, actors[toInteger(i)] AS a
  CREATE (d)-[:MENTIONS]->(a)
}
CALL (row, d, actors) {
  WITH row, d, actors
  WHERE row.event IS NOT NULL
  CREATE (e:Event)-[:REPORTED_IN]->(d)
  SET e = row.event
  WITH row, e, actors
  CALL (row, e, actors) {
    UNWIND row.perpetrators AS i
    WITH e, actors[toInteger(i)] AS a
    CREATE (a)-[:PERPETRATED]->(e)
  }
  CALL (row, e, actors) {
    UNWIND row.targets AS i
    WITH e, actors[toInteger(i)] AS a
    CREATE (e)-[:TARGETED]->(a)
  }
  CALL (row, e, actors) {
    UNWIND row.locations AS i
    WITH e, actors[toInteger(i)] AS a
    CREATE (e)-[:OCCURRED_IN]->(a)
  }
}
CALL (row, d, actors) {
  WITH row, d, actors[toInteger(row.subject)] AS s, actors[toInteger(row.object)] AS o
  WHERE row.claim IS NOT NULL
  CREATE (c:Claim)-[:STATED_IN]->(d)
  SET c = row.claim
  WITH c, s, o
  CREATE (c)-[:SUBJECT]->(s), (c)-[:OBJECT]->(o)
}
RETURN size(actors) AS actors, count(row) AS rows
