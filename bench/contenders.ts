// Load generation and the contenders' processes: starts a contender as a
// child process, sends an operation, and drives autocannon against it at a
// fixed concurrency after a warm-up (throughput under load; latency at
// concurrency 1 is measured finer in bench/sequential.ts).
import { type ChildProcess, spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import autocannon from "autocannon";
import { freePort } from "../src/db/local-neo4j.ts";
import { type CpuShares, startCpuWindow } from "./cpu.ts";
import type { Operation, OperationIds } from "./operations.ts";
import { TRANSACTION_TIMEOUT_MS } from "./transaction-timeout.ts";

export type Contender = "raw" | "actorgraph" | "neo4j-graphql";
export const CONTENDERS: Contender[] = ["raw", "actorgraph", "neo4j-graphql"];

export type ContenderProcess = { contender: Contender; url: string; child: ChildProcess; stop: () => Promise<void> };

export async function startContender(
  contender: Contender,
  boltUri: string,
  ids: OperationIds,
): Promise<ContenderProcess> {
  const port = await freePort();
  const child = spawn(
    process.execPath,
    ["--import", "tsx", path.join(import.meta.dirname, "serve.ts"), contender, boltUri, String(port)],
    {
      stdio: ["ignore", "pipe", "inherit"],
      // NODE_ENV=production as deployed (the Dockerfile sets it): graphql-js
      // skips its development checks, for both GraphQL servers alike.
      env: {
        ...process.env,
        NODE_ENV: "production",
        BENCH_IDS: JSON.stringify(ids),
        BENCH_TX_TIMEOUT_MS: String(TRANSACTION_TIMEOUT_MS),
      },
    },
  );
  const url = await new Promise<string>((resolve, reject) => {
    let out = "";
    child.stdout?.on("data", (chunk: Buffer) => {
      out += chunk.toString();
      const match = /LISTENING (\S+)/.exec(out);
      if (match?.[1]) resolve(match[1]);
    });
    child.once("exit", (code) => reject(new Error(`${contender} server exited with code ${code} before listening`)));
  });
  return {
    contender,
    url,
    child,
    stop: async () => {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGTERM");
      await exited;
    },
  };
}

/**
 * Resolves once the contender answers a trivial request (any status): its
 * event loop has got through what was queued before it, such as requests a
 * load generator gave up on. Gives up after `timeoutMs`.
 */
export async function waitUntilResponsive(target: ContenderProcess, timeoutMs = 10_000): Promise<void> {
  await fetch(new URL("/healthz", target.url), { signal: AbortSignal.timeout(timeoutMs) })
    .then((response) => response.arrayBuffer())
    .catch(() => {});
}

/** Resident and peak memory of a process, in MB (Linux /proc). */
export function memoryOf(pid: number): { rssMb: number; peakMb: number } {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const kb = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
  return { rssMb: kb("VmRSS") / 1024, peakMb: kb("VmHWM") / 1024 };
}

export function requestBody(contender: Contender, op: Operation): string {
  if (contender === "raw") return JSON.stringify({ op: op.name });
  return JSON.stringify({ query: contender === "actorgraph" ? op.actorgraph.query : op.neo4jGraphql.query });
}

/** Sends an operation once; returns its normalised result (throws on GraphQL or HTTP errors). */
export async function fetchNormalized(target: ContenderProcess, op: Operation): Promise<unknown> {
  const response = await fetch(target.url, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: requestBody(target.contender, op),
  });
  // biome-ignore lint/suspicious/noExplicitAny: checked by the normalisers
  const json = (await response.json()) as any;
  if (!response.ok || json.errors || json.error) {
    throw new Error(
      `${target.contender} ${op.name}: HTTP ${response.status} ${JSON.stringify(json.errors ?? json.error)}`,
    );
  }
  if (target.contender === "raw") return op.raw.normalize(json.rows);
  return target.contender === "actorgraph" ? op.actorgraph.normalize(json.data) : op.neo4jGraphql.normalize(json.data);
}

