// A page of events matching a filter, newest first, after a keyset cursor
// (sortKey = date|id). A location matches places inside it too (LOCATED_IN).
// params: $types list or null, $from, $to YYYY-MM-DD or null, $location, $perpetrator, $target actor ids or null,
//         $after sortKey or null, $limit integer,
//         $participants list of 'perpetrators'|'targets'|'locations'|'documents'
// The lists named in $participants come along (as events/participants gives
// them), so a page that shows them is one round trip; only those: reading
// every event's documents when a page shows its perpetrators more than
// doubled the statement.
// returns: event map, sortKey string, participants map (a list not asked for is null) or null
MATCH (e:Event)
WHERE ($types IS NULL OR e.type IN $types)
  AND ($from IS NULL OR e.date >= $from)
  AND ($to IS NULL OR e.date <= $to)
  AND ($location IS NULL OR EXISTS { (e)-[:OCCURRED_IN]->(:Actor)-[:LOCATED_IN*0..2]->(:Actor {id: $location}) })
  AND ($perpetrator IS NULL OR EXISTS { (:Actor {id: $perpetrator})-[:PERPETRATED]->(e) })
  AND ($target IS NULL OR EXISTS { (e)-[:TARGETED]->(:Actor {id: $target}) })
  AND ($after IS NULL OR e.sortKey < $after)
WITH e
ORDER BY e.sortKey DESC
LIMIT toInteger($limit)
RETURN e {.id, .type, .date, .datePrecision, weapons: coalesce(e.weapons, []), .killedLow, .killedBest, .killedHigh, .injuredLow, .injuredBest, .injuredHigh, .quote} AS event, e.sortKey AS sortKey,
  CASE WHEN size($participants) > 0 THEN {
    perpetrators: CASE WHEN 'perpetrators' IN $participants THEN [(a:Actor)-[:PERPETRATED]->(e) | a {.id, .name, .type, .aliases, .country}] END,
    targets: CASE WHEN 'targets' IN $participants THEN [(e)-[:TARGETED]->(a:Actor) | a {.id, .name, .type, .aliases, .country}] END,
    locations: CASE WHEN 'locations' IN $participants THEN [(e)-[:OCCURRED_IN]->(a:Actor) | a {.id, .name, .type, .aliases, .country}] END,
    documents: CASE WHEN 'documents' IN $participants THEN [(e)-[:REPORTED_IN]->(d:Document) | d {.id, .title, .url, .publishedAt, .source, .contentHash, .license, .ingestedAt}] END
  } END AS participants
