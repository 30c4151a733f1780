// Which of these dataset rows are already in the graph (their document id
// exists): a re-import skips them, which makes imports idempotent.
// params: $ids list of strings   returns: ids list of strings
UNWIND $ids AS id
MATCH (d:Document {id: id})
RETURN collect(id) AS ids
