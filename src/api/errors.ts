// How errors reach clients: an AppError keeps its message and gets its code
// in extensions.code; errors graphql-js or Yoga raise about the request itself
// (parse, validation, 413 …) pass as they are; anything else becomes a masked
// INTERNAL_SERVER_ERROR (logged with the request id, never shown: no stack, no
// driver message).
import { GraphQLError } from "graphql";
import { AppError } from "../errors.ts";

type GraphQLErrorLike = Error & {
  originalError?: unknown;
  extensions?: Record<string, unknown>;
  nodes?: GraphQLError["nodes"];
  path?: GraphQLError["path"];
};

// Duck-typed: graphql ships CJS and ESM builds, and libraries loading the other
// one raise GraphQLErrors that fail `instanceof`.
function asGraphQLError(error: unknown): GraphQLErrorLike | null {
  return error instanceof Error && error.name === "GraphQLError" ? (error as GraphQLErrorLike) : null;
}

/** Errors about the caller, not the query, answer with their HTTP status too. */
const HTTP_STATUS: Record<string, number> = { UNAUTHENTICATED: 401, FORBIDDEN: 403 };

function findAppError(error: unknown): AppError | null {
  let current: unknown = error;
  for (let depth = 0; current && depth < 5; depth++) {
    if (current instanceof AppError) return current;
    current = (current as { originalError?: unknown; cause?: unknown }).originalError ?? (current as Error).cause;
  }
  return null;
}

export function maskError(error: unknown, message: string): Error {
  const graphQLError = asGraphQLError(error);
  const appError = findAppError(error);
  if (appError) {
    return new GraphQLError(appError.message, {
      nodes: graphQLError?.nodes,
      path: graphQLError?.path,
      extensions: {
        code: appError.code,
        ...(HTTP_STATUS[appError.code] ? { http: { status: HTTP_STATUS[appError.code] } } : {}),
      },
    });
  }
  if (graphQLError && !graphQLError.originalError) return graphQLError;
  const inner = asGraphQLError(graphQLError?.originalError);
  if (inner && !inner.originalError) return inner;
  return new GraphQLError(message, {
    nodes: graphQLError?.nodes,
    path: graphQLError?.path,
    extensions: { code: "INTERNAL_SERVER_ERROR" },
  });
}
