// Who and where of each event, and the documents reporting it.
// params: $ids list of event ids
// returns: id string, perpetrators, targets, locations lists of actor maps, documents list of document maps
UNWIND $ids AS id
MATCH (e:Event {id: id})
RETURN id,
  [(a:Actor)-[:PERPETRATED]->(e) | a {.id, .name, .type, .aliases, .country}] AS perpetrators,
  [(e)-[:TARGETED]->(a:Actor) | a {.id, .name, .type, .aliases, .country}] AS targets,
  [(e)-[:OCCURRED_IN]->(a:Actor) | a {.id, .name, .type, .aliases, .country}] AS locations,
  [(e)-[:REPORTED_IN]->(d:Document) | d {.id, .title, .url, .publishedAt, .source, .contentHash, .license, .ingestedAt}] AS documents
