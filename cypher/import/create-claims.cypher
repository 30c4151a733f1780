// Creates the claims of an import batch that do not exist yet (the dataset's
// row id is the claim id, so a re-import adds nothing) and returns the
// relation keys of the new ones, whose aggregated relations need recomputing.
// params: $claims list of {id, documentId, predicate, subjectId, objectId, fromId, toId, relationKey,
//         polarity, modality, confidence, weight, attribution, quote, publishedDate}
// returns: relationKey, predicate, fromId, toId per new claim
UNWIND $claims AS row
OPTIONAL MATCH (existing:Claim {id: row.id})
WITH row WHERE existing IS NULL
MATCH (s:Actor {id: row.subjectId}), (o:Actor {id: row.objectId}), (d:Document {id: row.documentId})
CREATE (c:Claim)
SET c = row, c.role = null, c.start = null, c.end = null, c.evidenceCount = 1
CREATE (c)-[:SUBJECT]->(s), (c)-[:OBJECT]->(o), (c)-[:STATED_IN]->(d)
RETURN row.relationKey AS relationKey, row.predicate AS predicate, row.fromId AS fromId, row.toId AS toId
