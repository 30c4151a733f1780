// Adds an alias to an actor and its name key, remembering where it came from.
// params: $id, $alias, $key, $source strings
// returns: id string, or no row when the actor does not exist
MATCH (a:Actor {id: $id})
SET a.aliases = CASE WHEN $alias IN coalesce(a.aliases, []) OR $alias = a.name THEN a.aliases ELSE coalesce(a.aliases, []) + $alias END
MERGE (n:Name {key: $key})
MERGE (a)-[k:KNOWN_AS]->(n)
ON CREATE SET k.source = $source
RETURN a.id AS id
