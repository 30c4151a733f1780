// The claims behind aggregated relations, best evidence first (stated before
// denied, then by weight, newest first), optionally as known on a date.
// The best claims are picked before their documents are read (every claim
// has its document: a document detaches its claims when it goes).
// params: $keys list of relation keys, $asOf YYYY-MM-DD or null, $limit integer
// returns: relationKey string, claims list of claim maps with their document
UNWIND $keys AS key
CALL (key) {
  MATCH (c:Claim {relationKey: key})
  WHERE $asOf IS NULL OR c.publishedDate <= $asOf
  WITH c
  ORDER BY CASE c.polarity WHEN 'positive' THEN 0 ELSE 1 END, c.weight DESC, c.publishedDate DESC, c.id
  LIMIT toInteger($limit)
  MATCH (c)-[:STATED_IN]->(d:Document)
  RETURN collect(c {.id, .predicate, .subjectId, .objectId, .polarity, .modality, .confidence, .attribution, .role, .quote, .start, .end, .publishedDate, document: d {.id, .title, .url, .publishedAt, .source, .contentHash, .license, .ingestedAt}}) AS claims
}
RETURN key AS relationKey, claims
