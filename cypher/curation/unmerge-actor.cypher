// Reverses a merge: the :MergedActor $sourceId becomes an :Actor again and
// takes back the claims that were stated about it (originalSubjectId,
// originalObjectId), the links and name keys the merge moved, and the
// mentions of the documents whose claims are its again.
// params: $sourceId, $targetId strings
// returns: moved claims integer, claimIds list of strings
MATCH (s:MergedActor {id: $sourceId})-[same:SAME_AS]->(t:Actor {id: $targetId})
CALL (s, t) {
  OPTIONAL MATCH (c:Claim)-[r:SUBJECT|OBJECT]->(t)
  WHERE (type(r) = 'SUBJECT' AND c.originalSubjectId = s.id) OR (type(r) = 'OBJECT' AND c.originalObjectId = s.id)
  CALL (c, r, s) {
    WITH c, r, s, type(r) AS role WHERE c IS NOT NULL
    DELETE r
    CREATE (c)-[:$(role)]->(s)
    SET c.subjectId = CASE role WHEN 'SUBJECT' THEN s.id ELSE c.subjectId END,
      c.objectId = CASE role WHEN 'OBJECT' THEN s.id ELSE c.objectId END
  }
  RETURN collect(DISTINCT c.id) AS claimIds
}
CALL (s, t) {
  OPTIONAL MATCH (x)-[r:MENTIONS|TARGETED|OCCURRED_IN {mergedFrom: s.id}]->(t)
  CALL (x, r, s) {
    WITH x, r, s WHERE r IS NOT NULL
    WITH x, r, s, type(r) AS kind
    DELETE r
    MERGE (x)-[:$(kind)]->(s)
  }
}
CALL (s, t) {
  OPTIONAL MATCH (t)-[r:PERPETRATED {mergedFrom: s.id}]->(e)
  CALL (r, e, s) {
    WITH r, e, s WHERE r IS NOT NULL
    DELETE r
    MERGE (s)-[:PERPETRATED]->(e)
  }
}
CALL (s, t) {
  OPTIONAL MATCH (t)-[k:KNOWN_AS {mergedFrom: s.id}]->(n:Name)
  CALL (k, n, s) {
    WITH k, n, s WHERE k IS NOT NULL
    MERGE (s)-[k2:KNOWN_AS]->(n)
    SET k2.source = k.source
    DELETE k
  }
}
CALL (s, claimIds) {
  UNWIND claimIds AS claimId
  MATCH (:Claim {id: claimId})-[:STATED_IN]->(d:Document)
  MERGE (d)-[:MENTIONS]->(s)
}
DELETE same
REMOVE s:MergedActor
SET s:Actor, s.mergedInto = null,
  t.aliases = [alias IN t.aliases WHERE NOT alias IN [s.name] + coalesce(s.aliases, [])]
RETURN size(claimIds) AS moved, claimIds
