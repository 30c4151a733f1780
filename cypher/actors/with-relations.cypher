// Actors with a page of each one's aggregated relations, in one statement:
// the actors of $ids, or a page of actors ($page: filter, order and keyset
// cursor); and each actor's relations, strongest first
// (keyset on confidence, then predicate|direction|other id).
// A page of actors filtered by country seeks the country index (far fewer
// actors than a type; a hint, else the planner may take the type index),
// else the type index (types are always a list: every type when the caller
// gives none), never a scan of every actor.
// Filters, cursors and subqueries a request leaves out are optional parts
// (/*if $x*/ ... /*end*/ or /*else ...*/, see src/db/optional-parts.ts):
// Database leaves them out of the text Neo4j plans. The page of actors is
// one too, so a read by $ids plans no page branch (the ids branch comes
// last and unwinds an empty list when $ids is null: a UNION cannot end
// with a left-out branch).
// A relations page is a top-k over the edges: only the page's relations and
// actors are projected, so a hub with thousands of relations costs a partial
// sort, not thousands of maps. Their total is relations/count-of-actors, run
// only when a query asks for it.
// What the query selects below the page comes in the same statement (one
// round trip instead of one per level): with $claimsLimit > 0 each edge's
// best claims (as claims/of-relations orders them; with $claimDetail every
// field, else id, quote, polarity, confidence and the document's id and
// title, what evidence lists show), with $next each other
// actor's own first page of relations under the filter $next (no cursor, no
// claims). Both are optional COLLECT subqueries, so a query that asks for
// neither does not pay for them (as skipped CALL subqueries they cost ~0.3 ms
// of a 4 ms relations page), and one that asks has them planned as operators
// (inside a CASE, Neo4j runs them as nested expressions).
// The best claims are picked before their documents are read (every claim
// has its document: a document detaches its claims when it goes). Inside
// COLLECT the planner does not sort first by itself (a one-off PROFILE of
// Iran's page of 10 with 3 claims each on the bench graph: 3,780 instead of
// 4,985 db hits).
// The relation types are spelled out (every predicate; a unit test keeps the list
// in step with the model) so Neo4j follows only those chains of a hub, not its
// thousands of mentions and event links. The caller narrows each list marked
// /*$relations*/ (/*$next*/: $next's filter) to the asked predicates, pointed one
// way when the direction allows (withRelationTypes): the bound pattern is the
// only predicate filter, and Database refuses to run this file unbound.
// Relations are projected lean unless $relationDetail asks for their counts
// and dates: a map of every property costs several times the statement on
// a hub; predicate and ends are read from the key (PREDICATE|fromId|toId).
// Edges are lists, not maps: the driver decodes a map key by key, and a page
// has an edge for every relation shown plus the next level's (one-off, the
// nested bench query's rows: 0.41 -> 0.32 ms of the client's CPU a statement).
// params: $ids list or null, $page null or map {types list, country string or null, nameContains normalised
//         string or null, orderBy 'NAME'|'ID', afterKey string or null, afterId string or null, limit integer},
//         $relationDetail boolean, $symmetric list of symmetric
//         predicates, $direction 'OUTGOING'|'INCOMING'|'BOTH', $minConfidence float,
//         $polarity 'positive'|'negative'|'contested'|null, $afterConfidence float or null, $afterKey string or null,
//         $limit integer, $claimsLimit integer, $claimDetail boolean,
//         $next null or map {direction, minConfidence, polarity, limit} of the same meanings
// returns: id string, actor map, sortKey string (null for $ids), page list of edges in page order, each
//          [key, confidence, claimCount, polarity, detail, direction, actor, claims, next]: detail
//          [positiveClaims, negativeClaims, contested, firstReported, lastReported] or null, actor
//          [id, name, type, aliases, country], claims list of claim maps or null, next list of edges of
//          the first six of those fields or null
CALL () {
  /*if $page*/
  MATCH (a:Actor)
  /*if $page.country*/USING INDEX a:Actor(country)
  WHERE a.country = $page.country AND a.type IN $page.types/*else WHERE a.type IN $page.types*/
  WITH a
  /*if $page.nameContains*/WHERE any(key IN a.keys WHERE key CONTAINS $page.nameContains)/*end*/
  WITH a, CASE $page.orderBy WHEN 'ID' THEN a.id ELSE a.nameKey END AS sortKey
  /*if $page.afterId*/WHERE sortKey > $page.afterKey OR (sortKey = $page.afterKey AND a.id > $page.afterId)/*end*/
  WITH a, sortKey
  ORDER BY sortKey, a.id
  LIMIT toInteger($page.limit)
  RETURN a, sortKey
  UNION ALL
  /*end*/
  UNWIND coalesce($ids, []) AS id
  MATCH (a:Actor {id: id})
  RETURN a, null AS sortKey
}
CALL (a) {
  MATCH (a)-[r:/*$relations*/PART_OF|MEMBER_OF|LOCATED_IN|SUPPORTS|FUNDS|ARMS|TRAINS|DIRECTS|ENCOURAGES|ASSOCIATED_WITH|ALLIED_WITH|ATTACKS|FIGHTS]-(b:Actor)
  WHERE r.confidence >= $minConfidence
    /*if $polarity*/AND (r.polarity = $polarity OR (r.polarity = 'contested' AND $polarity <> 'contested'))/*end*/
    AND ($direction = 'BOTH' OR type(r) IN $symmetric OR ($direction = 'OUTGOING') = (startNode(r) = a))
  WITH r, b, CASE WHEN startNode(r) = a THEN 'OUTGOING' ELSE 'INCOMING' END AS direction
  WITH r, b, direction, type(r) + '|' + direction + '|' + b.id AS tieKey
  /*if $afterKey*/WHERE r.confidence < $afterConfidence
    OR (r.confidence = $afterConfidence AND tieKey > $afterKey)/*end*/
  WITH r, b, direction, tieKey
  ORDER BY r.confidence DESC, tieKey
  LIMIT toInteger(coalesce($limit, 0))
  RETURN collect([r.key, r.confidence, r.claimCount, r.polarity,
    /*if $relationDetail*/[r.positiveClaims, r.negativeClaims, r.contested, r.firstReported, r.lastReported]/*else null*/,
    direction,
    [b.id, b.name, b.type, b.aliases, b.country],
    /*if $claimsLimit*/COLLECT {
      MATCH (c:Claim {relationKey: r.key})
      WITH c
      ORDER BY CASE c.polarity WHEN 'positive' THEN 0 ELSE 1 END, c.weight DESC, c.publishedDate DESC, c.id
      LIMIT toInteger($claimsLimit)
      MATCH (c)-[:STATED_IN]->(d:Document)
      RETURN CASE WHEN $claimDetail
        THEN c {.id, .predicate, .subjectId, .objectId, .polarity, .modality, .confidence, .attribution, .role, .quote, .start, .end, .publishedDate, document: d {.id, .title, .url, .publishedAt, .source, .contentHash, .license, .ingestedAt}}
        ELSE c {.id, .quote, .polarity, .confidence, document: d {.id, .title}}
      END AS claim
    }/*else null*/,
    /*if $next*/COLLECT {
      MATCH (b)-[s:/*$next*/PART_OF|MEMBER_OF|LOCATED_IN|SUPPORTS|FUNDS|ARMS|TRAINS|DIRECTS|ENCOURAGES|ASSOCIATED_WITH|ALLIED_WITH|ATTACKS|FIGHTS]-(o:Actor)
      WHERE s.confidence >= $next.minConfidence
        /*if $next.polarity*/AND (s.polarity = $next.polarity
          OR (s.polarity = 'contested' AND $next.polarity <> 'contested'))/*end*/
        AND ($next.direction = 'BOTH' OR type(s) IN $symmetric OR ($next.direction = 'OUTGOING') = (startNode(s) = b))
      WITH s, o, CASE WHEN startNode(s) = b THEN 'OUTGOING' ELSE 'INCOMING' END AS nextDirection
      WITH s, o, nextDirection, type(s) + '|' + nextDirection + '|' + o.id AS nextTieKey
      ORDER BY s.confidence DESC, nextTieKey
      LIMIT toInteger(coalesce($next.limit, 0))
      RETURN [s.key, s.confidence, s.claimCount, s.polarity,
        /*if $relationDetail*/[s.positiveClaims, s.negativeClaims, s.contested, s.firstReported, s.lastReported]/*else null*/,
        nextDirection,
        [o.id, o.name, o.type, o.aliases, o.country]] AS item
    }/*else null*/
  ]) AS page
}
RETURN a.id AS id, a {.id, .name, .type, .aliases, .country} AS actor, sortKey, page
ORDER BY sortKey, id
