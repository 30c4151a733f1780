// What executing an operation's GraphQL costs on this stack with no I/O at
// all: actorgraph's query compiled by graphql-jit, as actorgraph runs it
// (src/api/jit.ts), over the committed SDL (schema/schema.graphql), its
// answer already in memory as the root value, every field resolved by the
// default resolver. No server can turn rows into that answer on this stack
// for less, so this time belongs to the floor of the p50 ratio next to the
// pipeline alone (bench/RESULTS.md). graphql-js's own execution of the same
// is timed beside it, what a server without the compiler pays.
// The answer is fetched from the running actorgraph contender before timing.

import { readFileSync } from "node:fs";
import path from "node:path";
import {
  buildSchema,
  type DocumentNode,
  execute,
  Kind,
  parse,
  print,
  type SelectionSetNode,
  validate,
  visit,
} from "graphql";
import { compileQuery, isCompiledQuery } from "graphql-jit";
import type { ContenderProcess } from "./contenders.ts";
import type { Operation } from "./operations.ts";

const SCHEMA_FILE = path.join(import.meta.dirname, "..", "schema", "schema.graphql");

export type ExecutionFigures = { medianMs: number; graphqlJsMedianMs: number; runs: number };

/** The query with `__typename` in every selection set, so the answer names the type of every object it holds. */
function withTypenames(document: DocumentNode): DocumentNode {
  return visit(document, {
    SelectionSet: (node: SelectionSetNode) => ({
      ...node,
      selections: [...node.selections, { kind: Kind.FIELD, name: { kind: Kind.NAME, value: "__typename" } }],
    }),
  });
}

async function answerOf(actorgraph: ContenderProcess, query: string): Promise<unknown> {
  const response = await fetch(actorgraph.url, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ query }),
  });
  const json = (await response.json()) as { data?: unknown; errors?: unknown };
  if (!response.ok || json.errors || !json.data) {
    throw new Error(`actorgraph answered the execution-floor query with ${JSON.stringify(json.errors ?? json)}`);
  }
  return json.data;
}

type Executor = (answer: unknown) => { data?: unknown; errors?: readonly { message: string }[] } | Promise<unknown>;

/** Median time of `run` over the answer, after warm-up runs so the figure is of optimised code, as in a server under load. */
function medianRun(name: string, run: Executor, answer: unknown, warmupRuns: number, runs: number): number {
  const times: number[] = [];
  for (let i = 0; i < warmupRuns + runs; i++) {
    const started = performance.now();
    const result = run(answer);
    const elapsed = performance.now() - started;
    if ("then" in result) throw new Error(`${name}: execution over an in-memory answer went asynchronous`);
    if (result.errors) throw new Error(`${name}: ${result.errors.map((e) => e.message).join("; ")}`);
    if (i >= warmupRuns) times.push(elapsed);
  }
  times.sort((a, b) => a - b);
  return times[times.length >> 1] ?? Number.NaN;
}

/**
 * Median time of graphql-jit's compiled query, and of graphql-js, executing
 * each operation's query over its answer (synchronous: every default
 * resolver returns a value).
 */
export async function measureExecution(
  actorgraph: ContenderProcess,
  operations: Operation[],
  { warmupRuns = 300, runs = 1_000 } = {},
): Promise<Map<string, ExecutionFigures>> {
  const schema = buildSchema(readFileSync(SCHEMA_FILE, "utf8"));
  const figures = new Map<string, ExecutionFigures>();
  for (const op of operations) {
    const document = parse(op.actorgraph.query);
    const invalid = validate(schema, document);
    if (invalid.length > 0) throw new Error(`${op.name}: ${invalid.map((e) => e.message).join("; ")}`);
    const compiled = compileQuery(schema, document);
    if (!isCompiledQuery(compiled)) throw new Error(`${op.name}: graphql-jit did not compile the query`);
    const executors: Record<"jit" | "graphqlJs", Executor> = {
      jit: (answer) => compiled.query(answer, {}, {}) as ReturnType<Executor>,
      graphqlJs: (answer) => execute({ schema, document, rootValue: answer }),
    };
    // Fetched with __typename everywhere (the default type resolver reads it); executed as the bench sends it.
    const answer = await answerOf(actorgraph, print(withTypenames(document)));
    // The in-memory execution must rebuild the very answer the server sends, or it timed other work.
    const sent = JSON.stringify(await answerOf(actorgraph, op.actorgraph.query));
    for (const [name, run] of Object.entries(executors)) {
      const rebuilt = run(answer);
      if ("then" in rebuilt || JSON.stringify(rebuilt.data) !== sent) {
        throw new Error(`${op.name}: ${name} executing the query over its answer did not give the answer back`);
      }
    }
    figures.set(op.name, {
      medianMs: medianRun(op.name, executors.jit, answer, warmupRuns, runs),
      graphqlJsMedianMs: medianRun(op.name, executors.graphqlJs, answer, warmupRuns, runs),
      runs,
    });
  }
  return figures;
}
