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
// Filters and participant lists a request leaves out are optional parts
// (src/db/optional-parts.ts), as in events/page, and so are the UNION branches
// of the actors it does not start from (see there for what that saves). The
// target filter stays a CASE inside its part, not `OR EXISTS`: see events/page.
// Events and their actors are lists, not maps: the driver decodes a map key
// by key (one-off, the bench's page of 21 events with their perpetrators:
// ~0.73 -> ~0.53 ms of the client's CPU a statement); documents stay maps.
// returns: event [id, type, date, datePrecision, weapons, killedLow, killedBest, killedHigh, injuredLow,
//          injuredBest, injuredHigh, quote], sortKey string, participants map (a list not asked for is
//          null; actors as [id, name, type, aliases, country]) or null
CALL () {
  MATCH (:Actor {id: $location})<-[:LOCATED_IN*0..2]-(:Actor)<-[:OCCURRED_IN]-(e:Event)
  RETURN DISTINCT e
  /*unless $location*/
  UNION
  MATCH (:Actor {id: $perpetrator})-[:PERPETRATED]->(e:Event)
  RETURN e
  /*unless $perpetrator*/
  UNION
  MATCH (e:Event)-[:TARGETED]->(:Actor {id: $target})
  RETURN e
  /*end*/
  /*end*/
}
WITH e
WHERE true
  /*if $types*/AND e.type IN $types/*end*/
  /*if $from*/AND e.date >= $from/*end*/
  /*if $to*/AND e.date <= $to/*end*/
  /*if $location*//*if $perpetrator*/AND EXISTS { (:Actor {id: $perpetrator})-[:PERPETRATED]->(e) }/*end*//*end*/
  /*if $target*/AND CASE WHEN $location IS NULL AND $perpetrator IS NULL THEN true
    ELSE EXISTS { (e)-[:TARGETED]->(:Actor {id: $target}) } END/*end*/
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
