// Up to 5 shortest paths between two actors over positive aggregated
// relations (following relations from subject to object), as they stood on $asOf when given.
// The bound of SHORTEST and of the quantifier must be literals, marked k and
// maxHops below, which the caller sets to the request's (withLiterals): with
// a bound of 6 and a filter on length, a 1-hop question with no answer
// searched 6 hops (14 ms instead of 3 here); SHORTEST 5 cut to $k by LIMIT
// built and sorted paths it then dropped (~0.2-0.4 ms of a 2-2.4 ms
// statement for 3 paths in a one-off timing on the bench graph).
// The relation types are spelled out (every predicate; a unit test keeps the list
// in step with the model) so Neo4j follows only those chains of a hub, not its
// thousands of mentions and event links. The caller narrows each list marked
// /*$relations*/ to the asked predicates, pointed one way when the direction
// allows (withRelationTypes): the bound pattern is the only predicate
// filter, and Database refuses to run this file unbound.
// Of the k paths found, those of equal length come strongest first (product
// of their relations' confidence); which of more than k equally short paths
// are found is Neo4j's choice.
// Relations are projected lean unless $relationDetail asks for their counts
// and dates: a map of every property costs several times the statement on
// a hub; predicate and ends are read from the key (PREDICATE|fromId|toId).
// literals: k integer 1..5 (default 5), maxHops integer 1..6 (default 6)
// The asOf test and the relations' detail are optional parts
// (src/db/optional-parts.ts): a search without asOf does not test it on
// every relationship it expands.
// params: $relationDetail boolean, $from, $to actor ids, $asOf YYYY-MM-DD or null
// returns: actors list of actor maps (path order), relations list of relation maps (hop order)
MATCH (a:Actor {id: $from}), (b:Actor {id: $to})
MATCH p = SHORTEST /*$k*/ 5 (a)((x)-[r:/*$relations*/PART_OF|MEMBER_OF|LOCATED_IN|SUPPORTS|FUNDS|ARMS|TRAINS|DIRECTS|ENCOURAGES|ASSOCIATED_WITH|ALLIED_WITH|ATTACKS|FIGHTS]->(y)
    WHERE r.polarity <> 'negative' /*if $asOf*/AND r.firstPositive <= $asOf/*end*/){1, /*$maxHops*/ 6}(b)
RETURN [n IN nodes(p) | n {.id, .name, .type, .aliases, .country}] AS actors,
  [rel IN relationships(p) | /*if $relationDetail*/rel {.key, .confidence, .claimCount, .polarity, .positiveClaims, .negativeClaims, .contested, .firstReported, .lastReported}/*else rel {.key, .confidence, .claimCount, .polarity}*/] AS relations
ORDER BY length(p), reduce(strength = 1.0, rel IN relationships(p) | strength * rel.confidence) DESC
