// The measurement cells in order: for each operation, concurrency 1 with the
// contenders taking turns (bench/sequential.ts), then 16 and 64 with
// autocannon, contender by contender; after every cell (and every warm-up)
// the database and the contender are made idle (bench/idle.ts), and cells
// that had to be cut are recorded.
import { type Contender, type ContenderProcess, type LoadFigures, measure, waitUntilResponsive } from "./contenders.ts";
import type { IdleGuard, Settled } from "./idle.ts";
import type { Operation } from "./operations.ts";
import { type InterleavedTiming, measureInterleaved } from "./sequential.ts";

export type Measurement = { op: string; contender: Contender; connections: number } & LoadFigures;
/** A cell after which transactions were still running (contender null: the c=1 turns of all three). */
export type Cut = { op: string; connections: number; contender: Contender | null } & Settled;

type SettleOptions = { graceMs: number; maxWaitMs: number };
export type Plan = {
  concurrencies: number[];
  /** autocannon cells (concurrency above 1). */
  timing: { warmupSeconds: number; seconds: number };
  /** Concurrency 1. */
  interleaved: InterleavedTiming;
  settle: SettleOptions;
  settleAfterWarmup: SettleOptions;
  /** Neo4j's process, whose CPU the autocannon cells report next to the contender's. */
  neo4jPid?: number;
};

function logFigures(m: Measurement) {
  console.log(
    `${m.op.padEnd(22)} c=${String(m.connections).padStart(2)} ${m.contender.padEnd(13)} ` +
      (m.requests === 0
        ? "none completed"
        : `p50 ${m.p50.toFixed(2)} ms  p99 ${m.p99.toFixed(2)} ms  ${m.rps.toFixed(0)} req/s`) +
      (m.errors ? `  ERRORS ${m.errors}${m.errorCodes ? ` ${JSON.stringify(m.errorCodes)}` : ""}` : ""),
  );
}

/** Every operation at every concurrency, the database made idle after each cell (and each warm-up). */
export async function measureAll(
  servers: ContenderProcess[],
  operations: Operation[],
  guard: IdleGuard,
  plan: Plan,
): Promise<{ measurements: Measurement[]; cuts: Cut[] }> {
  const { concurrencies, timing, interleaved, settleAfterWarmup } = plan;
  const measurements: Measurement[] = [];
  const cuts: Cut[] = [];
  // The database idle, then the contender: requests it had queued but not yet
  // sent to Neo4j (work abandoned by the load generator) would start
  // transactions after the first check, so the database is checked again.
  const settleAfter = async (server: ContenderProcess | null, options: SettleOptions) => {
    const first = await guard.settle(options);
    if (!server) return first;
    await waitUntilResponsive(server);
    const second = await guard.settle({ ...options, graceMs: 0 });
    return {
      terminated: first.terminated + second.terminated,
      idle: second.idle,
      waitedMs: first.waitedMs + second.waitedMs,
    };
  };
  const settle = async (op: string, connections: number, server: ContenderProcess | null) => {
    const settled = await settleAfter(server, plan.settle);
    const contender = server?.contender ?? null;
    if (settled.terminated > 0 || !settled.idle) {
      cuts.push({ op, connections, contender, ...settled });
      console.log(
        `  cut ${op} c=${connections} ${contender ?? "(all)"}: ${settled.terminated} transactions terminated` +
          (settled.idle ? "" : `, still busy after ${(settled.waitedMs / 1000).toFixed(1)} s`),
      );
    }
  };
  for (const op of operations) {
    await guard.settle(plan.settle);
    for (const connections of concurrencies) {
      if (connections === 1) {
        const figures = await measureInterleaved(servers, op, interleaved);
        for (const [contender, f] of figures) measurements.push({ op: op.name, contender, connections, ...f });
        await settle(op.name, connections, null);
      } else {
        for (const server of servers) {
          const figures = await measure(
            server,
            op,
            connections,
            timing,
            () => settleAfter(server, settleAfterWarmup),
            plan.neo4jPid,
          );
          measurements.push({ op: op.name, contender: server.contender, connections, ...figures });
          await settle(op.name, connections, server);
        }
      }
      for (const m of measurements.filter((m) => m.op === op.name && m.connections === connections)) logFigures(m);
    }
  }
  return { measurements, cuts };
}
