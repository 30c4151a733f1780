// Makes the bench Neo4j idle between measurement cells. When a cell's window
// ends, autocannon drops its connections, but the queries the contender has
// already sent keep running inside Neo4j and would slow the next cell (an
// @neo4j/graphql scan of every event at c=64 outlived its cell and showed up
// as raw's latency in the next operation). So after each cell: list the
// running transactions, give them a grace period to finish as they would,
// terminate what is left, and wait until only the monitoring query runs.
import neo4j from "neo4j-driver";

export type Settled = {
  /** Transactions still running after the grace period, terminated by us. */
  terminated: number;
  /** False when the database was still busy at the end of the bounded wait. */
  idle: boolean;
  waitedMs: number;
};

export type IdleGuard = {
  /** Waits up to `graceMs` for running transactions to end, terminates the rest, waits at most `maxWaitMs` more. */
  settle: (options: { graceMs: number; maxWaitMs: number }) => Promise<Settled>;
  close: () => Promise<void>;
};

const POLL_MS = 50;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export function createIdleGuard(boltUri: string): IdleGuard {
  const driver = neo4j.driver(boltUri, neo4j.auth.basic("neo4j", ""), { disableLosslessIntegers: true });
  // Auto-commit (session.run): the transaction commands are administration
  // commands, not meant for an explicit transaction.
  async function run(statement: string, params: Record<string, unknown> = {}) {
    const session = driver.session();
    try {
      return (await session.run(statement, params)).records;
    } finally {
      await session.close();
    }
  }
  const running = async () => {
    const records = await run(
      "SHOW TRANSACTIONS YIELD transactionId, currentQuery " +
        "WHERE NOT currentQuery STARTS WITH 'SHOW TRANSACTIONS' RETURN transactionId",
    );
    return records.map((r) => r.get("transactionId") as string);
  };

  return {
    async settle({ graceMs, maxWaitMs }) {
      const started = performance.now();
      const terminated = new Set<string>();
      let previous = new Set<string>();
      let quietPolls = 0;
      for (;;) {
        const ids = await running();
        quietPolls = ids.length === 0 ? quietPolls + 1 : 0;
        // Two quiet polls in a row: a contender that was still finishing a
        // request (and about to start its next round trip) has had time to.
        if (quietPolls >= 2) return { terminated: terminated.size, idle: true, waitedMs: performance.now() - started };
        // Only what ran at the previous poll too: a liveness ping of the
        // actorgraph service lasts a millisecond and must not be cut (it would
        // report the database as down).
        const waited = performance.now() - started;
        const stale = ids.filter((id) => previous.has(id) && !terminated.has(id));
        if (waited >= graceMs && stale.length > 0) {
          await run("TERMINATE TRANSACTIONS $ids", { ids: stale });
          for (const id of stale) terminated.add(id);
        }
        previous = new Set(ids);
        if (waited > graceMs + maxWaitMs) {
          return { terminated: terminated.size, idle: false, waitedMs: performance.now() - started };
        }
        await sleep(POLL_MS);
      }
    },
    close: () => driver.close(),
  };
}
