// How many actors match a filter (the totalCount of a page, without loading them).
// params: $types list of entity types (every type when the caller gives none), $country string or null,
//         $nameContains normalised string or null
// returns: count integer
MATCH (a:Actor)
WHERE a.type IN $types
  AND ($country IS NULL OR a.country = $country)
  AND ($nameContains IS NULL OR any(key IN a.keys WHERE key CONTAINS $nameContains))
RETURN count(a) AS count
