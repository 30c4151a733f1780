// Replaces aggregated relationships with their recomputed values: the old
// edge goes, a new one of the predicate's type is created when claims remain.
// The type comes from the fixed predicate enum (checked in TS), never user text.
// params: $relations list of {predicate, fromId, toId, props map or null}
// returns: replaced integer
UNWIND $relations AS row
MATCH (a:Actor {id: row.fromId}), (b:Actor {id: row.toId})
CALL (a, b, row) {
  OPTIONAL MATCH (a)-[old:$(row.predicate)]->(b)
  DELETE old
}
CALL (a, b, row) {
  WITH a, b, row
  WHERE row.props IS NOT NULL
  CREATE (a)-[r:$(row.predicate)]->(b)
  SET r = row.props
}
RETURN count(*) AS replaced
