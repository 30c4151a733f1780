// The one Pothos schema builder. Domain files (actors.ts, events.ts, …) add
// their types and root fields to it; schema.ts imports them and builds.
// The dataloader plugin batches every field below a list into one call into
// the data layer per level of the query.
import SchemaBuilder from "@pothos/core";
import DataloaderPlugin from "@pothos/plugin-dataloader";
import ScopeAuthPlugin from "@pothos/plugin-scope-auth";
import { GraphQLError, Kind } from "graphql";
import { hasRole } from "../auth/roles.ts";
import { ForbiddenError, UnauthenticatedError } from "../errors.ts";
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
  AuthScopes: { reader: boolean; editor: boolean; admin: boolean };
  DefaultFieldNullability: false;
  Scalars: {
    ID: { Input: string; Output: string };
    Date: { Input: string; Output: string };
  };
}>({
  // Scope auth first, so no resolver or loader runs for a caller who may not see the field.
  plugins: [ScopeAuthPlugin, DataloaderPlugin],
  defaultFieldNullability: false,
  scopeAuth: {
    authScopes: (context) => ({
      reader: !context.readsRequireRole || hasRole(context.principal.role, "reader"),
      editor: hasRole(context.principal.role, "editor"),
      admin: hasRole(context.principal.role, "admin"),
    }),
    unauthorizedError: (_parent, context, info) =>
      context.principal.kind === "anonymous"
        ? new UnauthenticatedError(
            `${info.parentType.name}.${info.fieldName} needs credentials: send "Authorization: Bearer <API key or JWT>".`,
          )
        : new ForbiddenError(
            `${info.parentType.name}.${info.fieldName} is not allowed for the ${context.principal.role} role.`,
          ),
  },
});

builder.scalarType("Date", {
  description: "A calendar date, YYYY-MM-DD (ISO 8601).",
  serialize: (value) => value,
  parseValue: parseDate,
  parseLiteral: (ast) => parseDate(ast.kind === Kind.STRING ? ast.value : `<${ast.kind}>`),
});

// Reads need the reader role, unless reads are open (AUTH_READS, open on loopback by default).
builder.queryType({ authScopes: { reader: true } });
