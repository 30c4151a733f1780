// How the raw contender runs its hand-written statement: one auto-commit
// statement in a read session, the cheapest way the driver runs one
// (executeQuery adds BEGIN and COMMIT round trips), with stack traces off
// while the driver creates the result, as actorgraph's Database runs its
// own: the driver formats a stack trace for every result it creates, about
// 0.1 ms of CPU a statement (one-off measurement, see withoutDriverStackCapture
// in src/db/database.ts), which a server that cares does not pay.
import neo4j, { type Driver, type RecordShape } from "neo4j-driver";

export async function runRawStatement(
  driver: Driver,
  cypher: string,
  params: Record<string, unknown>,
  timeoutMs?: number,
): Promise<RecordShape[]> {
  const session = driver.session({ defaultAccessMode: neo4j.session.READ });
  try {
    const limit = Error.stackTraceLimit;
    Error.stackTraceLimit = 0;
    let running: ReturnType<typeof session.run>;
    try {
      running = session.run(cypher, params, timeoutMs === undefined ? {} : { timeout: timeoutMs });
    } finally {
      Error.stackTraceLimit = limit;
    }
    return (await running).records.map((record) => record.toObject());
  } finally {
    await session.close();
  }
}
