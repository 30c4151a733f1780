// A page of the audit trail, newest first, after a keyset cursor (at, id),
// optionally only one action and/or one principal.
// params: $action string or null, $principal string or null, $afterAt, $afterId string or null, $limit integer
// returns: entry map
// `e.at <= coalesce($afterAt, '~')` holds every entry the cursor lets
// through (at is an ISO date-time, which starts with a digit): a range on
// the at index lets Neo4j read it newest first and stop after the page,
// where the cursor test alone sorted the whole trail, which only grows
// (one-off timing over 100k entries: 95-104 ms -> 6-7 ms for a page of 21).
MATCH (e:AuditEntry)
WHERE e.at <= coalesce($afterAt, '~')
  AND ($action IS NULL OR e.action = $action)
  AND ($principal IS NULL OR e.principalId = $principal)
  AND ($afterAt IS NULL OR e.at < $afterAt OR (e.at = $afterAt AND e.id < $afterId))
RETURN e {.id, .at, .action, .ids, .principalKind, .principalId, .principalName, .role, .requestId} AS entry
ORDER BY e.at DESC, e.id DESC
LIMIT toInteger($limit)
