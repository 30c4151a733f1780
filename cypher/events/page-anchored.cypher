// events/page when the filter names a place, perpetrator or target: starts
// from that actor's events (the place's, else the perpetrator's, else the
// target's; an id that is null matches nothing) instead of scanning every
// event, then applies the rest of the filter as events/page does (not what
// the starting actor already guarantees: that check was most of the cost).
// params: as events/page (at least one of $location, $perpetrator, $target set)
// The lists named in $participants come along (the lists events/participants
// gives), so a page that shows them is one round trip; only those: reading
// every event's documents when a page shows its perpetrators more than
// doubled the statement.
// The actor filters are CASE forms, not `OR EXISTS`: see events/page.
// Events and their actors are lists, not maps: the driver decodes a map key
// by key (one-off, the bench's page of 21 events with their perpetrators:
// ~0.73 -> ~0.53 ms of the client's CPU a statement); documents stay maps.
// returns: event [id, type, date, datePrecision, weapons, killedLow, killedBest, killedHigh, injuredLow,
//          injuredBest, injuredHigh, quote], sortKey string, participants map (a list not asked for is
//          null; actors as [id, name, type, aliases, country]) or null
CALL () {
  MATCH (:Actor {id: $location})<-[:LOCATED_IN*0..2]-(:Actor)<-[:OCCURRED_IN]-(e:Event)
  RETURN e
  UNION
  MATCH (:Actor {id: $perpetrator})-[:PERPETRATED]->(e:Event)
  WHERE $location IS NULL
  RETURN e
  UNION
  MATCH (e:Event)-[:TARGETED]->(:Actor {id: $target})
  WHERE $location IS NULL AND $perpetrator IS NULL
  RETURN e
}
WITH e
WHERE ($types IS NULL OR e.type IN $types)
  AND ($from IS NULL OR e.date >= $from)
  AND ($to IS NULL OR e.date <= $to)
  AND CASE WHEN $perpetrator IS NULL OR $location IS NULL THEN true
    ELSE EXISTS { (:Actor {id: $perpetrator})-[:PERPETRATED]->(e) } END
  AND CASE WHEN $target IS NULL OR ($location IS NULL AND $perpetrator IS NULL) THEN true
    ELSE EXISTS { (e)-[:TARGETED]->(:Actor {id: $target}) } END
  AND ($after IS NULL OR e.sortKey < $after)
WITH e
ORDER BY e.sortKey DESC
LIMIT toInteger($limit)
RETURN [e.id, e.type, e.date, e.datePrecision, coalesce(e.weapons, []), e.killedLow, e.killedBest, e.killedHigh, e.injuredLow, e.injuredBest, e.injuredHigh, e.quote] AS event, e.sortKey AS sortKey,
  CASE WHEN size($participants) > 0 THEN {
    perpetrators: CASE WHEN 'perpetrators' IN $participants THEN [(a:Actor)-[:PERPETRATED]->(e) | [a.id, a.name, a.type, a.aliases, a.country]] END,
    targets: CASE WHEN 'targets' IN $participants THEN [(e)-[:TARGETED]->(a:Actor) | [a.id, a.name, a.type, a.aliases, a.country]] END,
    locations: CASE WHEN 'locations' IN $participants THEN [(e)-[:OCCURRED_IN]->(a:Actor) | [a.id, a.name, a.type, a.aliases, a.country]] END,
    documents: CASE WHEN 'documents' IN $participants THEN [(e)-[:REPORTED_IN]->(d:Document) | d {.id, .title, .url, .publishedAt, .source, .contentHash, .license, .ingestedAt}] END
  } END AS participants
