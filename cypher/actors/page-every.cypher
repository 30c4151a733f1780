// A page of every actor (no filter), in name or id order, after a keyset
// cursor: read from the (nameKey, id) or the id index in that order,
// stopping after the page. actors/page sorts the filtered actors instead,
// which for every actor took 33-36 ms on the bench graph's 18.9k actors;
// this statement 2.1-2.5 ms (one-off timing). Every write path sets nameKey.
// Each branch's range is null unless $orderBy picks it, so the other branch
// seeks nothing (a guard in WHERE was applied only after its index seek).
// params: $orderBy 'NAME' or 'ID', $afterKey string or null, $afterId string or null (by ID the key is the id), $limit integer
// returns: actor map, sortKey string (nameKey or id)
CALL () {
  MATCH (a:Actor)
  WHERE a.nameKey >= CASE WHEN $orderBy <> 'ID' THEN coalesce($afterKey, '') END AND a.id IS NOT NULL
    AND ($afterKey IS NULL OR a.nameKey > $afterKey OR (a.nameKey = $afterKey AND a.id > $afterId))
  WITH a
  ORDER BY a.nameKey, a.id
  LIMIT toInteger($limit)
  RETURN a, a.nameKey AS sortKey
  UNION ALL
  MATCH (a:Actor)
  WHERE a.id >= CASE WHEN $orderBy = 'ID' THEN coalesce($afterKey, '') END
    AND ($afterKey IS NULL OR a.id > $afterKey)
  WITH a
  ORDER BY a.id
  LIMIT toInteger($limit)
  RETURN a, a.id AS sortKey
}
// One branch gives the page; sorting its rows again keeps the order the API promises.
WITH a, sortKey
ORDER BY sortKey, a.id
RETURN a {.id, .name, .type, .aliases, .country} AS actor, sortKey
