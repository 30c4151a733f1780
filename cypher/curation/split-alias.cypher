// Splits an alias off an actor into an actor of its own (same type), taking
// the alias's name key with it. Claims stay: nothing records which surface
// form a claim used, so only a reversed merge can move claims.
// params: $id, $newId, $alias, $key, $by strings
// returns: id string of the new actor
MATCH (a:Actor {id: $id})
MERGE (b:Actor {id: $newId})
ON CREATE SET b.name = $alias, b.type = a.type, b:$(a.type), b.aliases = [], b.nameKey = $key, b.splitFrom = a.id, b.splitBy = $by
SET a.aliases = [x IN coalesce(a.aliases, []) WHERE x <> $alias]
WITH a, b
OPTIONAL MATCH (a)-[k:KNOWN_AS]->(n:Name {key: $key})
CALL (b, k, n) {
  WITH b, k, n WHERE k IS NOT NULL
  MERGE (b)-[k2:KNOWN_AS]->(n)
  SET k2.source = k.source
  DELETE k
}
RETURN b.id AS id
