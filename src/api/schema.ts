// Builds the GraphQL schema from the builder and every domain file.
import { lexicographicSortSchema, printSchema } from "graphql";
import { builder } from "./builder.ts";
import "./system.ts";
import "./relations.ts";
import "./actors.ts";
import "./events.ts";
import "./documents.ts";
import "./traversal.ts";
import "./stats.ts";
import "./ingestion.ts";
import "./audit.ts";

export const schema = builder.toSchema();

/** The SDL committed as schema/schema.graphql. */
export function printSchemaSdl(): string {
  return `${printSchema(lexicographicSortSchema(schema))}\n`;
}
