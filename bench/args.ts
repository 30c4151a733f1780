// Command-line arguments of the bench scripts that take operation names and
// counts: `npm run bench:statements -- nested-depth-3 --rounds 3`.
import { parseArgs } from "node:util";
import { createOperations, DEFAULT_IDS, type Operation } from "./operations.ts";

/** The operations named (all of them when none is), and each count option as given or its default. */
export function benchArgs<K extends string>(
  defaults: Record<K, number>,
): { operations: Operation[] | null; counts: Record<K, number> } {
  const names = Object.keys(defaults) as K[];
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: Object.fromEntries(names.map((name) => [name, { type: "string" as const }])),
  });
  const counts = { ...defaults };
  for (const name of names) {
    const given = values[name];
    if (given === undefined) continue;
    const value = Number(given);
    if (!Number.isInteger(value) || value < 1) throw new Error(`--${name} must be a whole number of at least 1.`);
    counts[name] = value;
  }
  const all = new Map(createOperations(DEFAULT_IDS).map((op) => [op.name, op]));
  const operations = positionals.map((name) => {
    const op = all.get(name);
    if (!op) throw new Error(`No bench operation is named ${name}: one of ${[...all.keys()].join(", ")}.`);
    return op;
  });
  return { operations: operations.length > 0 ? operations : null, counts };
}
