// Creates or updates a document node with its metadata.
// params: $id string, $title, $url, $publishedAt, $publishedDate (YYYY-MM-DD), $source, $license,
//         $contentHash, $extractionHash, $text (strings or null)
// returns: id string
MERGE (d:Document {id: $id})
SET
  d.title = $title,
  d.url = $url,
  d.publishedAt = $publishedAt,
  d.publishedDate = $publishedDate,
  d.source = $source,
  d.license = $license,
  d.contentHash = $contentHash,
  d.extractionHash = $extractionHash,
  d.text = $text,
  d.ingestedAt = toString(datetime()),
  d.sortKey = coalesce($publishedDate, '0000-00-00') + '|' + $id
RETURN d.id AS id
