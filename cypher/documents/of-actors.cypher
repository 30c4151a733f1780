// The documents that mention each actor, newest first.
// params: $ids list of actor ids, $limit integer   returns: id string, documents list of document maps
UNWIND $ids AS id
MATCH (a:Actor {id: id})
CALL (a) {
  MATCH (d:Document)-[:MENTIONS]->(a)
  WITH d ORDER BY d.sortKey DESC
  LIMIT toInteger($limit)
  RETURN collect(d {.id, .title, .url, .publishedAt, .source, .contentHash, .license, .ingestedAt}) AS documents
}
RETURN id, documents
