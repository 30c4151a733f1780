// A page of actors matching a filter, in name or id order, after a keyset cursor,
// when the query does not show their relations (actors/with-relations reads
// a page with them; read through it, a page without them took ~1 ms more).
// Types are always a list (every type when the caller gives none), so the
// type index serves the filter instead of a scan of every actor; with a
// country the country index does (far fewer actors), the type branch then
// seeking an empty list; only the page is projected.
// params: $types list of entity types, $country string or null, $nameContains normalised string or null,
//         $orderBy 'NAME' or 'ID', $afterKey string or null, $afterId string or null, $limit integer
// returns: actor map, sortKey string
CALL () {
  MATCH (a:Actor)
  WHERE a.country = $country AND a.type IN $types
  RETURN a
  UNION ALL
  MATCH (a:Actor)
  WHERE a.type IN CASE WHEN $country IS NULL THEN $types ELSE [] END
  RETURN a
}
WITH a
WHERE $nameContains IS NULL OR any(key IN a.keys WHERE key CONTAINS $nameContains)
WITH a, CASE $orderBy WHEN 'ID' THEN a.id ELSE a.nameKey END AS sortKey
WHERE $afterKey IS NULL OR sortKey > $afterKey OR (sortKey = $afterKey AND a.id > $afterId)
WITH a, sortKey
ORDER BY sortKey, a.id
LIMIT toInteger($limit)
RETURN a {.id, .name, .type, .aliases, .country} AS actor, sortKey
