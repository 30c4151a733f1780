// Fixture graphs: documents with their extraction as JSON files under
// tests/fixtures/documents/, written through the real write path (never by
// hand-written Cypher), plus a generator for graphs of any size.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import type { Graph } from "../../src/graph/index.ts";
import type { SaveDocumentInput } from "../../src/graph/write.ts";
import type { Extraction } from "../../src/model.ts";

const FIXTURES = path.join(import.meta.dirname, "../fixtures/documents");

/** The fixture documents in file order (their publication dates ascend). */
export function loadFixtureDocuments(): SaveDocumentInput[] {
  return readdirSync(FIXTURES)
    .filter((f) => f.endsWith(".json"))
    .sort()
    .map((f) => JSON.parse(readFileSync(path.join(FIXTURES, f), "utf8")) as SaveDocumentInput);
}

export async function saveFixtureDocuments(graph: Graph): Promise<SaveDocumentInput[]> {
  const documents = loadFixtureDocuments();
  for (const document of documents) await graph.saveDocument(document);
  return documents;
}

/**
 * A document naming `count` armed groups, each backed by a sponsor and
 * attacking a target, so nested queries have `count` actors with relations.
 */
export function syntheticDocument(id: string, count: number): SaveDocumentInput {
  const extraction: Extraction = {
    entities: [
      { id: "sponsor", name: "Sponsor State", type: "Country", aliases: [] },
      { id: "target", name: "Target Force", type: "MilitaryForce", aliases: [] },
    ],
    relations: [],
    events: [],
  };
  for (let i = 0; i < count; i++) {
    const groupId = `group-${String(i).padStart(3, "0")}`;
    extraction.entities.push({ id: groupId, name: `Group ${i}`, type: "ArmedGroup", aliases: [`G${i}`] });
    const evidence = [{ quote: `Group ${i} is backed by the sponsor`, start: 0, end: 10 }];
    extraction.relations.push(
      {
        subject: "sponsor",
        predicate: "FUNDS",
        object: groupId,
        polarity: "positive",
        modality: "asserted",
        confidence: 0.8,
        attribution: null,
        evidence,
      },
      {
        subject: groupId,
        predicate: "ATTACKS",
        object: "target",
        polarity: "positive",
        modality: "asserted",
        confidence: 0.9,
        attribution: null,
        evidence,
      },
    );
  }
  return {
    id,
    contentHash: `sha256:${id}`,
    meta: { title: `Synthetic ${count}`, url: null, publishedAt: "2024-03-01", source: "synthetic", license: null },
    extraction,
  };
}

/** One fixture document by position (0: Oct 2023, 1: Dec 2023, 2: Jan 2024), as a fresh copy. */
export function fixtureDocument(index: number): SaveDocumentInput {
  const document = loadFixtureDocuments()[index];
  if (!document) throw new Error(`No fixture document ${index}`);
  return document;
}
