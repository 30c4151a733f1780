// The newest audit entries.
// params: $limit integer   returns: entry map per row
MATCH (e:AuditEntry)
RETURN e {.id, .at, .action, .ids, .principalKind, .principalId, .principalName, .role, .requestId} AS entry
ORDER BY e.at DESC, e.id
LIMIT toInteger($limit)
