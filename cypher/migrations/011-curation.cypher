// Merged actors keep their ids (merges are reversible). Idempotent.
CREATE CONSTRAINT merged_actor_id IF NOT EXISTS FOR (m:MergedActor) REQUIRE m.id IS UNIQUE;
