// An API key by id, for verifying a presented key.
// params: $id string   returns: id, name, role, hash strings, revoked boolean
MATCH (k:ApiKey {id: $id})
RETURN k.id AS id, k.name AS name, k.role AS role, k.hash AS hash, k.revokedAt IS NOT NULL AS revoked
