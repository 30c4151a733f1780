// The current ends of claims about these actors, to recompute their relation
// keys after a merge or split moved them.
// params: $actorIds list of strings
// returns: id, predicate, subjectId (current), objectId (current), relationKey (stored)
UNWIND $actorIds AS actorId
MATCH (:Actor {id: actorId})<-[:SUBJECT|OBJECT]-(c:Claim)
WITH DISTINCT c
MATCH (c)-[:SUBJECT]->(s:Actor), (c)-[:OBJECT]->(o:Actor)
RETURN c.id AS id, c.predicate AS predicate, s.id AS subjectId, o.id AS objectId, c.relationKey AS relationKey
