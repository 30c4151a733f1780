// Full-text search over actor names and aliases and over claim quotes;
// a quote hit names the claim's subject.
// params: $query Lucene query string, $types list or null, $limit integer
// returns: actor map, claim map or null, score float, field 'name'|'quote', text string
CALL () {
  CALL db.index.fulltext.queryNodes('actor_names', $query, {limit: toInteger($limit)}) YIELD node, score
  WHERE $types IS NULL OR node.type IN $types
  RETURN node AS actor, null AS claim, score, 'name' AS field
  UNION ALL
  CALL db.index.fulltext.queryNodes('claim_quotes', $query, {limit: toInteger($limit)}) YIELD node, score
  MATCH (node)-[:SUBJECT]->(subject:Actor)
  WHERE $types IS NULL OR subject.type IN $types
  RETURN subject AS actor, node AS claim, score, 'quote' AS field
}
OPTIONAL MATCH (claim)-[:STATED_IN]->(d:Document)
RETURN actor {.id, .name, .type, .aliases, .country} AS actor,
  CASE WHEN claim IS NULL THEN null
  ELSE claim {.id, .predicate, .subjectId, .objectId, .polarity, .modality, .confidence, .attribution, .role, .quote, .start, .end, .publishedDate, document: d {.id, .title, .url, .publishedAt, .source, .contentHash, .license, .ingestedAt}} END AS claim,
  score, field
ORDER BY score DESC
LIMIT toInteger($limit)
