// A page of events matching a filter, newest first, after a keyset cursor
// (sortKey = date|id). A location matches places inside it too (LOCATED_IN).
// params: $types list or null, $from, $to YYYY-MM-DD or null, $location, $perpetrator, $target actor ids or null,
//         $after sortKey or null, $limit integer,
//         $participants null or map {perpetrators, targets, locations, documents} of booleans
// The lists named in $participants come along (the lists events/participants
// gives), so a page that shows them is one round trip; only those: reading
// every event's documents when a page shows its perpetrators more than
// doubled the statement.
// Events and their actors are lists, not maps: the driver decodes a map key
// by key (one-off, the bench's page of 21 events with their perpetrators:
// ~0.73 -> ~0.53 ms of the client's CPU a statement); documents stay maps.
// returns: event [id, type, date, datePrecision, weapons, killedLow, killedBest, killedHigh, injuredLow,
//          injuredBest, injuredHigh, quote], sortKey string, participants map (a list not asked for is
//          null; actors as [id, name, type, aliases, country]) or null
// The sortKey range (sortKey = date|id, set by every write path) holds every
// event the date filter and the cursor let through, and lets Neo4j read the
// sortKey index newest first and stop after $limit events instead of
// sorting every event: 115-175 ms -> 2-3 ms for a page of 21 on the bench
// graph's 295k events (one-off timing). '}' follows '|', so `$to + '}'`
// bounds every key of the date $to; the date and cursor tests stay as written.
// A filter a request leaves out is an optional part (src/db/optional-parts.ts),
// so Neo4j plans only the filters a request sets. Written as
// `$x IS NULL OR EXISTS {…}`, a filter is planned as one SelectOrSemiApply
// per event whether or not the parameter is set, and those operators cost
// 0.4-0.5 ms of a 3 ms anchored page (one-off timing on the bench graph).
MATCH (e:Event)
WHERE e.sortKey >= coalesce($from, '') AND e.sortKey < coalesce($after, $to + '}', '~')
  /*if $types*/AND e.type IN $types/*end*/
  /*if $from*/AND e.date >= $from/*end*/
  /*if $to*/AND e.date <= $to/*end*/
  /*if $location*/AND EXISTS { (e)-[:OCCURRED_IN]->(:Actor)-[:LOCATED_IN*0..2]->(:Actor {id: $location}) }/*end*/
  /*if $perpetrator*/AND EXISTS { (:Actor {id: $perpetrator})-[:PERPETRATED]->(e) }/*end*/
  /*if $target*/AND EXISTS { (e)-[:TARGETED]->(:Actor {id: $target}) }/*end*/
  /*if $after*/AND e.sortKey < $after/*end*/
WITH e
ORDER BY e.sortKey DESC
LIMIT toInteger($limit)
RETURN [e.id, e.type, e.date, e.datePrecision, coalesce(e.weapons, []), e.killedLow, e.killedBest, e.killedHigh, e.injuredLow, e.injuredBest, e.injuredHigh, e.quote] AS event, e.sortKey AS sortKey,
  /*if $participants*/{
    perpetrators: /*if $participants.perpetrators*/[(a:Actor)-[:PERPETRATED]->(e) | [a.id, a.name, a.type, a.aliases, a.country]]/*else null*/,
    targets: /*if $participants.targets*/[(e)-[:TARGETED]->(a:Actor) | [a.id, a.name, a.type, a.aliases, a.country]]/*else null*/,
    locations: /*if $participants.locations*/[(e)-[:OCCURRED_IN]->(a:Actor) | [a.id, a.name, a.type, a.aliases, a.country]]/*else null*/,
    documents: /*if $participants.documents*/[(e)-[:REPORTED_IN]->(d:Document) | d {.id, .title, .url, .publishedAt, .source, .contentHash, .license, .ingestedAt}]/*else null*/
  }/*else null*/ AS participants
