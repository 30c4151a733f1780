// Documents by id, for batched lookups.
// params: $ids list   returns: document map per found id
UNWIND $ids AS id
MATCH (d:Document {id: id})
RETURN d {.id, .title, .url, .publishedAt, .source, .contentHash, .license, .ingestedAt} AS document
