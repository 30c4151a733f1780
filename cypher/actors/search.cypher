// Full-text search over actor names and aliases and over claim quotes;
// a quote hit names the claim's subject. The claim (with its document) is
// projected only with $withClaims: a query that shows the actors alone
// saves the document lookups (~0.3 ms of a 4 ms search here).
// The type filter and the claims are optional parts (src/db/optional-parts.ts).
// params: $query Lucene query string, $types list or null, $limit integer, $withClaims boolean
// returns: actor map, claim map or null (always null without $withClaims), quote string or null (a quote hit's),
//          score float, field 'name'|'quote'
CALL () {
  CALL db.index.fulltext.queryNodes('actor_names', $query, {limit: toInteger($limit)}) YIELD node, score
  /*if $types*/WHERE node.type IN $types/*end*/
  RETURN node AS actor, null AS claim, score, 'name' AS field
  UNION ALL
  CALL db.index.fulltext.queryNodes('claim_quotes', $query, {limit: toInteger($limit)}) YIELD node, score
  MATCH (node)-[:SUBJECT]->(subject:Actor)
  /*if $types*/WHERE subject.type IN $types/*end*/
  RETURN subject AS actor, node AS claim, score, 'quote' AS field
}
RETURN actor {.id, .name, .type, .aliases, .country} AS actor,
  /*if $withClaims*/CASE WHEN claim IS NULL THEN null
  ELSE claim {.id, .predicate, .subjectId, .objectId, .polarity, .modality, .confidence, .attribution, .role, .quote, .start, .end, .publishedDate,
    document: [(claim)-[:STATED_IN]->(d:Document) | d {.id, .title, .url, .publishedAt, .source, .contentHash, .license, .ingestedAt}][0]} END/*else null*/ AS claim,
  claim.quote AS quote,
  score, field
ORDER BY score DESC
LIMIT toInteger($limit)
