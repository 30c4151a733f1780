// A page of the audit trail, newest first, after a keyset cursor (at, id),
// optionally only one action and/or one principal.
// params: $action string or null, $principal string or null, $afterAt, $afterId string or null, $limit integer
// returns: entry map
MATCH (e:AuditEntry)
WHERE ($action IS NULL OR e.action = $action)
  AND ($principal IS NULL OR e.principalId = $principal)
  AND ($afterAt IS NULL OR e.at < $afterAt OR (e.at = $afterAt AND e.id < $afterId))
RETURN e {.id, .at, .action, .ids, .principalKind, .principalId, .principalName, .role, .requestId} AS entry
ORDER BY e.at DESC, e.id DESC
LIMIT toInteger($limit)
