// Expected failures, as plain Error subclasses with a stable code. The API
// exposes `code` and `message` of these to clients; anything else is masked.

export abstract class AppError extends Error {
  abstract readonly code: string;
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** The input breaks a documented rule; the message says what is allowed. */
export class InvalidInputError extends AppError {
  readonly code = "BAD_USER_INPUT";
}

/** A thing named by id does not exist where the caller needs it to. */
export class NotFoundError extends AppError {
  readonly code = "NOT_FOUND";
}

/** A request exceeded one of the service's limits; the message names it. */
export class LimitExceededError extends AppError {
  readonly code = "LIMIT_EXCEEDED";
}

/** Neo4j cannot be reached or is not ready; retrying later can succeed. */
export class DatabaseUnavailableError extends AppError {
  readonly code = "DATABASE_UNAVAILABLE";
}

/** The database took longer than the per-query timeout. */
export class QueryTimeoutError extends AppError {
  readonly code = "QUERY_TIMEOUT";
}

/** Setting up the local Neo4j failed; the message says what to install or change. */
export class LocalNeo4jError extends AppError {
  readonly code = "LOCAL_NEO4J";
}

/** Credentials were presented but are not valid (unknown, revoked or expired). */
export class UnauthenticatedError extends AppError {
  readonly code = "UNAUTHENTICATED";
}

/** The caller is known but their role does not allow this. */
export class ForbiddenError extends AppError {
  readonly code = "FORBIDDEN";
}
