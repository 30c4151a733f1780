// The Neo4j connection: runs named Cypher statements in read or write
// transactions (so a cluster routes reads to any member), each with the
// optional parts its parameters leave out left out (optional-parts.ts), maps driver
// failures to AppErrors, counts round trips per request, and watches
// availability so that queries fail fast while Neo4j is down and work again,
// without a restart, once it is back.
import { AsyncLocalStorage } from "node:async_hooks";
import neo4j, { type Driver, Neo4jError, type QueryResult, type Session } from "neo4j-driver";
import { DatabaseUnavailableError, QueryTimeoutError } from "../errors.ts";
import { cypher, isStatementName } from "./cypher.ts";
import { boundToParams } from "./optional-parts.ts";

export type Params = Record<string, unknown>;
export type Row = Record<string, unknown>;

export type DatabaseOptions = {
  uri: string;
  user: string;
  password: string;
  database: string | undefined;
  queryTimeoutMs: number;
  /** Timeout of write transactions: they may wait for locks held by concurrent writers. Default 60 s. */
  writeTimeoutMs?: number;
  /** How long to wait for a new connection; kept short so an outage is reported quickly. */
  connectTimeoutMs?: number;
};

/** A transaction handed to write units: runs named statements, counted like any other. */
export type Tx = { run: <T = Row>(statement: string, params?: Params) => Promise<T[]> };

/**
 * What one request asked of Neo4j: statements run, and the time spent waiting
 * for them (summed); with a `statements` list, each statement as sent (its
 * optional parts bound) and its parameters, for benchmarks that rerun them.
 */
export type RequestStats = {
  roundTrips: number;
  databaseMs: number;
  statements?: { text: string; params: Params }[];
};
const requestStats = new AsyncLocalStorage<RequestStats>();

const TRANSIENT_RETRIES = 5;

// Statement names already checked for parts their caller binds: once per name, not per run.
const runnableByName = new Set<string>();

/**
 * Resolves a statement name (cypher/<name>.cypher) or passes inline text
 * through (bound statements, migrations). A file with parts its caller binds
 * is refused by name: an unbound `/*$relations*\/` pattern follows every
 * predicate, and the file filters predicates only through that pattern.
 */
function statementText(statement: string): string {
  if (!isStatementName(statement)) return statement;
  const text = cypher(statement);
  if (runnableByName.has(statement)) return text;
  const marker = /\/\*\$\w+\*\//.exec(text);
  if (marker) {
    throw new Error(
      `cypher/${statement} has parts its caller binds (${marker[0]}): run the text from narrowedStatement or withLiterals, not the name`,
    );
  }
  runnableByName.add(statement);
  return text;
}

/**
 * Runs `start` (a driver call that creates a result) with stack traces off.
 * The driver formats a stack trace for every result it creates, in case a
 * later error wants its caller's frames: 0.1 ms of CPU a statement here, with
 * source maps on, a tenth of a nested query's whole cost (one-off, in process,
 * 4 at a time: 1.19–1.29 instead of 1.36–1.41 ms a request). Stack traces are
 * off only while the call runs synchronously; a failure gets its call site
 * back from withCallSite, paid only when it happens.
 */
function withoutDriverStackCapture<T>(start: () => T): T {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    return start();
  } finally {
    Error.stackTraceLimit = limit;
  }
}

/**
 * A failed statement's error with the statement's name and the frames that
 * awaited it (async stack traces reach the resolver that asked), in place of
 * the call site the driver no longer captures.
 */
function withCallSite(error: unknown, statement: string, below: (...args: never) => unknown): unknown {
  if (!(error instanceof Error)) return error;
  const site: { stack?: string } = {};
  Error.captureStackTrace(site, below);
  const frames = site.stack?.split("\n").slice(1).join("\n") ?? "";
  const name = isStatementName(statement) ? statement : "inline statement";
  error.stack = `${error.name}: ${error.message}\n    in Cypher ${name}\n${frames}`;
  return error;
}

function isUnavailable(error: unknown): boolean {
  if (error instanceof Neo4jError) {
    return (
      error.code === "ServiceUnavailable" ||
      error.code === "SessionExpired" ||
      error.code === "Neo.TransientError.General.DatabaseUnavailable" ||
      error.code === "Neo.ClientError.Database.DatabaseNotFound" ||
      /connection acquisition timed out|Failed to connect|ECONNREFUSED|ECONNRESET/i.test(error.message)
    );
  }
  return /ECONNREFUSED|ECONNRESET|EPIPE/.test(String((error as Error)?.message));
}

