// Merges the evidence documents of an import batch (one per dataset row) and
// links each to the actors it mentions.
// params: $documents list of {id, title, url, publishedAt, publishedDate, source, license, actorIds}
// returns: documents integer
UNWIND $documents AS row
MERGE (d:Document {id: row.id})
ON CREATE SET d.ingestedAt = toString(datetime())
SET
  d.title = row.title,
  d.url = row.url,
  d.publishedAt = row.publishedAt,
  d.publishedDate = row.publishedDate,
  d.source = row.source,
  d.license = row.license,
  d.sortKey = coalesce(row.publishedDate, '0000-00-00') + '|' + row.id
WITH d, row
CALL (d, row) {
  UNWIND row.actorIds AS actorId
  MATCH (a:Actor {id: actorId})
  MERGE (d)-[:MENTIONS]->(a)
}
RETURN count(d) AS documents
