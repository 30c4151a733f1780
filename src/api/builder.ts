// The one Pothos schema builder. Domain files (actors.ts, events.ts, …) add
// their types and root fields to it; schema.ts imports them and builds.
// The dataloader plugin batches every field below a list into one call into
// the data layer per level of the query.
import SchemaBuilder from "@pothos/core";
import DataloaderPlugin from "@pothos/plugin-dataloader";
import { GraphQLError, Kind } from "graphql";
import type { Context } from "./context.ts";

function parseDate(value: unknown): string {
  if (
    typeof value !== "string" ||
    !/^\d{4}-\d{2}-\d{2}$/.test(value) ||
    Number.isNaN(Date.parse(`${value}T00:00:00Z`))
  ) {
    throw new GraphQLError(
      `Date must be a calendar date written YYYY-MM-DD (e.g. "2024-01-28"); got ${JSON.stringify(value)}.`,
      {
        extensions: { code: "BAD_USER_INPUT" },
      },
    );
  }
  return value;
}

export const builder = new SchemaBuilder<{
  Context: Context;
  DefaultFieldNullability: false;
  Scalars: {
    ID: { Input: string; Output: string };
    Date: { Input: string; Output: string };
  };
}>({
  plugins: [DataloaderPlugin],
  defaultFieldNullability: false,
});

builder.scalarType("Date", {
  description: "A calendar date, YYYY-MM-DD (ISO 8601).",
  serialize: (value) => value,
  parseValue: parseDate,
  parseLiteral: (ast) => parseDate(ast.kind === Kind.STRING ? ast.value : `<${ast.kind}>`),
});

builder.queryType({});
