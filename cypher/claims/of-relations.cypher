// The claims behind aggregated relations, best evidence first (stated before
// denied, then by weight, newest first), optionally as known on a date.
// The best claims are picked before their documents are read (every claim
// has its document: a document detaches its claims when it goes).
// Without $withSource (a query that shows neither quote nor document: the
// explorer's edges ask only whether their claims are hedged) both are left
// out, the document not even matched: 464 relations of Iran's 2-hop
// neighbourhood with 20 claims each, 53-62 -> 27-32 ms for the statement (one-off
// timing on the bench graph), and far less for the driver to decode.
// params: $keys list of relation keys, $asOf YYYY-MM-DD or null, $limit integer, $withSource boolean
// returns: relationKey string, claims list of claim maps (with quote and document when $withSource)
UNWIND $keys AS key
CALL (key) {
  MATCH (c:Claim {relationKey: key})
  WHERE $asOf IS NULL OR c.publishedDate <= $asOf
  WITH c
  ORDER BY CASE c.polarity WHEN 'positive' THEN 0 ELSE 1 END, c.weight DESC, c.publishedDate DESC, c.id
  LIMIT toInteger($limit)
  RETURN collect(CASE WHEN $withSource
    THEN c {.id, .predicate, .subjectId, .objectId, .polarity, .modality, .confidence, .attribution, .role, .quote, .start, .end, .publishedDate,
      document: COLLECT { MATCH (c)-[:STATED_IN]->(d:Document) RETURN d {.id, .title, .url, .publishedAt, .source, .contentHash, .license, .ingestedAt} }[0]}
    ELSE c {.id, .predicate, .subjectId, .objectId, .polarity, .modality, .confidence, .attribution, .role, .start, .end, .publishedDate} END) AS claims
}
RETURN key AS relationKey, claims
