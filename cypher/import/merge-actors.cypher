// Merges the actors of an import batch (on id), unions their aliases and
// name keys. Same shape as actors/merge-mentioned, without a document.
// The caller passes only actors that are new or bring a new alias.
// params: $actors list of {id, name, type, aliases, nameKey, keys}, $source string
// returns: actors integer
UNWIND $actors AS row
MERGE (a:Actor {id: row.id})
ON CREATE SET a.name = row.name, a.type = row.type, a:$(row.type), a.nameKey = row.nameKey, a.aliases = []
SET
  a.aliases = reduce(acc = a.aliases, alias IN row.aliases | CASE WHEN alias IN acc OR alias = a.name THEN acc ELSE acc + alias END),
  a.keys = reduce(acc = coalesce(a.keys, []), key IN row.keys | CASE WHEN key IN acc THEN acc ELSE acc + key END)
WITH a, row
CALL (a, row) {
  UNWIND row.keys AS key
  MERGE (n:Name {key: key})
  MERGE (a)-[k:KNOWN_AS]->(n)
  ON CREATE SET k.source = $source
}
RETURN count(a) AS actors
