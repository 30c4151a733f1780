// The one Pothos schema builder. Domain files (actors.ts, events.ts, …) add
// their types and root fields to it; schema.ts imports them and builds.
import SchemaBuilder from "@pothos/core";
import type { Context } from "./context.ts";

export const builder = new SchemaBuilder<{
  Context: Context;
  DefaultFieldNullability: false;
  Scalars: {
    ID: { Input: string; Output: string };
  };
}>({
  defaultFieldNullability: false,
});

builder.queryType({});
