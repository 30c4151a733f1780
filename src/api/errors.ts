// How errors reach clients: an AppError keeps its message and gets its code
// in extensions.code; errors graphql-js or Yoga raise about the request itself
// (parse, validation, 413 …) pass as they are; anything else becomes a masked
// INTERNAL_SERVER_ERROR (logged with the request id, never shown: no stack, no
// driver message).
import { GraphQLError } from "graphql";
import type { Plugin } from "graphql-yoga";
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

/**
 * Codes whose messages quote the driver (the URI, the socket error): the
 * client gets a fixed message, the log and the CLI the detailed one.
 */
const PUBLIC_MESSAGES: Record<string, string> = {
  DATABASE_UNAVAILABLE:
    "The database is unavailable right now; the service reconnects on its own. Retry in a few seconds.",
};

/**
 * An error raised while completing a field's value (null for a non-null
 * field, a value its type cannot represent): the server's fault, never the
 * request's. graphql-jit raises these without an original error, so they are
 * told from errors about the request (parse, validation, variables) by the
 * field path only field errors have.
 */
function isCompletionFailure(error: GraphQLErrorLike): boolean {
  return !error.originalError && Array.isArray(error.path) && error.path.length > 0;
}

export function maskError(error: unknown, message: string): Error {
  const graphQLError = asGraphQLError(error);
  const appError = findAppError(error);
  if (appError) {
    return new GraphQLError(PUBLIC_MESSAGES[appError.code] ?? appError.message, {
      nodes: graphQLError?.nodes,
      path: graphQLError?.path,
      extensions: {
        code: appError.code,
        ...(HTTP_STATUS[appError.code] ? { http: { status: HTTP_STATUS[appError.code] } } : {}),
      },
    });
  }
  if (graphQLError && !graphQLError.originalError && !isCompletionFailure(graphQLError)) return graphQLError;
  const inner = asGraphQLError(graphQLError?.originalError);
  if (inner && !inner.originalError) return inner;
  return new GraphQLError(message, {
    nodes: graphQLError?.nodes,
    path: graphQLError?.path,
    extensions: { code: "INTERNAL_SERVER_ERROR" },
  });
}

/** Codes for errors graphql-js, graphql-armor and Yoga raise without one, by what their message says. */
const CODE_BY_MESSAGE: [RegExp, string][] = [
  [/limit of \d+ exceeded/i, "LIMIT_EXCEEDED"],
  [/introspection has been disabled/i, "INTROSPECTION_DISABLED"],
  [
    /cannot represent|was not provided|got invalid value|of required type|Expected value of type|Variable "\$/i,
    "BAD_USER_INPUT",
  ],
  [/^Syntax Error/i, "GRAPHQL_PARSE_FAILED"],
];

const GENERIC_CODES = new Set(["GRAPHQL_VALIDATION_FAILED", "GRAPHQL_PARSE_FAILED", "BAD_REQUEST"]);

/** The stable code of an error that reaches the client; BAD_REQUEST when nothing more specific fits. */
export function codeForMessage(message: string, current: unknown): string {
  // Our own codes (AppError) and Yoga's specific ones stand; generic ones are refined.
  if (typeof current === "string" && !GENERIC_CODES.has(current)) return current;
  for (const [pattern, code] of CODE_BY_MESSAGE) if (pattern.test(message)) return code;
  return typeof current === "string" ? current : "BAD_REQUEST";
}

type ResultWithErrors = { errors?: readonly { message: string; extensions?: Record<string, unknown> }[] };

function normalizeErrors(result: ResultWithErrors): void {
  for (const error of result.errors ?? []) {
    const extensions = error.extensions;
    if (!extensions) continue;
    // Parser and runtime details (JSON.parse messages, stacks) stay in the logs.
    // Yoga keys "answer 400, not 200" on the original error being present; keep
    // that status when dropping it.
    const http = extensions.http as { spec?: boolean } | undefined;
    if (extensions.originalError && http?.spec) delete http.spec;
    delete extensions.originalError;
    delete extensions.stacktrace;
    delete extensions.exception;
    extensions.code = codeForMessage(error.message, extensions.code);
  }
}

/**
 * Every error in every response carries a stable extensions.code, and none
 * carries the original error: errors Yoga, graphql-js and graphql-armor raise
 * about the request itself come without a code (or with the parser's message
 * attached), and clients should switch on codes, not on wording.
 */
export function useStableErrorCodes(): Plugin {
  return {
    onResultProcess({ result }) {
      if (Symbol.asyncIterator in (result as object)) return;
      for (const item of Array.isArray(result) ? result : [result]) normalizeErrors(item as ResultWithErrors);
    },
  };
}

/**
 * Logs each unexpected resolver error with the request's logger (so with its
 * request id) before it is masked: the client sees INTERNAL_SERVER_ERROR, the
 * log has the cause. Registered before Yoga's masking, which runs last.
 */
export function useUnexpectedErrorLog(): Plugin<{
  log?: { error: (obj: object, msg: string) => void };
  requestId?: string;
}> {
  return {
    onExecute: () => ({
      onExecuteDone: ({ args, result }) => {
        if (Symbol.asyncIterator in (result as object)) return;
        const context = args.contextValue as {
          log?: { error: (obj: object, msg: string) => void };
          requestId?: string;
        };
        const log = (err: unknown) =>
          context.log?.error({ err, requestId: context.requestId }, "request failed: unexpected error");
        for (const error of (result as ResultWithErrors).errors ?? []) {
          const original = (error as GraphQLErrorLike).originalError;
          // A completion failure has no original error: it is its own cause.
          if (isCompletionFailure(error as GraphQLErrorLike)) log(error);
          else if (original && !findAppError(error) && !asGraphQLError(original)) log(original);
        }
      },
    }),
  };
}
