// Deletes actors that nothing refers to any more (no mention, claim or
// event), with the name keys only they used.
// params: $ids list of actor ids   returns: deleted integer
UNWIND $ids AS id
MATCH (a:Actor {id: id})
WHERE NOT (a)<-[:MENTIONS|SUBJECT|OBJECT|TARGETED|OCCURRED_IN]-() AND NOT (a)-[:PERPETRATED]->()
OPTIONAL MATCH (a)-[:KNOWN_AS]->(n:Name)
WITH a, collect(n) AS names
DETACH DELETE a
WITH names
UNWIND names AS n
WITH DISTINCT n
WHERE NOT (n)<-[:KNOWN_AS]-()
DELETE n
RETURN count(*) AS deleted
