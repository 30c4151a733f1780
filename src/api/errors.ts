// How errors reach clients: an AppError keeps its message and gets its code
// in extensions.code; anything else becomes a masked INTERNAL_SERVER_ERROR
// (logged with the request id, never shown: no stack, no driver message).
import { GraphQLError } from "graphql";
import { AppError } from "../errors.ts";

function findAppError(error: unknown): AppError | null {
  let current: unknown = error;
  for (let depth = 0; current && depth < 5; depth++) {
    if (current instanceof AppError) return current;
    current = (current as { originalError?: unknown; cause?: unknown }).originalError ?? (current as Error).cause;
  }
  return null;
}

export function maskError(error: unknown, message: string): Error {
  const appError = findAppError(error);
  const graphQLError = error instanceof GraphQLError ? error : null;
  if (appError) {
    return new GraphQLError(appError.message, {
      nodes: graphQLError?.nodes,
      path: graphQLError?.path,
      extensions: { code: appError.code },
    });
  }
  // Validation and parse errors from graphql-js are already safe to show.
  if (graphQLError && !graphQLError.originalError) return graphQLError;
  if (graphQLError?.originalError instanceof GraphQLError) return graphQLError.originalError;
  return new GraphQLError(message, {
    nodes: graphQLError?.nodes,
    path: graphQLError?.path,
    extensions: { code: "INTERNAL_SERVER_ERROR" },
  });
}
