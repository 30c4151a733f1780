// Turns a benchmark run into bench/RESULTS.md and the SUMMARY line:
// worst actorgraph/raw p50 ratio (concurrency 1), lowest actorgraph/@neo4j/graphql
// throughput ratio (concurrency 64, over the operations where both completed
// requests), and the import rate.
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import type { Contender, LoadFigures } from "./contenders.ts";
import type { DataSummary } from "./data.ts";
import type { ExecutionFigures } from "./execution.ts";
import type { Operation } from "./operations.ts";
import type { RoundTrips } from "./round-trips.ts";
import type { Check } from "./run.ts";
import type { Cut, Measurement } from "./schedule.ts";
import type { ScalingPoint } from "./synthetic.ts";
import { TRANSACTION_TIMEOUT_MS } from "./transaction-timeout.ts";

export type RunReport = {
  quick: boolean;
  data: DataSummary | null;
  checks: Check[];
  roundTrips: RoundTrips;
  measurements: Measurement[];
  /** Each server's pipeline alone at c=1 (NO_DATABASE); empty if not measured. */
  pipeline: Map<Contender, LoadFigures>;
  /** Each server's pipeline alone at the top concurrency (autocannon, with CPU); empty if not measured. */
  pipelineLoad: Map<Contender, LoadFigures>;
  /** The compiled query (and graphql-js) executing each operation's answer in memory (bench/execution.ts); empty if not measured. */
  execution: Map<string, ExecutionFigures>;
  cuts: Cut[];
  memory: Record<Contender, { rssMb: number; peakMb: number }>;
  scaling: ScalingPoint[];
  operations: Operation[];
  timing: { warmupSeconds: number; seconds: number; rounds: number };
  settle: { graceMs: number; maxWaitMs: number };
  concurrencies: number[];
  machine: { cpus: number; cpuModel: string; memGb: number };
  minutes: number;
};

const THROUGHPUT_TARGET: Record<Operation["group"], number> = { nested: 2, neighbourhood: 2, path: 2, other: 1 };

function versionOf(pkg: string): string {
  try {
    const file = path.join(import.meta.dirname, "..", "node_modules", pkg, "package.json");
    return (JSON.parse(readFileSync(file, "utf8")) as { version: string }).version;
  } catch {
    return "?";
  }
}

function gitCommit(): string {
  try {
    return execFileSync("git", ["rev-parse", "--short", "HEAD"], { encoding: "utf8" }).trim();
  } catch {
    return "?";
  }
}

const f1 = (x: number) => (Number.isFinite(x) ? x.toFixed(1) : "n/a");
const f2 = (x: number) => (Number.isFinite(x) ? x.toFixed(2) : "n/a");
const f3 = (x: number) => (Number.isFinite(x) ? x.toFixed(3) : "n/a");

type Ratio = { value: number; lowerBound: boolean };

/**
 * A contender's req/s over @neo4j/graphql's in the same cell. @neo4j/graphql
 * finishing nothing in the window means fewer than one request per window:
 * the ratio is then only bounded below, by the contender's rate times the
 * window (a ratio over 0 req/s would read 155670×).
 */
function vsNeo4jGraphql(m: Measurement | undefined, ng: Measurement | undefined, windowSeconds: number): Ratio {
  if (!m || !ng) return { value: Number.NaN, lowerBound: false };
  if (ng.requests > 0) return { value: m.rps / ng.rps, lowerBound: false };
  if (m.requests > 0) return { value: m.rps * windowSeconds, lowerBound: true };
  return { value: Number.NaN, lowerBound: false };
}

/** CPU the whole machine spent per answered request in a cell (server, Neo4j and load generator), in ms. */
function machineMsPerRequest(m: Measurement): number {
  if (!m.cpu || m.requests === 0) return Number.NaN;
  return ((m.cpu.server + m.cpu.neo4j + m.cpu.loadGenerator) * 1000) / m.rps;
}

/**
 * The throughput ratio a GraphQL server on this stack reaches at most: raw's
 * req/s, scaled down by the CPU a request costs the machine once the server
 * adds `extraMs` of its own (what its pipeline alone costs more than raw's
 * under the same load, plus executing the answer), over @neo4j/graphql's
 * req/s. The machine is CPU-bound at this concurrency (the CPU table), so
 * throughput goes as the inverse of CPU per request.
 */
