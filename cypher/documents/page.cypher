// A page of documents, newest first, after a keyset cursor (sortKey = date|id).
// params: $after sortKey or null, $limit integer   returns: document map, sortKey string
MATCH (d:Document)
WHERE $after IS NULL OR d.sortKey < $after
RETURN d {.id, .title, .url, .publishedAt, .source, .contentHash, .license, .ingestedAt} AS document, d.sortKey AS sortKey
ORDER BY d.sortKey DESC
LIMIT toInteger($limit)
