// Extraction speed: the shipped corpus repeated to at least 10 MB, one core.
// Prints figures; never passes or fails on time.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parseDocument } from "../src/extract/document.ts";
import { extract } from "../src/extract/index.ts";

const TARGET_BYTES = 10 * 1024 * 1024;
const dir = join(import.meta.dirname, "..", "corpus", "articles");
const articles = readdirSync(dir)
  .filter((f) => f.endsWith(".md"))
  .sort()
  .map((f) => readFileSync(join(dir, f), "utf8"));
const corpusBytes = articles.reduce((n, a) => n + Buffer.byteLength(parseDocument(a).body), 0);

// Warm up (register, gazetteer, regex compilation) so the figure is the steady state.
for (const a of articles) extract(a);

let bytes = 0;
let documents = 0;
let relations = 0;
const started = process.hrtime.bigint();
const cpuStarted = process.cpuUsage();
while (bytes < TARGET_BYTES) {
  for (const a of articles) {
    relations += extract(a).relations.length;
    bytes += Buffer.byteLength(parseDocument(a).body);
    documents++;
  }
}
const seconds = Number(process.hrtime.bigint() - started) / 1e9;
// CPU time of this process as well: on a shared, loaded machine wall time measures the neighbours too.
const cpuSeconds = process.cpuUsage(cpuStarted).user / 1e6;
const mb = bytes / 1024 / 1024;
console.log(`corpus: ${articles.length} articles, ${(corpusBytes / 1024).toFixed(1)} KB of body text`);
console.log(
  `extracted ${mb.toFixed(1)} MB (${documents} documents, ${relations} relations) in ${seconds.toFixed(2)} s`,
);
console.log(`throughput: ${(mb / seconds).toFixed(2)} MB/s on one core (wall clock)`);
console.log(`throughput: ${(mb / cpuSeconds).toFixed(2)} MB/s per CPU-second (user time, ${cpuSeconds.toFixed(2)} s)`);
