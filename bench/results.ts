// Turns a benchmark run into bench/RESULTS.md and the SUMMARY line:
// worst actorgraph/raw p50 ratio (concurrency 1), lowest actorgraph/@neo4j/graphql
// throughput ratio (concurrency 64), and the import rate.
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import type { Contender } from "./contenders.ts";
import type { DataSummary } from "./data.ts";
import type { Operation } from "./operations.ts";
import type { RoundTrips } from "./round-trips.ts";
import type { Check, Measurement } from "./run.ts";
import type { ScalingPoint } from "./synthetic.ts";
import { TRANSACTION_TIMEOUT_MS } from "./transaction-timeout.ts";

export type RunReport = {
  quick: boolean;
  data: DataSummary | null;
  checks: Check[];
  roundTrips: RoundTrips;
  measurements: Measurement[];
  memory: Record<Contender, { rssMb: number; peakMb: number }>;
  scaling: ScalingPoint[];
  operations: Operation[];
  timing: { warmupSeconds: number; seconds: number };
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

export function renderResults(run: RunReport): { markdown: string; summary: string; minutes: number } {
  const find = (op: string, contender: Contender, connections: number) =>
    run.measurements.find((m) => m.op === op && m.contender === contender && m.connections === connections);
  const top = Math.max(...run.concurrencies);
  const rows = run.operations.map((op) => {
    const raw1 = find(op.name, "raw", 1);
    const ag1 = find(op.name, "actorgraph", 1);
    const agTop = find(op.name, "actorgraph", top);
    const ngTop = find(op.name, "neo4j-graphql", top);
    const p50Ratio = ag1 && raw1 ? ag1.p50 / Math.max(raw1.p50, 0.5) : Number.NaN;
    const throughputRatio = agTop && ngTop ? agTop.rps / Math.max(ngTop.rps, 0.001) : Number.NaN;
    return { op, p50Ratio, throughputRatio, target: THROUGHPUT_TARGET[op.group] };
  });
  const worstP50 = Math.max(...rows.map((r) => r.p50Ratio));
  const minThroughput = Math.min(...rows.map((r) => r.throughputRatio));
  const importRate = run.data ? run.data.eventsPerSecond : Number.NaN;
  const summary =
    `SUMMARY worst_p50_ratio_vs_raw=${f2(worstP50)} min_throughput_ratio_vs_neo4j_graphql=${f2(minThroughput)} ` +
    `import_events_per_s=${Number.isFinite(importRate) ? Math.round(importRate) : "n/a"}`;

  const paths1 = find("paths-4-hops", "actorgraph", 1);
  const targets = [
    ["actorgraph p50 ≤ 1.2× raw on every operation (c=1)", worstP50 <= 1.2, `worst ${f2(worstP50)}×`],
    [
      "throughput ≥ 2× @neo4j/graphql on nested, neighbourhood, path; ≥ 1× on the rest (c=64)",
      rows.every((r) => r.throughputRatio >= r.target),
      rows.map((r) => `${r.op.name} ${f2(r.throughputRatio)}×`).join(", "),
    ],
    ["4-hop paths p99 < 50 ms at c=1", (paths1?.p99 ?? Infinity) < 50, `${f1(paths1?.p99 ?? Number.NaN)} ms`],
    [
      "import ≥ 20k events/s",
      importRate >= 20_000,
      `${Number.isFinite(importRate) ? Math.round(importRate) : "n/a"}/s`,
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
      `(${TRANSACTION_TIMEOUT_MS / 1000} s: raw's driver, actorgraph's \`NEO4J_QUERY_TIMEOUT_MS\`, @neo4j/graphql's context). ` +
      "Load: autocannon, " +
      `${run.timing.warmupSeconds} s warm-up then ${run.timing.seconds} s per operation, contender and concurrency.`,
    "",
  );
  out.push("## Targets", "", "| target | holds | measured |", "|---|---|---|");
  for (const [name, holds, measured] of targets) out.push(`| ${name} | ${holds ? "yes" : "**no**"} | ${measured} |`);
  out.push("");

  if (run.data) {
    out.push("## Import (project import path: `saveImportedBatch`, batches of 5000)", "");
    out.push("| file | rows | events | rejected | seconds | events/s |", "|---|---:|---:|---:|---:|---:|");
    for (const file of run.data.files) {
      out.push(
        `| ${file.file} | ${file.rows} | ${file.events} | ${file.rejected} | ${f1(file.seconds)} | ${Math.round(file.events / Math.max(file.seconds, 0.001))} |`,
      );
    }
    out.push(
      `| **all** | | ${run.data.events} | | ${f1(run.data.seconds)} | **${Math.round(run.data.eventsPerSecond)}** |`,
      "",
    );
    if (run.data.skipped.length > 0) out.push(`Skipped (not in ../shared/data): ${run.data.skipped.join(", ")}.`, "");
    out.push(`Plus ${run.data.articles} sample articles through ingestion.`, "");
  }

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
      const cell = (contender: Contender) => {
        const m = find(op.name, contender, c);
        if (!m) return "– | –";
        return `${f1(m.p50)} / ${f1(m.p95)} / ${f1(m.p99)}${m.errors ? ` (${m.errors} errors)` : ""} | ${Math.round(m.rps)}`;
      };
      out.push(`| ${op.name} | ${c} | ${cell("raw")} | ${cell("actorgraph")} | ${cell("neo4j-graphql")} |`);
    }
  }
  out.push(
    "",
    "| operation | group | p50 ratio vs raw (c=1) | req/s ratio vs @neo4j/graphql (c=" + top + ") | target |",
    "|---|---|---:|---:|---:|",
  );
  for (const r of rows)
    out.push(`| ${r.op.name} | ${r.op.group} | ${f2(r.p50Ratio)} | ${f2(r.throughputRatio)} | ≥ ${r.target} |`);
  out.push("");

  out.push("## Server memory after the load (RSS / peak, MB)", "", "| contender | RSS | peak |", "|---|---:|---:|");
  for (const [contender, m] of Object.entries(run.memory))
    out.push(`| ${contender} | ${f1(m.rssMb)} | ${f1(m.peakMb)} |`);
  out.push("");

  if (run.scaling.length > 0) {
    out.push(
      "## Scaling curve (synthetic)",
      "",
      "The bench graph grown in steps by a seeded generator: actor degrees sampled from the real graph's degree " +
        "distribution, predicates from its mix, endpoints in proportion to degree (Chung-Lu), imported through the same " +
        "import path. After each step: median latency of 10 sequential requests (in process: actorgraph through " +
        "`app.fetch`, raw through the driver). Sizes are what fits this run's time budget on 2 shared cores, far from " +
        "the 1M actors / 5M relations the generator could produce given hours.",
      "",
    );
    const names = Object.keys(run.scaling[0]?.latency ?? {});
    out.push(
      `| actors | relations | step import events/s | ${names.map((n) => `${n} actorgraph / raw ms`).join(" | ")} |`,
      `|---:|---:|---:|${names.map(() => "---:").join("|")}|`,
    );
    for (const p of run.scaling) {
      out.push(
        `| ${p.actors} | ${p.relations} | ${Math.round(p.importEventsPerSecond)} | ${names
          .map((n) => `${f1(p.latency[n]?.actorgraph ?? Number.NaN)} / ${f1(p.latency[n]?.raw ?? Number.NaN)}`)
          .join(" | ")} |`,
      );
    }
    out.push("");
  }
  out.push("## Summary", "", "```", summary, "```", "");
  return { markdown: out.join("\n"), summary, minutes: run.minutes };
}
