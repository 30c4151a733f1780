// Links new dataset rows to their actors: the document mentions them, the
// event has perpetrators, targets and locations. Pairs are [nodeId, actorId].
// params: $mentions, $perpetrators, $targets, $locations lists of [string, string]
// returns: links integer
CALL () {
  UNWIND $mentions AS pair
  MATCH (d:Document {id: pair[0]}), (a:Actor {id: pair[1]})
  CREATE (d)-[:MENTIONS]->(a)
}
CALL () {
  UNWIND $perpetrators AS pair
  MATCH (e:Event {id: pair[0]}), (a:Actor {id: pair[1]})
  CREATE (a)-[:PERPETRATED]->(e)
}
CALL () {
  UNWIND $targets AS pair
  MATCH (e:Event {id: pair[0]}), (a:Actor {id: pair[1]})
  CREATE (e)-[:TARGETED]->(a)
}
CALL () {
  UNWIND $locations AS pair
  MATCH (e:Event {id: pair[0]}), (a:Actor {id: pair[1]})
  CREATE (e)-[:OCCURRED_IN]->(a)
}
RETURN size($mentions) + size($perpetrators) + size($targets) + size($locations) AS links
