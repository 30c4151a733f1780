// One transaction per document, also when the ingesting process is killed:
// `actorgraph ingest` is SIGKILLed mid-batch, and afterwards every document
// is either fully in the graph (all its claims and events) or absent; a
// re-run completes the batch.
import { spawn } from "node:child_process";
import { mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../src/db/database.ts";
import { PROJECT_ROOT } from "../../src/db/local-neo4j.ts";
import { createGraph, type Graph } from "../../src/graph/index.ts";
import { hashContent, toDocumentId } from "../../src/ingest/document-identity.ts";
import { extractDocument } from "../../src/ingest/extractor.ts";
import { SAMPLE_CORPUS } from "../../src/ingest/ingest-paths.ts";
import { openTestDatabase, testDatabaseOptions, wipe } from "../helpers/database.ts";

let db: Database;
let graph: Graph;
let batchDir: string;

/** What each document of the batch must look like when present: its id and extraction counts. */
type Expected = { id: string; claims: number; events: number };
const expected: Expected[] = [];

beforeAll(async () => {
  db = await openTestDatabase();
  graph = createGraph(db);
  await wipe(db);
  // A batch of 40 documents: the sample articles under several URLs.
  batchDir = await mkdtemp(path.join(tmpdir(), "actorgraph-batch-"));
  const articles = (await readdir(SAMPLE_CORPUS)).filter((f) => f.endsWith(".md"));
  const lines: string[] = [];
  for (let copy = 0; lines.length < 40; copy++) {
    for (const file of articles) {
      if (lines.length >= 40) break;
      const text = await readFile(path.join(SAMPLE_CORPUS, file), "utf8");
      const url = `https://example.org/batch/${copy}/${file}`;
      lines.push(JSON.stringify({ text, url }));
      const { body, meta, extraction } = extractDocument(text, { url });
      const id = toDocumentId({ url: meta.url, title: meta.title, contentHash: hashContent(body) });
      expected.push({
        id,
        claims: extraction.relations.length,
        events: new Set(extraction.events.map((e) => e.id)).size,
      });
    }
  }
  await writeFile(path.join(batchDir, "batch.jsonl"), `${lines.join("\n")}\n`);
});

afterAll(async () => {
  await db.close();
  await rm(batchDir, { recursive: true, force: true });
});

function runIngest(onOutput?: (text: string, kill: () => void) => void): Promise<number | null> {
  const { uri, user, password } = testDatabaseOptions();
  const args = [path.join(PROJECT_ROOT, "bin/actorgraph.js"), "ingest", "--verbose", "--concurrency", "2", batchDir];
  const child = spawn(process.execPath, args, {
    cwd: PROJECT_ROOT,
    env: { ...process.env, NEO4J_URI: uri, NEO4J_USER: user, NEO4J_PASSWORD: password },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const kill = () => child.kill("SIGKILL");
  child.stdout.on("data", (chunk) => onOutput?.(String(chunk), kill));
  child.stderr.on("data", (chunk) => onOutput?.(String(chunk), kill));
  return new Promise((resolve) => child.on("exit", (code) => resolve(code)));
}

async function presentDocuments(): Promise<Map<string, { claims: number; events: number }>> {
  const found = new Map<string, { claims: number; events: number }>();
  const ids = expected.map((e) => e.id);
  const documents = await graph.findDocumentsByIds(ids);
  const claims = await graph.findClaimsOfDocuments(ids, { first: 100 });
  const contents = await graph.findDocumentContents(ids);
  documents.forEach((document, i) => {
    if (document) found.set(document.id, { claims: claims[i]?.length ?? 0, events: contents[i]?.events.length ?? 0 });
  });
  return found;
}

describe("ingest killed mid-batch", () => {
  it("leaves every document whole or absent, and a re-run completes the batch", async () => {
    // Kill once five documents are written: others are in flight.
    let written = 0;
    const code = await runIngest((text, kill) => {
      written += (text.match(/^created: /gm) ?? []).length;
      if (written >= 5) kill();
    });
    expect(code).toBeNull(); // killed by the signal, not finished
    const afterKill = await presentDocuments();
    expect(afterKill.size).toBeLessThan(expected.length);
    for (const [id, counts] of afterKill) {
      const want = expected.find((e) => e.id === id);
      expect(counts).toEqual({ claims: Math.min(want?.claims ?? -1, 100), events: want?.events });
    }

    expect(await runIngest()).toBe(0);
    const complete = await presentDocuments();
    expect(complete.size).toBe(expected.length);
    for (const want of expected) {
      expect(complete.get(want.id)).toEqual({ claims: Math.min(want.claims, 100), events: want.events });
    }
  }, 240_000);
});