function throughputFloorOf(rawTop: Measurement | undefined, ngTop: Measurement | undefined, extraMs: number): number {
  if (!rawTop || !ngTop || ngTop.requests === 0) return Number.NaN;
  const machineMs = machineMsPerRequest(rawTop);
  return (rawTop.rps * machineMs) / (machineMs + extraMs) / ngTop.rps;
}

const ratioText = (r: Ratio) => (Number.isFinite(r.value) ? `${r.lowerBound ? "> " : ""}${f2(r.value)}×` : "n/a");

export function renderResults(run: RunReport): { markdown: string; summary: string; minutes: number } {
  const find = (op: string, contender: Contender, connections: number) =>
    run.measurements.find((m) => m.op === op && m.contender === contender && m.connections === connections);
  const top = Math.max(...run.concurrencies);
  const pipelineP50 = (contender: Contender) => run.pipeline.get(contender)?.p50 ?? Number.NaN;
  const pipelineExtra = pipelineP50("actorgraph") - pipelineP50("raw");
  const pipelineCpu = (contender: Contender) => run.pipelineLoad.get(contender)?.cpu?.serverMsPerRequest ?? Number.NaN;
  const pipelineCpuExtra = pipelineCpu("actorgraph") - pipelineCpu("raw");
  const rows = run.operations.map((op) => {
    const raw1 = find(op.name, "raw", 1);
    const ag1 = find(op.name, "actorgraph", 1);
    const rawTop = find(op.name, "raw", top);
    const agTop = find(op.name, "actorgraph", top);
    const ngTop = find(op.name, "neo4j-graphql", top);
    const p50Ratio = ag1 && raw1 ? ag1.p50 / Math.max(raw1.p50, 0.01) : Number.NaN;
    // The best p50 ratio a GraphQL server reaches if its statements, their
    // rows and its execution cost exactly what raw's do: raw's latency plus
    // the extra cost of actorgraph's pipeline alone (no database).
    const p50Floor = raw1 ? (raw1.p50 + pipelineExtra) / Math.max(raw1.p50, 0.01) : Number.NaN;
    // ... plus the compiled query (graphql-jit, as actorgraph executes) turning this operation's answer,
    // already in memory, into the response; graphql-js's own execution of it is shown beside.
    const executionMs = run.execution.get(op.name)?.medianMs ?? Number.NaN;
    const graphqlJsMs = run.execution.get(op.name)?.graphqlJsMedianMs ?? Number.NaN;
    const p50FloorExecuted = raw1 ? (raw1.p50 + pipelineExtra + executionMs) / Math.max(raw1.p50, 0.01) : Number.NaN;
    const ratio = vsNeo4jGraphql(agTop, ngTop, run.timing.seconds);
    // What a server adding nothing to raw's statements and rows would reach.
    const rawRatio = vsNeo4jGraphql(rawTop, ngTop, run.timing.seconds);
    const throughputFloor = throughputFloorOf(rawTop, ngTop, pipelineCpuExtra + executionMs);
    return {
      op,
      p50Ratio,
      p50Floor,
      executionMs,
      graphqlJsMs,
      p50FloorExecuted,
      ratio,
      rawRatio,
      throughputFloor,
      target: THROUGHPUT_TARGET[op.group],
    };
  });
  const worstP50 = Math.max(...rows.map((r) => r.p50Ratio));
  const minThroughput = Math.min(...rows.filter((r) => !r.ratio.lowerBound).map((r) => r.ratio.value));
  // The first load's rate (files to an indexed, answering graph); the transactional increment is reported beside it.
  const importRate = run.data?.firstLoad?.eventsPerSecond ?? run.data?.increment?.eventsPerSecond ?? Number.NaN;
  const incrementRate = run.data?.increment?.eventsPerSecond ?? Number.NaN;
  const summary =
    `SUMMARY worst_p50_ratio_vs_raw=${f2(worstP50)} min_throughput_ratio_vs_neo4j_graphql=${f2(minThroughput)} ` +
    `import_events_per_s=${Number.isFinite(importRate) ? Math.round(importRate) : "n/a"}`;

  const paths1 = find("paths-4-hops", "actorgraph", 1);
  const targets = [
    [
      "actorgraph p50 ≤ 1.2× raw on every operation (c=1)",
      worstP50 <= 1.2,
      `worst ${f2(worstP50)}×; the pipeline alone puts the floor at ${f2(Math.min(...rows.map((r) => r.p50Floor)))}–` +
        `${f2(Math.max(...rows.map((r) => r.p50Floor)))}×, with its compiled query executing each answer ` +
        `${f2(Math.min(...rows.map((r) => r.p50FloorExecuted)))}–${f2(Math.max(...rows.map((r) => r.p50FloorExecuted)))}× (below)`,
    ],
    [
      "throughput ≥ 2× @neo4j/graphql on nested, neighbourhood, path; ≥ 1× on the rest (c=64)",
      rows.every((r) => r.ratio.value >= r.target),
      rows
        .map(
          (r) =>
            `${r.op.name} ${ratioText(r.ratio)}` +
            (r.rawRatio.value < r.target ? ` (raw itself ${ratioText(r.rawRatio)})` : "") +
            (r.ratio.value < r.target && Number.isFinite(r.throughputFloor)
              ? ` (floor on this stack ${f2(r.throughputFloor)}×)`
              : ""),
        )
        .join(", "),
    ],
    ["4-hop paths p99 < 50 ms at c=1", (paths1?.p99 ?? Infinity) < 50, `${f2(paths1?.p99 ?? Number.NaN)} ms`],
    [
      "import ≥ 20k events/s",
      importRate >= 20_000,
      `first load in bulk ${Number.isFinite(importRate) ? Math.round(importRate) : "n/a"}/s (SUMMARY); ` +
        `transactional import into the loaded graph ${Number.isFinite(incrementRate) ? Math.round(incrementRate) : "n/a"}/s`,
    ],
  ] as const;

  const out: string[] = [];
  out.push(`# Benchmark results${run.quick ? " (quick)" : ""}`, "");
  out.push(
    `Command: \`npm run bench${run.quick ? " -- --quick" : ""}\` · commit ${gitCommit()} · ${new Date().toISOString()} · ` +
      `${run.minutes.toFixed(1)} min`,
    "",
    `Machine: ${run.machine.cpus} × ${run.machine.cpuModel}, ${run.machine.memGb.toFixed(0)} GB RAM, shared with other ` +
      "engineers' builds and databases: absolute figures are noisy; the ratios, measured in the same run, are what count.",
    "",
    `Versions: Node ${process.versions.node}, Neo4j 2026.08.1 Community (embedded, Java 25; heap and page cache per bench/neo4j.ts), ` +
      `neo4j-driver ${versionOf("neo4j-driver")}, graphql-yoga ${versionOf("graphql-yoga")}, @pothos/core ${versionOf("@pothos/core")}, ` +
      `@neo4j/graphql ${versionOf("@neo4j/graphql")}, autocannon ${versionOf("autocannon")}.`,
    "",
    "Contenders, each its own process over the same Neo4j and data: **raw** (node:http + neo4j-driver running the best " +
      "hand-written Cypher for the operation: the floor), **actorgraph** (`startService`, request logs off, rate limit off), " +
      "**@neo4j/graphql** (generated schema from type definitions of the same model, `@cypher` where it has no native " +
      "equivalent, served by graphql-yoga). Every contender has the same per-transaction timeout " +
      `(${TRANSACTION_TIMEOUT_MS / 1000} s: raw's driver, actorgraph's \`NEO4J_QUERY_TIMEOUT_MS\`, @neo4j/graphql's context).`,
    "",
    "How each figure is measured:",
    "",
    `- **Concurrency 1** (latency, the p50 ratio and the 4-hop p99 target): one request at a time over a keep-alive ` +
      "connection (node:http), timed with `performance.now()` to a fraction of a millisecond. After a " +
      `${run.timing.warmupSeconds} s warm-up per contender, the three take turns in ${run.timing.rounds} rounds of ` +
      `${f2(run.timing.seconds / run.timing.rounds)} s each (order rotated every round), and p50/p95/p99 are taken over ` +
      `all of a contender's samples (${run.timing.seconds} s of them), so a noisy moment on the shared machine lands on ` +
      "all three rather than on one. req/s at c=1 is samples over the time spent on them.",
    `- **Concurrency ${run.concurrencies.filter((c) => c > 1).join(" and ")}** (throughput): autocannon, ` +
      `${run.timing.warmupSeconds} s warm-up then ${run.timing.seconds} s per operation, contender and concurrency; ` +
      "req/s counts successful answers only (HTTP 2xx without GraphQL errors) over the window, and the latencies are " +
      "theirs (each response's time as autocannon measured it); an answer with errors, a refused connection or a " +
      "timeout counts as an error, never as throughput.",
    "- **Between cells** (and between a warm-up and its measurement) the database is made idle: when autocannon's " +
      "window ends, requests already sent keep running inside Neo4j, so the bench lists running transactions " +
      `(\`SHOW TRANSACTIONS\`), gives them ${run.settle.graceMs / 1000} s to finish, terminates the rest ` +
      "(`TERMINATE TRANSACTIONS`; right away after a warm-up) and waits until only its own query runs " +
      `(at most ${run.settle.maxWaitMs / 1000} s more). Cells cut this way are listed under "Cells cut".`,
    "",
  );
  out.push("## Targets", "", "| target | holds | measured |", "|---|---|---|");
  for (const [name, holds, measured] of targets) out.push(`| ${name} | ${holds ? "yes" : "**no**"} | ${measured} |`);
  out.push("");

  if (run.data) out.push(...renderImport(run.data));

  out.push("## Same data from all three (checked before timing)", "", "| operation | result |", "|---|---|");
  for (const check of run.checks)
    out.push(`| ${check.op} | ${check.same ? "same" : "**MISMATCH**"}: ${check.detail.replace(/\|/g, "\\|")} |`);
  out.push("");

  out.push(
    "## Cypher round trips per operation",
    "",
    "| operation | raw | actorgraph | @neo4j/graphql |",
    "|---|---:|---:|---:|",
  );
  for (const [op, counts] of Object.entries(run.roundTrips)) {
    out.push(`| ${op} | ${counts.raw} | ${counts.actorgraph} | ${counts["neo4j-graphql"]} |`);
  }
  out.push("");

  out.push("## Latency and throughput", "");
  out.push(
    "Latencies in ms; ratio p50 = actorgraph / raw at c=1; ratio req/s = actorgraph / @neo4j/graphql at c=" + top + ".",
    "",
  );
  out.push(
    "| operation | c | raw p50 / p95 / p99 | raw req/s | actorgraph p50 / p95 / p99 | actorgraph req/s | @neo4j/graphql p50 / p95 / p99 | @neo4j/graphql req/s |",
    "|---|---:|---|---:|---|---:|---|---:|",
  );
  for (const op of run.operations) {
    for (const c of run.concurrencies) {
      const fmt = c === 1 ? f2 : f1;
      const cell = (contender: Contender) => {
        const m = find(op.name, contender, c);
        if (!m) return "– | –";
        const cut = run.cuts.find((k) => k.op === op.name && k.connections === c && k.contender === contender);
        const notes = [
          m.errors
            ? `${m.errors} errors${
                m.errorCodes
                  ? `: ${Object.entries(m.errorCodes)
                      .map(([code, n]) => `${code} ${n}`)
                      .join(", ")}`
                  : ""
              }`
            : "",
          cut ? `cut: ${cut.terminated} tx terminated${cut.idle ? "" : ", still busy"}` : "",
        ].filter(Boolean);
        const latency = m.requests === 0 ? "none completed" : `${fmt(m.p50)} / ${fmt(m.p95)} / ${fmt(m.p99)}`;
        return `${latency}${notes.length ? ` (${notes.join("; ")})` : ""} | ${Math.round(m.rps)}`;
      };
      out.push(`| ${op.name} | ${c} | ${cell("raw")} | ${cell("actorgraph")} | ${cell("neo4j-graphql")} |`);
    }
  }
  out.push(
    "",
    `| operation | group | p50 ratio vs raw (c=1) | its floor: the pipeline alone | compiled query executing the answer (ms) | graphql-js executing it (ms) | floor with that execution | req/s ratio vs @neo4j/graphql (c=${top}) | target | raw's own ratio vs @neo4j/graphql | throughput floor on this stack |`,
    "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
  );
  for (const r of rows)
    out.push(
      `| ${r.op.name} | ${r.op.group} | ${f2(r.p50Ratio)} | ${f2(r.p50Floor)} | ${f2(r.executionMs)} | ${f2(r.graphqlJsMs)} | ` +
        `${f2(r.p50FloorExecuted)} | ${ratioText(r.ratio)} | ≥ ${r.target} | ${ratioText(r.rawRatio)} | ` +
        `${Number.isFinite(r.throughputFloor) ? `${f2(r.throughputFloor)}×` : "n/a"} |`,
    );
  out.push(
    "",
    "*its floor*: raw's p50 plus what actorgraph's pipeline alone costs more than raw's (next section), over raw's " +
      "p50: the ratio a GraphQL server reaches if its statements, rows and execution cost exactly what raw's do. " +
      "*compiled query executing the answer*: the operation's query compiled by graphql-jit, as actorgraph " +
      "executes it (src/api/jit.ts), over the committed SDL with actorgraph's answer already in memory as the " +
      "root value (default resolvers, no I/O; median of 1,000 runs after 300, bench/execution.ts): the least a " +
      "server on this stack pays to turn rows into this answer. *graphql-js executing it*: the same by graphql-js, " +
      "what a server without the compiler (@neo4j/graphql here) pays. " +
      "*floor with that execution*: the floor plus it, what a server on this stack reaches if its statements " +
      "cost what raw's do and its resolvers cost nothing. " +
      "*raw's own ratio*: raw's req/s over @neo4j/graphql's at c=" +
      top +
      ", what a server that added nothing to the hand-written statements would reach; where it is under the " +
      "target, the target asks actorgraph to be faster than the floor. " +
      "*throughput floor on this stack*: the same for a GraphQL server whose statements and rows cost what raw's " +
      "do and which adds only what actorgraph's pipeline alone costs more than raw's in CPU per request at c=" +
      top +
      " (next section) plus the compiled query executing the answer: raw's req/s times raw's CPU per request " +
      "(server, Neo4j and load generator; the CPU table) over that CPU plus the addition, over @neo4j/graphql's " +
      "req/s. The cores are busy at this concurrency, so req/s goes as the inverse of CPU per request; where " +
      "this floor is near the target, the target leaves actorgraph almost nothing beyond the pipeline.",
    "",
  );
  if (rows.some((r) => r.ratio.lowerBound)) {
    out.push(
      `"> N×": @neo4j/graphql completed no request in the ${run.timing.seconds} s window, so it ran at under one ` +
        `request per window and the ratio is at least the contender's req/s × ${run.timing.seconds}. Such operations are ` +
        "left out of `min_throughput_ratio_vs_neo4j_graphql`, which is the lowest ratio over the operations where " +
        "both completed requests.",
      "",
    );
  }
  out.push(...renderPipeline(run.pipeline, run.pipelineLoad, top));
  out.push(...renderCpu(run, top));

  out.push(
    "## Where the time goes at concurrency 1",
    "",
    "Medians in ms over the c=1 samples. *client* is what the load generator timed; *server* and *Neo4j* are what " +
      "each server reported in its `Server-Timing` header: the whole request inside the server, and the time " +
      "spent on Cypher statements (sent, run, rows decoded; summed over statements). *client − server* is the " +
      "HTTP exchange; *server − Neo4j* is the server's own work: for raw, parsing a small JSON body and " +
      "serialising rows; for actorgraph, Yoga, GraphQL parsing (cached), validation (cached), execution of every " +
      "field and resolver, and its own layers (the last column is the difference of the two medians).",
    "",
    "| operation | raw client | raw server | raw Neo4j | actorgraph client | actorgraph server | actorgraph Neo4j | actorgraph server − Neo4j |",
    "|---|---:|---:|---:|---:|---:|---:|---:|",
  );
  for (const op of run.operations) {
    const raw1 = find(op.name, "raw", 1);
    const ag1 = find(op.name, "actorgraph", 1);
    const split = (m: Measurement | undefined) =>
      m?.serverTiming ? `${f2(m.serverTiming.totalMs)} | ${f2(m.serverTiming.dbMs)}` : "– | –";
    const own = ag1?.serverTiming ? f2(ag1.serverTiming.totalMs - ag1.serverTiming.dbMs) : "–";
    out.push(
      `| ${op.name} | ${raw1 ? f2(raw1.p50) : "–"} | ${split(raw1)} | ${ag1 ? f2(ag1.p50) : "–"} | ${split(ag1)} | ${own} |`,
    );
  }
  out.push("", ...renderGapSplit(run, find));

  out.push("## Cells cut", "");
  if (run.cuts.length === 0) {
    out.push("None: after every cell the database was idle without terminating anything.", "");
  } else {
    out.push(
      `Cells after which transactions were still running ${run.settle.graceMs / 1000} s after the window ended; ` +
        "they were terminated before the next cell.",
      "",
      "| operation | c | contender | transactions terminated | idle after |",
      "|---|---:|---|---:|---|",
    );
    for (const cut of run.cuts) {
      out.push(
        `| ${cut.op} | ${cut.connections} | ${cut.contender ?? "all three (turns)"} | ${cut.terminated} | ` +
          `${cut.idle ? `${f1(cut.waitedMs / 1000)} s` : `**still busy after ${f1(cut.waitedMs / 1000)} s**`} |`,
      );
    }
    out.push("");
  }

  out.push("## Server memory after the load (RSS / peak, MB)", "", "| contender | RSS | peak |", "|---|---:|---:|");
  for (const [contender, m] of Object.entries(run.memory))
    out.push(`| ${contender} | ${f1(m.rssMb)} | ${f1(m.peakMb)} |`);
  out.push("");

  if (run.scaling.length > 0) {
    out.push(
      "## Scaling curve (synthetic)",
      "",
      "Graphs built by a seeded generator: actor degrees sampled from the real graph's degree distribution " +
        "(capped at 2,000), predicates from its mix, endpoints in proportion to degree (Chung-Lu); each claim with " +
        "its evidence document, no events. Each size is loaded in bulk (`bulkLoadRecords`, the path of " +
        "`actorgraph db load`) into a Neo4j of its own (same heap and page cache as the bench one) and timed there: " +
        "median latency of 10 sequential requests each after 3 warm-up ones, the two contenders taking turns request by " +
        "request (in process: actorgraph through `app.fetch`, raw one auto-commit statement through the driver), on the best-connected actor (relations, and paths to it from the non-hub actor with the smallest id) and the second " +
        "(neighbourhood). *load s* runs from the generator's first record to an answering graph with its indexes " +
        "built. `npm run bench:scale -- --actors N --claims M` builds one size of any scale the same way.",
      "",
    );
    const names = Object.keys(run.scaling[0]?.latency ?? {});
    out.push(
      `| actors | relations | claims | load s | ${names.map((n) => `${n} actorgraph / raw ms`).join(" | ")} |`,
      `|---:|---:|---:|---:|${names.map(() => "---:").join("|")}|`,
    );
    for (const p of run.scaling) {
      out.push(
        `| ${p.actors} | ${p.relations} | ${p.claims} | ${f1(p.loadSeconds)} | ${names
          .map((n) => `${f1(p.latency[n]?.actorgraph ?? Number.NaN)} / ${f1(p.latency[n]?.raw ?? Number.NaN)}`)
          .join(" | ")} |`,
      );
    }
    out.push("");
  }
  out.push("## Summary", "", "```", summary, "```", "");
  return { markdown: out.join("\n"), summary, minutes: run.minutes };
}

