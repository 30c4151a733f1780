// How many audit entries match a filter (totalCount without loading them).
// params: $action string or null, $principal string or null
// returns: count integer
MATCH (e:AuditEntry)
WHERE ($action IS NULL OR e.action = $action)
  AND ($principal IS NULL OR e.principalId = $principal)
RETURN count(e) AS count
