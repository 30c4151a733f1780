// Creates the documents, events and claims of new dataset rows (the caller
// has filtered out rows already present). Plain CREATE: these nodes are new,
// so nothing needs matching, which keeps bulk imports fast.
// params: $documents list of property maps (id, title, url, publishedAt, publishedDate, source, license, sortKey)
//         $events list of {props, documentId}, $claims list of {props, documentId, subjectId, objectId}
// returns: documents, events, claims integers
CALL () {
  UNWIND $documents AS props
  CREATE (d:Document)
  SET d = props, d.ingestedAt = toString(datetime())
}
CALL () {
  UNWIND $events AS row
  MATCH (d:Document {id: row.documentId})
  CREATE (e:Event)-[:REPORTED_IN]->(d)
  SET e = row.props
}
CALL () {
  UNWIND $claims AS row
  MATCH (s:Actor {id: row.subjectId}), (o:Actor {id: row.objectId}), (d:Document {id: row.documentId})
  CREATE (c:Claim)
  SET c = row.props
  CREATE (c)-[:SUBJECT]->(s), (c)-[:OBJECT]->(o), (c)-[:STATED_IN]->(d)
}
RETURN size($documents) AS documents, size($events) AS events, size($claims) AS claims