/**
 * actorgraph's c=1 p50 gap to raw, part by part, from the medians above:
 * differences of medians, so the parts are approximations that add up to
 * the gap by construction.
 */
function renderGapSplit(
  run: RunReport,
  find: (op: string, contender: Contender, connections: number) => Measurement | undefined,
): string[] {
  const pipelineServer = (contender: Contender) => run.pipeline.get(contender)?.serverTiming?.totalMs ?? Number.NaN;
  const pipeline = pipelineServer("actorgraph") - pipelineServer("raw");
  const out = [
    "## The gap to raw, part by part (c=1)",
    "",
    "*HTTP exchange*: actorgraph's client − server minus raw's; *statements*: its *Neo4j* column minus raw's " +
      "(statements run, rows sent and decoded); *pipeline*: the two servers' own timing of a request that reaches " +
      "no database; *execution*: the compiled query executing the answer with no I/O (above); *actorgraph's own layer*: " +
      "the rest of its server − Neo4j (planning reads from the query, mapping rows, cursors, the resolvers' " +
      "wrappers). Differences of medians, so the parts are approximations that add up to the gap.",
    "",
    "| operation | gap ms | HTTP exchange | statements | pipeline | execution | actorgraph's own layer |",
    "|---|---:|---:|---:|---:|---:|---:|",
  ];
  for (const op of run.operations) {
    const raw = find(op.name, "raw", 1);
    const ag = find(op.name, "actorgraph", 1);
    if (!raw?.serverTiming || !ag?.serverTiming) continue;
    const execution = run.execution.get(op.name)?.medianMs ?? Number.NaN;
    const http = ag.p50 - ag.serverTiming.totalMs - (raw.p50 - raw.serverTiming.totalMs);
    const statements = ag.serverTiming.dbMs - raw.serverTiming.dbMs;
    const serverOwn =
      ag.serverTiming.totalMs - ag.serverTiming.dbMs - (raw.serverTiming.totalMs - raw.serverTiming.dbMs);
    out.push(
      `| ${op.name} | ${f2(ag.p50 - raw.p50)} | ${f2(http)} | ${f2(statements)} | ${f2(pipeline)} | ` +
        `${f2(execution)} | ${f2(serverOwn - pipeline - execution)} |`,
    );
  }
  out.push("");
  return out;
}

