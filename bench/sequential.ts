// Latency at concurrency 1, to a fraction of a millisecond: one request at a
// time over a keep-alive connection, timed with performance.now(), with the
// server's own Server-Timing split kept per request. The contenders take turns in
// short rounds (order rotated each round) and percentiles are taken over all
// of a contender's samples: a noisy second on the shared machine then lands
// on every contender, not on whichever one happened to be running.
import http from "node:http";
import type { Contender, ContenderProcess, LoadFigures } from "./contenders.ts";
import { median, percentile, requestBody } from "./contenders.ts";
import type { Operation } from "./operations.ts";

export type InterleavedTiming = { warmupSeconds: number; seconds: number; rounds: number };

/** An answer: whether it was a success, and the server's own timing (Server-Timing header) if it gave one. */
type Answer = { ok: boolean; timing: { dbMs: number; totalMs: number } | null };

type Client = { send: () => Promise<Answer>; close: () => void };

/** `db;dur=1.84;desc="…", total;dur=3.02` → { dbMs: 1.84, totalMs: 3.02 }; null without both. */
export function parseServerTiming(header: string | string[] | undefined): { dbMs: number; totalMs: number } | null {
  const text = Array.isArray(header) ? header.join(",") : (header ?? "");
  const duration = (name: string) => {
    const match = new RegExp(`(?:^|,)\\s*${name};(?:[^,]*;)?dur=([\\d.]+)`).exec(text);
    return match ? Number(match[1]) : null;
  };
  const dbMs = duration("db");
  const totalMs = duration("total");
  return dbMs === null || totalMs === null ? null : { dbMs, totalMs };
}

/** One keep-alive connection to a contender; `send` resolves whether the answer was a success. */
function createClient(server: ContenderProcess, op: Operation): Client {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const url = new URL(server.url);
  const body = requestBody(server.contender, op);
  const send = () =>
    new Promise<Answer>((resolve) => {
      const request = http.request(
        url,
        {
          method: "POST",
          agent,
          headers: { "content-type": "application/json", "content-length": Buffer.byteLength(body) },
        },
        (response) => {
          let text = "";
          response.setEncoding("utf8");
          response.on("data", (chunk: string) => {
            text += chunk;
          });
          // GraphQL servers answer errors (a timed-out query, say) with 200.
          response.on("end", () =>
            resolve({
              ok: response.statusCode === 200 && !text.includes('"errors":['),
              timing: parseServerTiming(response.headers["server-timing"]),
            }),
          );
          response.on("error", () => resolve({ ok: false, timing: null }));
        },
      );
      request.on("error", () => resolve({ ok: false, timing: null }));
      request.end(body);
    });
  return { send, close: () => agent.destroy() };
}

type Samples = { latency: number[]; dbMs: number[]; totalMs: number[] };

/** Sends requests one after another until `seconds` have passed (at least one); records their latencies. */
async function runFor(client: Client, seconds: number, samples: Samples | null): Promise<{ errors: number }> {
  const end = performance.now() + seconds * 1000;
  let errors = 0;
  do {
    const started = performance.now();
    const { ok, timing } = await client.send();
    if (!ok) errors++;
    else if (samples) {
      samples.latency.push(performance.now() - started);
      if (timing) {
        samples.dbMs.push(timing.dbMs);
        samples.totalMs.push(timing.totalMs);
      }
    }
  } while (performance.now() < end);
  return { errors };
}

/** Warm-up, then `rounds` turns per contender of seconds/rounds each; figures per contender. */
export async function measureInterleaved(
  servers: ContenderProcess[],
  op: Operation,
  timing: InterleavedTiming,
): Promise<Map<Contender, LoadFigures>> {
  const lanes = servers.map((server) => ({
    contender: server.contender,
    client: createClient(server, op),
    samples: { latency: [], dbMs: [], totalMs: [] } as Samples,
    errors: 0,
    seconds: 0,
  }));
  try {
    for (const lane of lanes) await runFor(lane.client, timing.warmupSeconds, null);
    for (let round = 0; round < timing.rounds; round++) {
      // Rotated, so no contender always runs right after another's turn.
      for (const lane of [...lanes.slice(round % lanes.length), ...lanes.slice(0, round % lanes.length)]) {
        const started = performance.now();
        const { errors } = await runFor(lane.client, timing.seconds / timing.rounds, lane.samples);
        lane.errors += errors;
        lane.seconds += (performance.now() - started) / 1000;
      }
    }
  } finally {
    for (const lane of lanes) lane.client.close();
  }
  return new Map(
    lanes.map((lane) => {
      const sorted = [...lane.samples.latency].sort((a, b) => a - b);
      const { dbMs, totalMs } = lane.samples;
      const figures: LoadFigures = {
        p50: percentile(sorted, 50),
        p95: percentile(sorted, 95),
        p99: percentile(sorted, 99),
        rps: sorted.length / Math.max(lane.seconds, 0.001),
        requests: sorted.length,
        errors: lane.errors,
        ...(dbMs.length > 0 ? { serverTiming: { dbMs: median(dbMs), totalMs: median(totalMs) } } : {}),
      };
      return [lane.contender, figures];
    }),
  );
}
