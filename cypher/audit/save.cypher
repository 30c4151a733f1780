// Records one write in the audit trail, in the same transaction as the write.
// params: $entry map {id, at, action, ids, principalKind, principalId, principalName, role, requestId}
// returns: id string
CREATE (e:AuditEntry)
SET e = $entry
RETURN e.id AS id