/** Who used the CPU in the autocannon cells at concurrency `top`: each contender, Neo4j and the load generator. */
function renderCpu(run: RunReport, top: number): string[] {
  const cells = run.measurements.filter((m) => m.connections === top && m.cpu);
  if (cells.length === 0 || cells.every((m) => !Number.isFinite(m.cpu?.server))) return [];
  const cores = (x: number | undefined) => (x !== undefined && Number.isFinite(x) ? x.toFixed(2) : "n/a");
  const out = [
    `## Who uses the CPU at concurrency ${top}`,
    "",
    `CPU time over each timed window at c=${top} (user + system, from /proc), per wall second: 1.00 is one core ` +
      `busy the whole window; the machine has ${run.machine.cpus}. *server ms / request*: the contender's CPU over ` +
      "the answers the window saw (errors included). The contender, Neo4j and the load generator (this process: " +
      "autocannon) share the cores; a contender near 1.00 is held by its own event loop, whatever Neo4j could give.",
    "",
    "| operation | contender | req/s | server ms / request | server cores | Neo4j cores | load generator cores |",
    "|---|---|---:|---:|---:|---:|---:|",
  ];
  for (const op of run.operations) {
    for (const m of cells.filter((c) => c.op === op.name)) {
      const cpu = m.cpu;
      out.push(
        // With no answer in the window the server's CPU went to requests the window did not see end.
        `| ${op.name} | ${m.contender} | ${Math.round(m.rps)} | ${m.requests > 0 ? f2(cpu?.serverMsPerRequest ?? Number.NaN) : "–"} | ` +
          `${cores(cpu?.server)} | ${cores(cpu?.neo4j)} | ${cores(cpu?.loadGenerator)} |`,
      );
    }
  }
  out.push("");
  return out;
}

