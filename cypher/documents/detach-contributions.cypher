// Removes what a document contributed: its claims, its mentions and its
// event reports (an event no other document reports is deleted).
// params: $id string
// returns: relations list of {relationKey, predicate, fromId, toId} whose claims changed, actorIds list it mentioned
OPTIONAL MATCH (d:Document {id: $id})
CALL (d) {
  OPTIONAL MATCH (c:Claim)-[:STATED_IN]->(d)
  WITH c, c {.relationKey, .predicate, .fromId, .toId} AS relation
  DETACH DELETE c
  RETURN collect(DISTINCT relation) AS relations
}
CALL (d) {
  OPTIONAL MATCH (d)-[m:MENTIONS]->(a:Actor)
  WITH m, a.id AS actorId
  DELETE m
  RETURN collect(actorId) AS actorIds
}
CALL (d) {
  OPTIONAL MATCH (e:Event)-[report:REPORTED_IN]->(d)
  DELETE report
  WITH e
  WHERE e IS NOT NULL AND NOT (e)-[:REPORTED_IN]->()
  DETACH DELETE e
}
RETURN relations, actorIds
