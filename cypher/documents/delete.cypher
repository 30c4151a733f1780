// Deletes a document node (its claims, mentions and reports are detached first).
// params: $id string   returns: deleted integer
MATCH (d:Document {id: $id})
DETACH DELETE d
RETURN count(*) AS deleted