/** Each server answering a request that reaches no database (NO_DATABASE), at c=1 and under load. */
function renderPipeline(
  pipeline: Map<Contender, LoadFigures>,
  pipelineLoad: Map<Contender, LoadFigures>,
  top: number,
): string[] {
  if (pipeline.size === 0) return [];
  const out = [
    "## The pipeline alone (no database)",
    "",
    "The same request loops as the operations, for a request that reaches no database: raw answers an " +
      "empty operation (node:http, a JSON body parsed, an empty row list serialised), actorgraph and " +
      "@neo4j/graphql `{ __typename }` (HTTP through Yoga, parsing and validation from their caches, execution " +
      "of one field, and each server's own plugins). The difference to raw is the fixed cost of answering in " +
      "GraphQL on this stack, paid by every operation before any statement runs: in latency at c=1, and in " +
      `the server's CPU per request at c=${top} (autocannon, as the operations' cells).`,
    "",
    `| contender | c=1 p50 / p95 / p99 ms | c=1 req/s | server's own timing (median ms) | c=${top} req/s | c=${top} server CPU ms / request |`,
    "|---|---|---:|---:|---:|---:|",
  ];
  for (const [contender, m] of pipeline) {
    const load = pipelineLoad.get(contender);
    out.push(
      `| ${contender} | ${f2(m.p50)} / ${f2(m.p95)} / ${f2(m.p99)} | ${Math.round(m.rps)} | ` +
        `${m.serverTiming ? f2(m.serverTiming.totalMs) : "–"} | ${load ? Math.round(load.rps) : "–"} | ` +
        `${load?.cpu ? f3(load.cpu.serverMsPerRequest) : "–"} |`,
    );
  }
  out.push("");
  return out;
}

