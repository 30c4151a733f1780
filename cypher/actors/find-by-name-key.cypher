// The actor a normalised name or alias key names; its own name wins over an
// alias, then the most mentioned.
// params: $key string (normalised)   returns: actor map
MATCH (:Name {key: $key})<-[:KNOWN_AS]-(a:Actor)
WITH a, CASE WHEN a.nameKey = $key THEN 0 ELSE 1 END AS rank, COUNT { (a)<-[:MENTIONS]-() } AS mentions
ORDER BY rank, mentions DESC, a.id
LIMIT 1
RETURN a {.id, .name, .type, .aliases, .country} AS actor
