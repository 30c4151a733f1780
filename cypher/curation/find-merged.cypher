// The actors merged into $id (for split: which aliases can be un-merged).
// params: $id string   returns: id, name, aliases
MATCH (s:MergedActor)-[:SAME_AS]->(:Actor {id: $id})
RETURN s.id AS id, s.name AS name, coalesce(s.aliases, []) AS aliases
