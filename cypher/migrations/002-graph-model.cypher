// The graph model's lookups: name keys for case- and alias-insensitive
// actor lookup, document idempotency (url, content hash), claim aggregation
// keys, keyset sort keys, and full-text over names, aliases and quotes.
// Idempotent: safe to run on every start.
CREATE CONSTRAINT name_key IF NOT EXISTS FOR (n:Name) REQUIRE n.key IS UNIQUE;
CREATE INDEX actor_type IF NOT EXISTS FOR (a:Actor) ON (a.type);
CREATE INDEX actor_name_key IF NOT EXISTS FOR (a:Actor) ON (a.nameKey, a.id);
CREATE INDEX actor_country IF NOT EXISTS FOR (a:Actor) ON (a.country);
CREATE INDEX document_url IF NOT EXISTS FOR (d:Document) ON (d.url);
CREATE INDEX document_content_hash IF NOT EXISTS FOR (d:Document) ON (d.contentHash);
CREATE INDEX document_sort_key IF NOT EXISTS FOR (d:Document) ON (d.sortKey);
CREATE INDEX claim_relation_key IF NOT EXISTS FOR (c:Claim) ON (c.relationKey);
CREATE INDEX event_sort_key IF NOT EXISTS FOR (e:Event) ON (e.sortKey);
CREATE INDEX event_type IF NOT EXISTS FOR (e:Event) ON (e.type);
CREATE FULLTEXT INDEX actor_names IF NOT EXISTS FOR (a:Actor) ON EACH [a.name, a.aliases];
CREATE FULLTEXT INDEX claim_quotes IF NOT EXISTS FOR (c:Claim) ON EACH [c.quote];