function isTimeout(error: unknown): boolean {
  return error instanceof Neo4jError && /TransactionTimedOut|Transaction\.TransactionTimedOut/.test(error.code);
}

function isTransient(error: unknown): boolean {
  return (
    error instanceof Neo4jError &&
    (error.code.startsWith("Neo.TransientError.") || error.code === "Neo.ClientError.Transaction.LockClientStopped") &&
    error.code !== "Neo.TransientError.General.DatabaseUnavailable"
  );
}

export class Database {
  readonly driver: Driver;
  readonly uri: string;
  private readonly databaseName: string | undefined;
  private readonly queryTimeoutMs: number;
  private readonly writeTimeoutMs: number;
  private available = true;
  private lastError: string | null = null;
  private monitor: NodeJS.Timeout | null = null;
  private monitoring = false;
  private probing = false;
  private backoffMs = 250;
  private upIntervalMs = 5000;
  private closed = false;
  private readonly listeners = new Set<(available: boolean) => void>();

  constructor(options: DatabaseOptions) {
    this.uri = options.uri;
    this.databaseName = options.database;
    this.queryTimeoutMs = options.queryTimeoutMs;
    this.writeTimeoutMs = options.writeTimeoutMs ?? Math.max(options.queryTimeoutMs, 60_000);
    this.driver = neo4j.driver(options.uri, neo4j.auth.basic(options.user, options.password), {
      // Numbers come back as JS numbers; our counts and years fit in 2^53.
      disableLosslessIntegers: true,
      connectionTimeout: options.connectTimeoutMs ?? 3000,
      connectionAcquisitionTimeout: 5000,
      // Retries are ours (transient errors only), so an outage is reported at once.
      maxTransactionRetryTime: 0,
      maxConnectionPoolSize: 100,
      userAgent: "actorgraph/0.1",
    });
  }

  get isAvailable(): boolean {
    return this.available;
  }

  get unavailableReason(): string | null {
    return this.available ? null : this.lastError;
  }

