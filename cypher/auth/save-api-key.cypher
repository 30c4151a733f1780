// Stores a new API key (its hash only).
// params: $id string, $name string, $role string, $hash string
// returns: id string, createdAt string
CREATE (k:ApiKey {id: $id, name: $name, role: $role, hash: $hash, createdAt: toString(datetime()), revokedAt: null})
RETURN k.id AS id, k.createdAt AS createdAt
