// Stores recomputed relation keys on claims whose ends changed.
// params: $claims list of {id, fromId, toId, relationKey}
// returns: updated integer
UNWIND $claims AS row
MATCH (c:Claim {id: row.id})
SET c.fromId = row.fromId, c.toId = row.toId, c.relationKey = row.relationKey
RETURN count(c) AS updated
