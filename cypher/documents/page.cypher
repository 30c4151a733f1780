// A page of documents, newest first, after a keyset cursor (sortKey = date|id).
// params: $after sortKey or null, $limit integer   returns: document map, sortKey string
// `d.sortKey < coalesce($after, '~')` rather than `$after IS NULL OR …`: a
// range on sortKey (every key starts with a digit, so '~' bounds them all)
// lets Neo4j read the sortKey index newest first and stop after the page;
// the OR form sorted every document (one-off timing on the bench graph's
// 295k documents: a page of 21 in 134-148 ms, 2.5-6 ms now).
MATCH (d:Document)
WHERE d.sortKey < coalesce($after, '~')
RETURN d {.id, .title, .url, .publishedAt, .source, .contentHash, .license, .ingestedAt} AS document, d.sortKey AS sortKey
ORDER BY d.sortKey DESC
LIMIT toInteger($limit)
