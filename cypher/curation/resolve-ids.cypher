// Entity resolution for a document about to be saved: for each extracted
// entity, the actor it should become. An id merged into another actor follows
// its SAME_AS link; an entity outside the register matches an existing actor
// by a normalised name or alias key (acronyms are keys too).
// params: $entities list of {id, keys list of strings, registered boolean}
// returns: id string, resolvedId string or null
UNWIND $entities AS entity
OPTIONAL MATCH (:MergedActor {id: entity.id})-[:SAME_AS]->(target:Actor)
OPTIONAL CALL (entity, target) {
  WITH entity, target
  WHERE target IS NULL AND NOT entity.registered
  OPTIONAL MATCH (n:Name)<-[:KNOWN_AS]-(a:Actor)
  WHERE n.key IN entity.keys AND a.id <> entity.id
  // The most mentioned candidate wins, then the smallest id, so resolution is stable.
  WITH a, COUNT { (a)<-[:MENTIONS]-() } AS mentions
  ORDER BY mentions DESC, a.id
  LIMIT 1
  RETURN a.id AS byName
}
WITH entity, target, byName
OPTIONAL MATCH (own:Actor {id: entity.id})
RETURN entity.id AS id,
  CASE WHEN target IS NOT NULL THEN target.id WHEN own IS NULL THEN byName ELSE null END AS resolvedId
