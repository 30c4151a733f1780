// A page of actors matching a filter, in name or id order, after a keyset cursor,
// when the query does not show their relations (actors/with-relations reads
// a page with them; read through it, a page without them took ~1 ms more).
// Types are always a list (every type when the caller gives none), so the
// type index serves the filter instead of a scan of every actor; with a
// country the country index does (far fewer actors: the hint keeps the
// planner from the type index); only the page is projected. The country,
// name filter and cursor are optional parts (src/db/optional-parts.ts): a
// page that sets none of them is planned as the type seek and the sort alone.
// params: $types list of entity types, $country string or null, $nameContains normalised string or null,
//         $orderBy 'NAME' or 'ID', $afterKey string or null, $afterId string or null, $limit integer
// returns: actor map, sortKey string
MATCH (a:Actor)
/*if $country*/USING INDEX a:Actor(country)
WHERE a.country = $country AND a.type IN $types/*else WHERE a.type IN $types*/
  /*if $nameContains*/AND any(key IN a.keys WHERE key CONTAINS $nameContains)/*end*/
WITH a, CASE $orderBy WHEN 'ID' THEN a.id ELSE a.nameKey END AS sortKey
/*if $afterId*/WHERE sortKey > $afterKey OR (sortKey = $afterKey AND a.id > $afterId)/*end*/
WITH a, sortKey
ORDER BY sortKey, a.id
LIMIT toInteger($limit)
RETURN a {.id, .name, .type, .aliases, .country} AS actor, sortKey
