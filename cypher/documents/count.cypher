// How many documents there are (from the count store).
// params: none   returns: count integer
MATCH (d:Document)
RETURN count(d) AS count
