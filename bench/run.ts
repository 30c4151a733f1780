// `npm run bench [-- --quick] [-- --reuse-data]`: the whole benchmark in one
// run. Loads the graph (bench/data.ts) into the bench Neo4j, starts the three
// contenders (raw driver, actorgraph, @neo4j/graphql) as their own processes
// over it, checks that every operation returns the same data from all three,
// then measures each (bench/schedule.ts): latency at concurrency 1 one request
// at a time with the contenders taking turns, throughput at 16 and 64 with
// autocannon, the database made idle after every cell; counts Cypher round
// trips per operation; times each server's pipeline alone (no database) at
// concurrency 1 and at the top concurrency with its CPU (the floors of the p50
// and throughput targets); times the compiled query (and graphql-js) executing each answer in memory
// (bench/execution.ts, the rest of those floors); runs the synthetic scaling curve; writes
// bench/RESULTS.md and prints the SUMMARY line last. Prints figures; never
// passes or fails on time.

import { writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { isDeepStrictEqual } from "node:util";
import {
  CONTENDERS,
  type Contender,
  type ContenderProcess,
  fetchNormalized,
  type LoadFigures,
  measure,
  memoryOf,
  startContender,
} from "./contenders.ts";
import { type DataSummary, loadBenchData } from "./data.ts";
import { measureExecution } from "./execution.ts";
import { createIdleGuard } from "./idle.ts";
import { type BenchDatabase, openBenchDatabase } from "./neo4j.ts";
import { createOperations, DEFAULT_IDS, NO_DATABASE, type Operation } from "./operations.ts";
import { renderResults } from "./results.ts";
import { countRoundTrips } from "./round-trips.ts";
import { measureAll } from "./schedule.ts";
import { measureInterleaved } from "./sequential.ts";
import { runScalingCurve, type ScalingPoint } from "./synthetic.ts";

export type Check = { op: string; same: boolean; detail: string };

const quick = process.argv.includes("--quick");
const reuse = process.argv.includes("--reuse-data");
/** Check the data and count round trips, then stop (for working on an operation). */
const checksOnly = process.argv.includes("--checks-only");
const scalingCurve = !process.argv.includes("--no-scaling");
const CONCURRENCIES = [1, 16, 64];
const TOP_CONCURRENCY = Math.max(...CONCURRENCIES);
const TIMING = quick ? { warmupSeconds: 0.1, seconds: 0.5 } : { warmupSeconds: 1, seconds: 3 };
/** Concurrency 1: the same time per contender as a cell, split into turns. */
const INTERLEAVED = { ...TIMING, rounds: quick ? 3 : 6 };
/**
 * After a cell, how long requests still running may take to finish on their
 * own (a window's end always catches some mid-flight) before they are
 * terminated and the cell counts as cut; then how long to wait for the
 * terminated ones to go before measuring on regardless.
 */
const SETTLE = { graceMs: quick ? 500 : 2000, maxWaitMs: 10_000 };
/** A warm-up is not measured: what it leaves running is terminated at once. */
const SETTLE_AFTER_WARMUP = { graceMs: 0, maxWaitMs: 10_000 };

function firstDifference(a: unknown, b: unknown): string {
  const x = JSON.stringify(a);
  const y = JSON.stringify(b);
  let i = 0;
  while (i < x.length && x[i] === y[i]) i++;
  return `differs at ${i}: …${x.slice(Math.max(0, i - 60), i + 80)}… vs …${y.slice(Math.max(0, i - 60), i + 80)}…`;
}

async function checkSameData(servers: ContenderProcess[], operations: Operation[]): Promise<Check[]> {
  const checks: Check[] = [];
  for (const op of operations) {
    const results = new Map<Contender, unknown>();
    let detail = "";
    // The three at once: each contender's first requests are slow (cold code), and this is not timed.
    const answers = await Promise.allSettled(servers.map((server) => fetchNormalized(server, op)));
    answers.forEach((answer, i) => {
      const server = servers[i] as ContenderProcess;
      if (answer.status === "fulfilled") results.set(server.contender, answer.value);
      else detail += `${(answer.reason as Error).message.slice(0, 400)} `;
    });
    const raw = results.get("raw");
    const same =
      results.size === servers.length && [...results.values()].every((result) => isDeepStrictEqual(result, raw));
    if (!same && results.size === servers.length) {
      for (const [contender, result] of results) {
        if (!isDeepStrictEqual(result, raw)) detail += `${contender} vs raw ${firstDifference(result, raw)} `;
      }
    }
    const size = JSON.stringify(raw ?? null).length;
    checks.push({ op: op.name, same, detail: same ? `same data (${size} bytes normalised)` : detail.trim() });
    console.log(`check ${op.name}: ${same ? "same data from all three" : `MISMATCH ${detail}`}`);
  }
  return checks;
}

async function main() {
  const started = Date.now();
  let data: DataSummary | null = null;
  let bench: BenchDatabase;
  if (reuse) bench = await openBenchDatabase({ fresh: false, log: console.log });
  else ({ bench, data } = await loadBenchData(quick ? { rowsPerFile: 1_000 } : {}));
  try {
    const ids = DEFAULT_IDS;
    const operations = createOperations(ids);
    const servers: ContenderProcess[] = [];
    try {
      // Started together (each spends seconds loading its code); any that started is stopped below.
      const launches = await Promise.allSettled(CONTENDERS.map((c) => startContender(c, bench.uri, ids)));
      for (const launch of launches) if (launch.status === "fulfilled") servers.push(launch.value);
      const failed = launches.find((launch) => launch.status === "rejected");
      if (failed) throw failed.reason;
      const checks = await checkSameData(servers, operations);
      const roundTrips = await countRoundTrips(bench, operations);
      if (checksOnly) return;
      const guard = createIdleGuard(bench.uri);
      const { measurements, cuts } = await measureAll(servers, operations, guard, {
        concurrencies: CONCURRENCIES,
        timing: TIMING,
        interleaved: INTERLEAVED,
        settle: SETTLE,
        settleAfterWarmup: SETTLE_AFTER_WARMUP,
        neo4jPid: bench.neo4j.pid,
      }).finally(() => guard.close());
      // Each server's pipeline without the database, timed as the operations are at c=1.
      const pipeline = await measureInterleaved(servers, NO_DATABASE, INTERLEAVED);
      // ... and under load, with its CPU per request: the part of the throughput floor no statement can remove.
      const pipelineLoad = new Map<Contender, LoadFigures>();
      for (const server of servers) {
        pipelineLoad.set(server.contender, await measure(server, NO_DATABASE, TOP_CONCURRENCY, TIMING));
      }
      // The compiled query executing each answer with no I/O: the rest of the p50 floor (the servers are idle now).
      const actorgraph = servers.find((server) => server.contender === "actorgraph");
      const execution = actorgraph ? await measureExecution(actorgraph, operations) : new Map();
      const memory = Object.fromEntries(servers.map((s) => [s.contender, memoryOf(s.child.pid ?? 0)])) as Record<
        Contender,
        { rssMb: number; peakMb: number }
      >;
      await Promise.all(servers.map((server) => server.stop()));
      servers.length = 0;
      const scaling: ScalingPoint[] = scalingCurve ? await runScalingCurve(bench.db, quick) : [];
      const report = renderResults({
        quick,
        data,
        checks,
        roundTrips,
        measurements,
        pipeline,
        pipelineLoad,
        execution,
        cuts,
        memory,
        scaling,
        operations,
        timing: INTERLEAVED,
        settle: SETTLE,
        concurrencies: CONCURRENCIES,
        machine: { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model ?? "?", memGb: os.totalmem() / 2 ** 30 },
        minutes: (Date.now() - started) / 60_000,
      });
      await writeFile(path.join(import.meta.dirname, quick ? "RESULTS-quick.md" : "RESULTS.md"), report.markdown);
      console.log(`wrote bench/${quick ? "RESULTS-quick.md" : "RESULTS.md"} (${report.minutes.toFixed(1)} min)`);
      console.log(report.summary);
    } finally {
      await Promise.all(servers.map((server) => server.stop()));
    }
  } finally {
    await bench.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
