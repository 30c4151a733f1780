// `npm run bench:scale [-- --actors N] [-- --claims M]`: one point of the
// scaling curve at any size (default 1M actors, 5M claims): the real graph's
// shape is read from the bench database (`npm run bench:data` fills it), a
// synthetic graph of that shape is loaded in bulk into a Neo4j of its own,
// and the traversal operations are timed on it. Prints figures; far longer
// than `npm run bench` at the default size.
import { parseArgs } from "node:util";
import { openBenchDatabase } from "./neo4j.ts";
import { measureScalePoint, readShape } from "./synthetic.ts";

const { values } = parseArgs({
  options: {
    actors: { type: "string", default: "1000000" },
    claims: { type: "string", default: "5000000" },
    seed: { type: "string", default: "7" },
  },
});
const size = { actors: Number(values.actors), claims: Number(values.claims) };
for (const [name, value] of Object.entries(size)) {
  if (!Number.isInteger(value) || value < 2) throw new Error(`--${name} must be a whole number of at least 2.`);
}

const bench = await openBenchDatabase({ fresh: false, log: console.log });
const shape = await readShape(bench.db).finally(() => bench.stop());
if (shape.degrees.length === 0) {
  throw new Error("The bench database has no relations to take the shape from: run `npm run bench:data` first.");
}
const started = Date.now();
const point = await measureScalePoint(shape, size, Number(values.seed));
console.log(JSON.stringify({ ...point, minutes: (Date.now() - started) / 60_000 }));
