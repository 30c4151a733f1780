// Merges the actors a document mentions (on id), unions their aliases and
// name keys, and links the document to them.
// params: $documentId string, $actors list of {id, name, type, aliases, country, nameKey, keys}
// returns: id string per actor
MATCH (d:Document {id: $documentId})
UNWIND $actors AS row
MERGE (a:Actor {id: row.id})
ON CREATE SET a.name = row.name, a.type = row.type, a:$(row.type), a.nameKey = row.nameKey, a.aliases = []
SET
  a.aliases = reduce(acc = a.aliases, alias IN row.aliases | CASE WHEN alias IN acc OR alias = a.name THEN acc ELSE acc + alias END),
  a.country = coalesce(a.country, row.country),
  a.keys = reduce(acc = coalesce(a.keys, []), key IN row.keys | CASE WHEN key IN acc THEN acc ELSE acc + key END)
MERGE (d)-[:MENTIONS]->(a)
WITH a, row
CALL (a, row) {
  UNWIND row.keys AS key
  MERGE (n:Name {key: key})
  MERGE (a)-[k:KNOWN_AS]->(n)
  ON CREATE SET k.source = $documentId
}
RETURN a.id AS id