/** The import section: the bulk first load stage by stage, then the transactional increment. */
function renderImport(data: DataSummary): string[] {
  const out: string[] = [];
  const perSecond = (events: number, seconds: number) => Math.round(events / Math.max(seconds, 0.001));
  const load = data.firstLoad;
  if (load) {
    out.push(
      "## First load in bulk (`bulkLoad`: CSV from the same parsers and merge rules, then `neo4j-admin database import full`)",
      "",
      "| file | rows | events | rejected |",
      "|---|---:|---:|---:|",
      ...load.files.map((f) => `| ${f.file} | ${f.rows} | ${f.events} | ${f.rejected} |`),
      "",
      "| stage | seconds |",
      "|---|---:|",
      `| parse the files, write the CSV (Node) | ${f1(load.csvSeconds)} |`,
      `| neo4j-admin database import full | ${f1(load.adminSeconds)} |`,
      `| start Neo4j on the new store | ${f1(load.startSeconds)} |`,
      `| migrations: every index and constraint built over the data, awaited online | ${f1(load.indexSeconds)} |`,
      `| completeBulkLoad (empty alias lists) | ${f1(load.completeSeconds)} |`,
      `| **files to an answering, indexed graph** | **${f1(load.seconds)}** |`,
      "",
      `**${load.events} events in ${f1(load.seconds)} s = ${Math.round(load.eventsPerSecond)} events/s**, Neo4j's start ` +
        `included (without it: ${perSecond(load.events, load.seconds - load.startSeconds)} events/s).`,
      "",
    );
    const report = load.adminReport;
    if (report) {
      // What no faster CSV step or tool start could beat: the importer itself, then the start and indexes every load needs.
      const bound = report.importSeconds + load.startSeconds + load.indexSeconds;
      out.push(
        `The admin tool's own report: ${report.nodes} nodes, ${report.relationships} relationships and ` +
          `${report.properties} properties written in ${f1(report.importSeconds)} s (its JVM's start and set-up ` +
          `excluded) = **${perSecond(load.events, report.importSeconds)} events/s for Neo4j's bulk importer alone**, ` +
          "given finished CSV. With Neo4j's start and the index builds, which any load that ends in an answering, " +
          `indexed graph needs: ${perSecond(load.events, bound)} events/s, the most this load reaches with a CSV ` +
          "step and a tool start that cost nothing.",
        "",
      );
    }
  }
  const increment = data.increment;
  if (increment) {
    out.push(
      "## Transactional import into the loaded graph (`startImport`: batches of 5000, relations recomputed at the end)",
      "",
      "| file | rows | events | rejected | seconds | events/s |",
      "|---|---:|---:|---:|---:|---:|",
      ...increment.files.map(
        (f) =>
          `| ${f.file} | ${f.rows} | ${f.events} | ${f.rejected} | ${f1(f.seconds)} | ${perSecond(f.events, f.seconds)} |`,
      ),
      "",
    );
  }
  if (data.skipped.length > 0) out.push(`Skipped (not in ../shared/data): ${data.skipped.join(", ")}.`, "");
  out.push(`Plus ${data.articles} sample articles through ingestion.`, "");
  return out;
}
