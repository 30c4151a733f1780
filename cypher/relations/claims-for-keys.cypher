// The evidence behind aggregated relations: each claim's polarity, weight and
// document date, for recomputing the relation (optionally as known on a date).
// params: $keys list of relation keys, $asOf string YYYY-MM-DD or null
// returns: relationKey string, claims list of {polarity, weight, documentId, publishedDate}
UNWIND $keys AS key
MATCH (c:Claim {relationKey: key})
WHERE $asOf IS NULL OR c.publishedDate <= $asOf
RETURN key AS relationKey,
  collect(c {.polarity, .weight, .documentId, .publishedDate}) AS claims
