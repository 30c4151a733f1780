// Makes argument errors say what is allowed: graphql-js reports an unknown
// enum value without the values it accepts ("Value "LIKES" does not exist in
// "Predicate" enum."); this appends them. Applied where Yoga masks errors, so
// it sees literals (validation) and variables (coercion) alike.
import type { GraphQLError, GraphQLSchema } from "graphql";
import type { Plugin } from "graphql-yoga";

const UNKNOWN_ENUM = /Value "([^"]*)" does not exist in "(\w+)" enum\./;

export function withAllowedValues(schema: GraphQLSchema, error: GraphQLError): GraphQLError {
  const match = UNKNOWN_ENUM.exec(error.message);
  // Duck-typed, not isEnumType: under Vite the schema may come from graphql's other (CJS/ESM) build.
  const type = (match ? schema.getType(match[2] ?? "") : null) as { getValues?: () => { name: string }[] } | null;
  if (typeof type?.getValues !== "function" || error.message.includes("Allowed:")) return error;
  const allowed = type.getValues().map((v) => v.name);
  Object.defineProperty(error, "message", { value: `${error.message} Allowed: ${allowed.join(", ")}.` });
  return error;
}

/** The same for literals: validation errors do not pass through error masking. */
export function useAllowedValuesInValidationErrors(): Plugin {
  return {
    onValidate:
      ({ params }) =>
      ({ result }) => {
        for (const error of result) withAllowedValues(params.schema, error);
      },
  };
}
