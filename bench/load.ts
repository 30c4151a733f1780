// Load: 64 connections for 60 s on a mixed read workload while documents are
// ingested concurrently. Prints errors (target 0), latency percentiles and the
// RSS of the process at start and end. Figures only; never passes or fails.
// LOAD_SECONDS and LOAD_CONNECTIONS override the defaults; NEO4J_URI picks
// the database (else the local one). The service runs in this process, so
// RSS includes autocannon's own (small, steady) share.
import autocannon from "autocannon";
import { loadConfig } from "../src/config.ts";
import { createGraph } from "../src/graph/index.ts";
import { extractDocument } from "../src/ingest/extractor.ts";
import { ingestDocument } from "../src/ingest/ingest-document.ts";
import { SAMPLE_CORPUS } from "../src/ingest/ingest-paths.ts";
import { expandInputs, readSourceFile, type SourceDocument } from "../src/ingest/sources.ts";
import { createLogger } from "../src/log.ts";
import { startService } from "../src/service.ts";

const SECONDS = Number(process.env.LOAD_SECONDS ?? 60);
const CONNECTIONS = Number(process.env.LOAD_CONNECTIONS ?? 64);
const mb = (bytes: number) => `${(bytes / 1e6).toFixed(0)} MB`;

const config = loadConfig({ ...process.env, RATE_LIMIT_PER_MINUTE: "0", LOG_LEVEL: "silent" });
const service = await startService({ ...config, port: 0 }, createLogger("silent", { pretty: false }));
const graph = createGraph(service.db);

const { files } = await expandInputs([SAMPLE_CORPUS]);
const corpus: SourceDocument[] = [];
for (const file of files) {
  for await (const item of readSourceFile(file, config.limits.ingestMaxBytes))
    if ("document" in item) corpus.push(item.document);
}
for (const document of corpus) await ingestDocument(graph, extractDocument, document);
const [actor] = await service.db.read<{ id: string }>("MATCH (a:Actor)-[]-(:Actor) RETURN a.id AS id LIMIT 1");
const actorId = actor?.id ?? "hezbollah";

const READS = [
  `{ stats { documents claims events actorsByType { type count } } }`,
  `{ actors(first: 20) { totalCount edges { node { id name type } } } }`,
  `{ search(text: "hezbollah") { __typename } }`,
  `{ actor(id: "${actorId}") { name relations(first: 10) { edges { predicate confidence actor { name } } } } }`,
  `{ neighborhood(id: "${actorId}", depth: 2) { nodes { id } } }`,
  `{ events(first: 10) { edges { node { id type date } } } }`,
  `{ documents(first: 10) { edges { node { title claims(first: 5) { quote } } } } }`,
  `{ supportChain(id: "${actorId}") { __typename } }`,
];

let graphqlErrors = 0;
const errorSamples = new Set<string>();
const requests = READS.map((query) => ({
  method: "POST" as const,
  path: "/graphql",
  headers: { "content-type": "application/json" },
  body: JSON.stringify({ query }),
  onResponse: (status: number, body: string) => {
    if (status === 200 && body.includes('"errors"')) {
      graphqlErrors++;
      if (errorSamples.size < 3) errorSamples.add(body.slice(0, 300));
    }
  },
}));

// The concurrent ingest: the corpus again and again, each round a new version of every document.
let ingesting = true;
let ingested = 0;
let ingestFailures = 0;
const ingest = (async () => {
  for (let round = 1; ingesting; round++) {
    for (const document of corpus) {
      if (!ingesting) break;
      const changed = {
        ...document,
        content: `${document.content}\n\nUpdate ${round}.`,
        origin: `${document.origin}#${round}`,
      };
      try {
        await ingestDocument(graph, extractDocument, changed);
        ingested++;
      } catch {
        ingestFailures++;
      }
    }
  }
})();

global.gc?.();
const rssStart = process.memoryUsage().rss;
console.log(
  `load: ${CONNECTIONS} connections for ${SECONDS} s against ${service.url}, ${READS.length} read shapes + concurrent ingest`,
);
const result = await autocannon({
  url: service.url,
  connections: CONNECTIONS,
  duration: SECONDS,
  requests,
});
ingesting = false;
await ingest;
global.gc?.();
const rssEnd = process.memoryUsage().rss;

console.log(`requests: ${result.requests.total} (${result.requests.average.toFixed(0)}/s average)`);
console.log(
  `errors: ${result.errors} connection errors, ${result.timeouts} timeouts, ${result.non2xx} non-2xx, ${graphqlErrors} GraphQL errors`,
);
for (const sample of errorSamples) console.log(`  error: ${sample}`);
console.log(
  `latency: p50 ${result.latency.p50} ms, p90 ${result.latency.p90} ms, p99 ${result.latency.p99} ms, max ${result.latency.max} ms`,
);
console.log(`ingest: ${ingested} documents saved during the run, ${ingestFailures} failed`);
console.log(`rss: start ${mb(rssStart)}, end ${mb(rssEnd)} (${rssEnd >= rssStart ? "+" : ""}${mb(rssEnd - rssStart)})`);
await service.stop();
