// How many events exist and whether the al-Tanf actor does (write-path tests).
// params: none   returns: events integer, tanf integer
CALL () { MATCH (e:Event) RETURN count(e) AS events }
CALL () { MATCH (a:Actor {id: 'al-tanf'}) RETURN count(a) AS tanf }
RETURN events, tanf
