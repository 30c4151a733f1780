// `actorgraph ingest PATH… [--dry-run] [--concurrency N] [--sample]`:
// documents in, extracted and saved one transaction each; a failed document
// is reported with its reason and the rest go on. Exit code 1 when any failed.
import { parseArgs } from "node:util";
import type { Command } from "../cli.ts";
import { loadConfig } from "../config.ts";
import { createGraph } from "../graph/index.ts";
import type { IngestOutcome } from "../ingest/ingest-document.ts";
import { ingestPaths, SAMPLE_CORPUS } from "../ingest/ingest-paths.ts";
import { openDatabase } from "./connect.ts";
import { createProgress } from "./progress.ts";

const HELP = `Usage: actorgraph ingest PATH… [--dry-run] [--concurrency N]
       actorgraph ingest --sample

PATH is a file, a folder (searched recursively) or a glob of .md, .txt, .json
(one document or an array) and .jsonl (one document per line) files. JSON
documents have: text (required), title, url, publishedAt, source, license.

  --dry-run        say what would be created, replaced or left unchanged; write nothing
  --concurrency N  documents in flight at once (default 4)
  --sample         ingest the sample corpus shipped in corpus/articles
  --verbose, -v    one line per document: created, replaced or unchanged, with its id

Uses NEO4J_URI, or the local Neo4j (started if needed).`;

export const ingestCommand: Command = {
  summary: "ingest documents (files, folders, globs; .md .txt .json .jsonl) into the graph",
  async run(args) {
    const { values, positionals } = parseArgs({
      args,
      options: {
        "dry-run": { type: "boolean", default: false },
        concurrency: { type: "string", default: "4" },
        sample: { type: "boolean", default: false },
        verbose: { type: "boolean", short: "v", default: false },
        help: { type: "boolean", short: "h", default: false },
      },
      allowPositionals: true,
    });
    const inputs = values.sample ? [SAMPLE_CORPUS, ...positionals] : positionals;
    if (values.help || inputs.length === 0) {
      console.log(HELP);
      return values.help ? 0 : 2;
    }
    const concurrency = Number(values.concurrency);
    if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 64) {
      throw new Error("--concurrency must be a whole number from 1 to 64.");
    }
    const config = loadConfig();
    const db = await openDatabase(config, (m) => console.error(m));
    const graph = createGraph(db);
    const progress = createProgress(values["dry-run"] ? "dry run" : "ingest", "docs");
    try {
      const summary = await ingestPaths(graph, inputs, {
        concurrency,
        maxBytes: config.limits.ingestMaxBytes,
        dryRun: values["dry-run"],
        onProgress: ({ done, total }) => progress.update(done, total),
        onFailure: (failure) => progress.log(`failed: ${failure.origin}: ${failure.reason}`),
        ...(values.verbose
          ? {
              onOutcome: (o: IngestOutcome) =>
                progress.log(`${o.status}: ${o.origin} -> ${o.id} (${o.claims} claims, ${o.events} events)`),
            }
          : {}),
      });
      progress.stop();
      if (values["dry-run"]) {
        for (const outcome of summary.outcomes) {
          console.log(
            `would be ${outcome.status}: ${outcome.origin} -> ${outcome.id} (${outcome.actors} actors, ${outcome.claims} claims, ${outcome.events} events)`,
          );
        }
      }
      const verb = values["dry-run"] ? "would be " : "";
      console.log(
        `${summary.documents} documents in ${summary.seconds.toFixed(1)} s (${(summary.documents / Math.max(summary.seconds, 0.001)).toFixed(1)}/s): ` +
          `${verb}new ${summary.created}, ${verb}updated ${summary.replaced}, unchanged ${summary.unchanged}, failed ${summary.failed}; ` +
          `written: ${summary.actors} actor mentions, ${summary.claims} claims, ${summary.events} events${values["dry-run"] ? " (dry run: nothing written)" : ""}`,
      );
      return summary.failed > 0 ? 1 : 0;
    } finally {
      await db.close();
    }
  },
};
