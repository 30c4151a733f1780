// Merges $sourceId into $targetId, reversibly: the source's claims, mentions,
// event roles and name keys move to the target; the source stays as a
// :MergedActor (no longer an :Actor) with a SAME_AS link saying who merged it,
// when and why. Claims remember their original ends (originalSubjectId,
// originalObjectId), so a split can move them back.
// params: $sourceId, $targetId, $by, $reason strings
// returns: moved claims integer (their relation keys are recomputed by the caller)
MATCH (s:Actor {id: $sourceId}), (t:Actor {id: $targetId})
CALL (s, t) {
  OPTIONAL MATCH (c:Claim)-[r:SUBJECT|OBJECT]->(s)
  WITH c, r, type(r) AS role
  CALL (c, r, role, t) {
    WITH c, r, role, t WHERE c IS NOT NULL
    DELETE r
    CREATE (c)-[:$(role)]->(t)
    SET c.originalSubjectId = coalesce(c.originalSubjectId, c.subjectId),
      c.originalObjectId = coalesce(c.originalObjectId, c.objectId)
    SET c.subjectId = CASE role WHEN 'SUBJECT' THEN t.id ELSE c.subjectId END,
      c.objectId = CASE role WHEN 'OBJECT' THEN t.id ELSE c.objectId END
  }
  RETURN count(c) AS moved
}
CALL (s, t) {
  OPTIONAL MATCH (x)-[r:MENTIONS|TARGETED|OCCURRED_IN]->(s)
  CALL (s, x, r, t) {
    WITH s, x, r, t WHERE r IS NOT NULL
    WITH x, r, t, type(r) AS kind
    DELETE r
    MERGE (x)-[moved:$(kind)]->(t)
    ON CREATE SET moved.mergedFrom = s.id
  }
}
CALL (s, t) {
  OPTIONAL MATCH (s)-[r:PERPETRATED]->(e)
  CALL (s, r, e, t) {
    WITH s, r, e, t WHERE r IS NOT NULL
    DELETE r
    MERGE (t)-[moved:PERPETRATED]->(e)
    ON CREATE SET moved.mergedFrom = s.id
  }
}
CALL (s, t) {
  OPTIONAL MATCH (s)-[k:KNOWN_AS]->(n:Name)
  CALL (s, k, n, t) {
    WITH s, k, n, t WHERE k IS NOT NULL
    MERGE (t)-[k2:KNOWN_AS]->(n)
    ON CREATE SET k2.source = coalesce(k.source, 'merge:' + s.id), k2.mergedFrom = s.id
    DELETE k
  }
}
CALL (s, t) {
  OPTIONAL MATCH (s)-[r]-(:Actor)
  DELETE r
}
SET t.aliases = reduce(acc = coalesce(t.aliases, []), alias IN [s.name] + coalesce(s.aliases, []) |
  CASE WHEN alias IN acc OR alias = t.name THEN acc ELSE acc + alias END)
REMOVE s:Actor
SET s:MergedActor, s.mergedInto = t.id
CREATE (s)-[:SAME_AS {by: $by, at: toString(datetime()), reason: $reason}]->(t)
RETURN moved
