// What an import batch finds already in the graph: the dataset rows present
// (their document id exists; a re-import skips them, which makes imports
// idempotent) and the actors present with their aliases and name keys (an
// actor with nothing new is not written again, so hub actors are not
// rewritten, relocked and reindexed by every batch).
// params: $ids list of document ids, $actorIds list of actor ids
// returns: ids list of strings, actors list of {id, name, aliases, keys}
CALL () {
  UNWIND $ids AS id
  MATCH (d:Document {id: id})
  RETURN collect(id) AS ids
}
CALL () {
  UNWIND $actorIds AS actorId
  MATCH (a:Actor {id: actorId})
  RETURN collect(a {.id, .name, aliases: coalesce(a.aliases, []), keys: coalesce(a.keys, [(a)-[:KNOWN_AS]->(n:Name) | n.key])}) AS actors
}
RETURN ids, actors