  /** Called with `true` when Neo4j comes back after an outage and `false` when it goes away. */
  onAvailabilityChange(listener: (available: boolean) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Runs fn and returns how many Cypher round trips it made (for tests and benchmarks). */
  static async countRoundTrips<T>(fn: () => Promise<T>): Promise<{ result: T; roundTrips: number }> {
    const stats = { roundTrips: 0, databaseMs: 0 };
    const result = await Database.recordStats(stats, fn);
    return { result, roundTrips: stats.roundTrips };
  }

  /** Runs fn with every statement it runs counted into `stats` (the server's Server-Timing header). */
  static recordStats<T>(stats: RequestStats, fn: () => T): T {
    return requestStats.run(stats, fn);
  }

  /**
   * Runs a read-only statement (name under cypher/) in a read transaction of
   * its own: auto-commit, so the driver sends it and its result request in one
   * network round trip, where an explicit transaction needs a second one to
   * commit (and the driver's bookkeeping for both: ~0.2 ms of CPU a read here).
   */
  read<T = Row>(statement: string, params: Params = {}, options: { timeoutMs?: number } = {}): Promise<T[]> {
    const timeout = options.timeoutMs ?? this.queryTimeoutMs;
    return this.withSession("READ", timeout, (session) =>
      this.runIn<T>((text, p) => session.run(text, p, { timeout }), statement, params),
    );
  }

  /** Runs one statement in a write transaction. */
  write<T = Row>(statement: string, params: Params = {}, options: { timeoutMs?: number } = {}): Promise<T[]> {
    return this.writeTransaction((tx) => tx.run<T>(statement, params), options);
  }

  /**
   * Runs several statements in one write transaction: all of them commit or
   * none does. Retried on transient errors (deadlocks, lock timeouts), so the
   * work must be safe to run again (MERGE, not CREATE, for shared nodes).
   */
  writeTransaction<T>(work: (tx: Tx) => Promise<T>, options: { timeoutMs?: number } = {}): Promise<T> {
    const timeoutMs = options.timeoutMs ?? this.writeTimeoutMs;
    return this.withSession("WRITE", timeoutMs, async (session) => {
      const tx = session.beginTransaction({ timeout: timeoutMs });
      try {
        const result = await work({
          run: <R = Row>(s: string, p: Params = {}) => this.runIn<R>((text, q) => tx.run(text, q), s, p),
        });
        await tx.commit();
        return result;
      } catch (error) {
        if (tx.isOpen()) await tx.rollback().catch(() => {});
        throw error;
      }
    });
  }

  private async runIn<T>(
    run: (text: string, params: Params) => Promise<QueryResult>,
    statement: string,
    params: Params,
  ): Promise<T[]> {
    const stats = requestStats.getStore();
    if (stats) stats.roundTrips += 1;
    const started = performance.now();
    try {
      const text = boundToParams(statementText(statement), params);
      stats?.statements?.push({ text, params });
      const result = await withoutDriverStackCapture(() => run(text, params));
      return result.records.map((record) => record.toObject() as T);
    } catch (error) {
      throw withCallSite(error, statement, this.runIn);
    } finally {
      if (stats) stats.databaseMs += performance.now() - started;
    }
  }

  /**
   * Runs work in a fresh session and maps driver failures to AppErrors;
   * retried on transient errors, so the work must be safe to run again.
   */
  private async withSession<T>(
    mode: "READ" | "WRITE",
    timeoutMs: number,
    work: (session: Session) => Promise<T>,
  ): Promise<T> {
    if (this.closed) throw new DatabaseUnavailableError("The database connection is closed (the server is stopping).");
    if (this.monitoring && !this.available) {
      throw new DatabaseUnavailableError(
        `Neo4j at ${this.uri} is not reachable (${this.lastError ?? "unknown reason"}); retrying in the background.`,
      );
    }
    for (let attempt = 0; ; attempt++) {
      const session = this.driver.session({
        defaultAccessMode: mode === "READ" ? neo4j.session.READ : neo4j.session.WRITE,
        ...(this.databaseName ? { database: this.databaseName } : {}),
      });
      try {
        // Not executeRead/executeWrite: the driver's retry loop waits a second
        // before giving up on an outage, and retries here are ours (transient
        // errors only).
        return await work(session);
      } catch (error) {
        if (isUnavailable(error)) {
          this.markUnavailable(error);
          throw new DatabaseUnavailableError(
            `Neo4j at ${this.uri} is not reachable: ${(error as Error).message}. ` +
              "Start it with `npm run db:start` or check NEO4J_URI; the service reconnects on its own.",
            { cause: error },
          );
        }
        if (isTimeout(error)) {
          throw new QueryTimeoutError(
            `The query took longer than ${timeoutMs} ms and was stopped. Narrow it (fewer hops, a smaller first/limit).`,
            { cause: error },
          );
        }
        if (isTransient(error) && attempt < TRANSIENT_RETRIES) {
          await new Promise((r) => setTimeout(r, 20 * 2 ** attempt + Math.random() * 50));
          continue;
        }
        throw error;
      } finally {
        await session.close().catch(() => {});
      }
    }
  }

  /** One cheap round trip; throws DatabaseUnavailableError when Neo4j does not answer. */
  async ping(): Promise<void> {
    try {
      await this.driver.executeQuery(
        "RETURN 1",
        {},
        {
          routing: neo4j.routing.READ,
          ...(this.databaseName ? { database: this.databaseName } : {}),
        },
      );
      this.markAvailable();
    } catch (error) {
      this.markUnavailable(error);
      throw new DatabaseUnavailableError(`Neo4j at ${this.uri} is not reachable: ${(error as Error).message}`, {
        cause: error,
      });
    }
  }

  /**
   * Watches availability: every few seconds while up, and with backoff
   * (250 ms doubling to 5 s) while down, so the service recovers by itself.
   * Only while watched do queries fail fast during an outage; without a
   * monitor (the CLI) every query tries the database.
   */
  startMonitor(upIntervalMs = 5000): void {
    this.monitoring = true;
    this.upIntervalMs = upIntervalMs;
    this.scheduleProbe(0);
  }

  private scheduleProbe(delayMs: number): void {
    if (this.closed || this.probing) return;
    if (this.monitor) clearTimeout(this.monitor);
    this.monitor = setTimeout(async () => {
      this.monitor = null;
      this.probing = true;
      try {
        await this.ping();
        this.backoffMs = 250;
      } catch {
        this.backoffMs = Math.min(this.backoffMs * 2, 5000);
      } finally {
        this.probing = false;
      }
      this.scheduleProbe(this.available ? this.upIntervalMs : this.backoffMs);
    }, delayMs).unref();
  }

  private markUnavailable(error: unknown): void {
    this.lastError = (error as Error)?.message?.split("\n")[0] ?? String(error);
    if (this.available) {
      this.available = false;
      for (const listener of this.listeners) listener(false);
      // Probe soon rather than at the regular interval, so recovery is quick.
      if (this.monitoring) this.scheduleProbe(this.backoffMs);
    }
  }

  private markAvailable(): void {
    if (!this.available) {
      this.available = true;
      this.lastError = null;
      for (const listener of this.listeners) listener(true);
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.monitor) clearTimeout(this.monitor);
    await this.driver.close();
  }
}