export type LoadFigures = {
  p50: number;
  p95: number;
  p99: number;
  rps: number;
  requests: number;
  errors: number;
  /** Answers with errors, by the first error's code (autocannon cells only). */
  errorCodes?: Record<string, number>;
  /**
   * Medians of what the server reported in Server-Timing (concurrency 1
   * only): time on its Cypher statements, and in the whole request.
   */
  serverTiming?: { dbMs: number; totalMs: number };
  /**
   * Autocannon cells: the server's CPU per answered request over the timed
   * window, and how busy it, Neo4j and the load generator were (bench/cpu.ts).
   */
  cpu?: CpuShares & { serverMsPerRequest: number; serverSystemMsPerRequest: number };
};

/** The nearest-rank median of `values`, in any order. */
export function median(values: number[]): number {
  return percentile(
    [...values].sort((a, b) => a - b),
    50,
  );
}

/** Nearest-rank percentile of ascending `sorted`. */
export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] as number;
}

/**
 * An autocannon run, with the response time of every successful answer
 * (2xx and a body that passes verifyBody). autocannon counts a mismatched
 * body in its requests and latencies (it reports the mismatch after the
 * response), so a server answering errors fast would look fast and busy.
 */
function run(
  options: autocannon.Options,
): Promise<{ result: autocannon.Result; successes: number[]; errorCodes: Record<string, number> }> {
  return new Promise((resolve, reject) => {
    const successes: number[] = [];
    const errorCodes: Record<string, number> = {};
    let lastWasSuccess = false;
    const instance = autocannon(options, (error, result) =>
      error ? reject(error) : resolve({ result, successes, errorCodes }),
    );
    // Per response: 'response', then 'reqMismatch' at once if the body failed verifyBody.
    instance.on("response", (_client, statusCode, _bytes, responseTime) => {
      lastWasSuccess = statusCode >= 200 && statusCode < 300;
      if (lastWasSuccess) successes.push(responseTime);
    });
    // Emitted by autocannon, missing from its types.
    (instance as unknown as NodeJS.EventEmitter).on("reqMismatch", (body: unknown) => {
      if (lastWasSuccess) successes.pop();
      lastWasSuccess = false;
      // What went wrong, by the error's code (GraphQL servers give one in extensions).
      const code = /"code":"([A-Za-z_.]+)"/.exec(String(body ?? ""))?.[1] ?? "no code";
      errorCodes[code] = (errorCodes[code] ?? 0) + 1;
    });
  });
}

/** Warm-up, then a timed run at a fixed concurrency; latencies in (whole) ms. */
export async function measure(
  target: ContenderProcess,
  op: Operation,
  connections: number,
  timing: { warmupSeconds: number; seconds: number },
  /** Runs between warm-up and measurement: the warm-up's unanswered requests must not load the measured window. */
  afterWarmup: () => Promise<unknown> = async () => {},
  /** Neo4j's process, whose CPU is watched over the window with the server's. */
  neo4jPid?: number,
): Promise<LoadFigures> {
  const base = {
    url: target.url,
    method: "POST" as const,
    headers: { "content-type": "application/json" },
    body: requestBody(target.contender, op),
    connections,
    pipelining: 1,
    // A request gives up about when its transaction would.
    timeout: TRANSACTION_TIMEOUT_MS / 1000 + 2,
    // autocannon checks for the end of `duration` once per sample interval
    // (1 s by default): a 0.1 s warm-up would last a whole second.
    sampleInt: 100,
    // GraphQL servers answer errors (a timed-out query, say) with 200.
    verifyBody: (body: autocannon.Request["body"]) => !String(body ?? "").includes('"errors":['),
  };
  await run({ ...base, duration: timing.warmupSeconds });
  await afterWarmup();
  const window = startCpuWindow(target.child.pid, neo4jPid);
  const { result, successes, errorCodes } = await run({ ...base, duration: timing.seconds });
  const { serverMs, serverSystemMs, ...shares } = window.end();
  const sorted = successes.sort((a, b) => a - b);
  return {
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    rps: sorted.length / Math.max(result.duration, 0.001),
    requests: sorted.length,
    // Failed connections and timeouts (autocannon's errors), plus answers that were not a success.
    errors: result.errors + (result.requests.total - sorted.length),
    ...(Object.keys(errorCodes).length > 0 ? { errorCodes } : {}),
    // Every answer the window saw cost the server CPU, errors included.
    cpu: {
      ...shares,
      serverMsPerRequest: serverMs / Math.max(result.requests.total, 1),
      serverSystemMsPerRequest: serverSystemMs / Math.max(result.requests.total, 1),
    },
  };
}
