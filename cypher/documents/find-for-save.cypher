// The stored hashes of a document, to tell an unchanged save from a change.
// params: $id string   returns: contentHash string, extractionHash string
MATCH (d:Document {id: $id})
RETURN d.contentHash AS contentHash, d.extractionHash AS extractionHash
