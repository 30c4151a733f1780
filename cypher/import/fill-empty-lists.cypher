// After a bulk load (src/graph/bulk-load.ts): the empty lists the CSV could
// not carry, on up to $limit actors per call (the caller repeats until fewer
// come back): an actor without aliases, or (a name of punctuation only)
// without name keys, has [] as after a transactional import.
// params: $limit integer
// returns: filled integer
MATCH (a:Actor)
WHERE a.aliases IS NULL OR a.keys IS NULL
WITH a LIMIT toInteger($limit)
SET a.aliases = coalesce(a.aliases, []), a.keys = coalesce(a.keys, [])
RETURN count(a) AS filled
