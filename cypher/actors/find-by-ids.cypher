// Actors by id, for batched lookups (one round trip per batch).
// params: $ids list of strings   returns: actor map per found id
UNWIND $ids AS id
MATCH (a:Actor {id: id})
RETURN a {.id, .name, .type, .aliases, .country} AS actor
