// Documents with a url (idempotent ingestion: same url, new content replaces).
// params: $url string   returns: document map
MATCH (d:Document {url: $url})
RETURN d {.id, .title, .url, .publishedAt, .source, .contentHash, .license, .ingestedAt} AS document
ORDER BY d.ingestedAt DESC
LIMIT 1
