// Root fields about the service itself.
import { builder } from "./builder.ts";

const DatabaseInfoRef = builder.objectRef<{ name: string; version: string; edition: string }>("DatabaseInfo");

DatabaseInfoRef.implement({
  description: "The Neo4j server behind this API.",
  fields: (t) => ({
    name: t.exposeString("name"),
    version: t.exposeString("version"),
    edition: t.exposeString("edition"),
  }),
});

builder.queryField("databaseInfo", (t) =>
  t.field({
    type: DatabaseInfoRef,
    nullable: true,
    description: "Name, version and edition of the Neo4j that answers this API.",
    resolve: (_root, _args, { graph }) => graph.findDatabaseInfo(),
  }),
);
