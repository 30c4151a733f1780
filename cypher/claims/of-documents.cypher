// The claims a document states, in text order.
// params: $ids list of document ids, $limit integer
// returns: id string, claims list of claim maps with their document
UNWIND $ids AS id
MATCH (d:Document {id: id})
CALL (d) {
  MATCH (c:Claim)-[:STATED_IN]->(d)
  WITH c ORDER BY c.start, c.id
  LIMIT toInteger($limit)
  RETURN collect(c {.id, .predicate, .subjectId, .objectId, .polarity, .modality, .confidence, .attribution, .role, .quote, .start, .end, .publishedDate, document: d {.id, .title, .url, .publishedAt, .source, .contentHash, .license, .ingestedAt}}) AS claims
}
RETURN id, claims
