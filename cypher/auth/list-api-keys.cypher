// Every API key, newest first, without hashes.
// params: none   returns: id, name, role, createdAt, revokedAt
MATCH (k:ApiKey)
RETURN k.id AS id, k.name AS name, k.role AS role, k.createdAt AS createdAt, k.revokedAt AS revokedAt
ORDER BY k.createdAt DESC
