// Name, version and edition of the Neo4j that answers.
// params: none   returns: name string, version string, edition string
CALL dbms.components() YIELD name, versions, edition
RETURN name, versions[0] AS version, edition
