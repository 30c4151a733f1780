// Creates a document's claims, each linked to its subject, object and document.
// params: $documentId string, $publishedDate string or null,
//         $claims list of {id, predicate, subjectId, objectId, fromId, toId, relationKey, polarity,
//                          modality, confidence, weight, attribution, role, quote, start, end, evidenceCount}
// returns: id string per claim
MATCH (d:Document {id: $documentId})
UNWIND $claims AS row
MATCH (s:Actor {id: row.subjectId}), (o:Actor {id: row.objectId})
CREATE (c:Claim)
SET c = row, c.publishedDate = $publishedDate, c.documentId = $documentId
CREATE (c)-[:SUBJECT]->(s), (c)-[:OBJECT]->(o), (c)-[:STATED_IN]->(d)
RETURN c.id AS id
