// A document with this content hash (idempotent ingestion: same content, no change).
// params: $contentHash string   returns: document map
MATCH (d:Document {contentHash: $contentHash})
RETURN d {.id, .title, .url, .publishedAt, .source, .contentHash, .license, .ingestedAt} AS document
LIMIT 1
