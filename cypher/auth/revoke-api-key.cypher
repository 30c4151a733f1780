// Revokes an API key; revoking twice keeps the first time.
// params: $id string   returns: id string, revokedAt string
MATCH (k:ApiKey {id: $id})
SET k.revokedAt = coalesce(k.revokedAt, toString(datetime()))
RETURN k.id AS id, k.revokedAt AS revokedAt
