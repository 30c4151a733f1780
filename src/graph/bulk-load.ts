// The first load of a new database, offline: dataset records become the CSV
// files `neo4j-admin database import full` reads, with exactly the graph the
// transactional import (./import.ts) writes for the same records and batch
// size: actors merged batch by batch as import/merge-actors merges them, a
// document, event and claim per record with the same properties and links,
// and the aggregated relations computed from all claims by aggregateClaims.
// The admin tool then writes store files directly (no transactions, no
// MERGE, no per-row index updates), which is why it is fast and why it only
// fills an empty database. What CSV cannot say (empty lists) is filled in by
// `completeBulkLoad` once the database runs.
import { once } from "node:events";
import { createWriteStream, type WriteStream } from "node:fs";
import path from "node:path";
import { stringify } from "csv-stringify/sync";
import { ARRAY_DELIMITER, type BulkFile } from "../db/admin-import.ts";
import type { Database } from "../db/database.ts";
import { InvalidInputError } from "../errors.ts";
import type { ImportedRecord } from "../import/records.ts";
import { aggregateClaims, type ClaimEvidence } from "./aggregate.ts";
import {
  type ActorRow,
  collectActors,
  mentionedActors,
  toClaimProperties,
  toDocumentProperties,
  toEventProperties,
} from "./import.ts";

export type BulkLoadSummary = {
  documents: number;
  events: number;
  claims: number;
  actors: number;
  relations: number;
  files: BulkFile[];
};

type Column = { name: string; type?: "double" | "boolean" | "string[]" };

/** Rows turned into CSV text per call (see CsvFile.write). */
const WRITE_CHUNK = 2000;

/** One CSV file, written as records arrive; remembers whether any value spans lines. */
class CsvFile {
  readonly file: string;
  private readonly out: WriteStream;
  private readonly columns: Column[];
  /** The row key of each column: "id" for "id:ID(Actor)", ":START_ID" for ":START_ID(Actor)". */
  private readonly keys: string[];
  multiline = false;
  rows = 0;

  constructor(dir: string, fileName: string, columns: Column[]) {
    this.file = path.join(dir, fileName);
    this.columns = columns;
    this.keys = columns.map(({ name }) =>
      name.startsWith(":") ? name.replace(/\(.*$/, "") : name.replace(/:.*$/, ""),
    );
    this.out = createWriteStream(this.file);
    this.out.write(`${columns.map((c) => (c.type ? `${c.name}:${c.type}` : c.name)).join(",")}\n`);
  }

  /**
   * Appends rows (objects keyed by column name; null or undefined: no
   * property), a few thousand at a time: one text for hundreds of thousands
   * of rows keeps them all alive at once, and the collector then spends more
   * time than the writing (a one-off comparison on a 500k-claim synthetic load).
   */
  async write(rows: Record<string, unknown>[]): Promise<void> {
    for (let i = 0; i < rows.length; i += WRITE_CHUNK) await this.writeChunk(rows.slice(i, i + WRITE_CHUNK));
  }

  private async writeChunk(rows: Record<string, unknown>[]): Promise<void> {
    if (rows.length === 0) return;
    const cells = rows.map((row) =>
      this.columns.map(({ name, type }, i) => {
        const value = row[this.keys[i] as string];
        if (value === null || value === undefined) return null;
        if (type === "string[]") {
          const list = value as string[];
          // Split on read, it would become two elements: refuse rather than change the data.
          const bad = list.find((item) => item.includes(ARRAY_DELIMITER));
          if (bad !== undefined) {
            throw new InvalidInputError(
              `${path.basename(this.file)}: "${name}" element ${JSON.stringify(bad)} contains the list delimiter U+001F; ` +
                "remove the control character from the source file, or load it with `actorgraph import`.",
            );
          }
          return list.length === 0 ? null : list.join(ARRAY_DELIMITER);
        }
        if (typeof value === "string" && (value.includes("\n") || value.includes("\r"))) this.multiline = true;
        return value;
      }),
    );
    this.rows += rows.length;
    const text = stringify(cells, { quoted_string: true, cast: { boolean: (v) => String(v) } });
    if (!this.out.write(text)) await once(this.out, "drain");
  }

  async close(): Promise<void> {
    this.out.end();
    await once(this.out, "finish");
  }
}

const strings = (...names: string[]): Column[] => names.map((name) => ({ name }));
const doubles = (...names: string[]): Column[] => names.map((name) => ({ name, type: "double" as const }));

/** A link between two ID spaces: start and end node ids. */
const linkColumns = (from: string, to: string): Column[] => [
  { name: `:START_ID(${from})` },
  { name: `:END_ID(${to})` },
];

type StoredActor = { row: ActorRow; aliases: Set<string>; keys: Set<string> };
type RelationClaims = { predicate: string; fromId: string; toId: string; claims: ClaimEvidence[] };

/**
 * Writes the CSV files of a bulk load into `dir` (which must exist). Feed it
 * batches in file order with `addBatch`, then `finish` writes the actors,
 * names and aggregated relations and closes every file.
 */
export function createBulkLoadWriter(dir: string, options: { ingestedAt?: string } = {}) {
  const ingestedAt = options.ingestedAt ?? new Date().toISOString();
  const documents = new CsvFile(
    dir,
    "documents.csv",
    strings(
      "id:ID(Document)",
      "title",
      "url",
      "publishedAt",
      "publishedDate",
      "source",
      "license",
      "sortKey",
      "ingestedAt",
    ),
  );
  const events = new CsvFile(dir, "events.csv", [
    ...strings("id:ID(Event)", "type", "date", "datePrecision", "endDate", "sortKey", "quote"),
    ...doubles("killedLow", "killedBest", "killedHigh"),
  ]);
  const claims = new CsvFile(dir, "claims.csv", [
    ...strings("id:ID(Claim)", "predicate", "subjectId", "objectId", "fromId", "toId", "relationKey", "polarity"),
    ...strings("modality", "attribution", "quote", "publishedDate", "documentId"),
    ...doubles("confidence", "weight", "evidenceCount"),
  ]);
  const links = {
    MENTIONS: new CsvFile(dir, "mentions.csv", linkColumns("Document", "Actor")),
    REPORTED_IN: new CsvFile(dir, "reported-in.csv", linkColumns("Event", "Document")),
    PERPETRATED: new CsvFile(dir, "perpetrated.csv", linkColumns("Actor", "Event")),
    TARGETED: new CsvFile(dir, "targeted.csv", linkColumns("Event", "Actor")),
    OCCURRED_IN: new CsvFile(dir, "occurred-in.csv", linkColumns("Event", "Actor")),
    STATED_IN: new CsvFile(dir, "stated-in.csv", linkColumns("Claim", "Document")),
    SUBJECT: new CsvFile(dir, "subject.csv", linkColumns("Claim", "Actor")),
    OBJECT: new CsvFile(dir, "object.csv", linkColumns("Claim", "Actor")),
  };

  type LinkType = keyof typeof links;
  const seenDocuments = new Set<string>();
  const actors = new Map<string, StoredActor>();
  /** KNOWN_AS links by actor id and name key, with the source that first gave the name. */
  const knownAs = new Map<string, { actorId: string; key: string; source: string }>();
  const relations = new Map<string, RelationClaims>();

  /** Merges a batch's actor rows into the stored ones, as import/merge-actors does. */
  function mergeActors(rows: ActorRow[], source: string) {
    for (const row of rows) {
      let stored = actors.get(row.id);
      if (!stored) {
        stored = { row, aliases: new Set(), keys: new Set() };
        actors.set(row.id, stored);
      }
      for (const alias of row.aliases) if (alias !== stored.row.name) stored.aliases.add(alias);
      for (const key of row.keys) {
        stored.keys.add(key);
        const link = `${row.id}\u0000${key}`;
        if (!knownAs.has(link)) knownAs.set(link, { actorId: row.id, key, source });
      }
    }
  }

  return {
    /** One batch of records, as `saveBatch` of the transactional import would get it. */
    async addBatch(
      records: ImportedRecord[],
      source: string,
    ): Promise<{ eventsCreated: number; claimsCreated: number }> {
      const fresh: ImportedRecord[] = [];
      for (const record of records) {
        if (seenDocuments.has(record.document.id)) continue;
        seenDocuments.add(record.document.id);
        fresh.push(record);
      }
      mergeActors(collectActors(fresh), source);
      const rows = {
        documents: [] as Record<string, unknown>[],
        events: [] as Record<string, unknown>[],
        claims: [] as Record<string, unknown>[],
      };
      const linkRows = new Map<LinkType, Record<string, unknown>[]>();
      const link = (type: LinkType, start: string, end: string) => {
        const rows = linkRows.get(type) ?? [];
        rows.push({ ":START_ID": start, ":END_ID": end });
        linkRows.set(type, rows);
      };
      for (const record of fresh) {
        const { document, event, claim } = record;
        rows.documents.push({ ...toDocumentProperties(document), ingestedAt });
        for (const actor of mentionedActors(record)) link("MENTIONS", document.id, actor.id);
        if (event) {
          rows.events.push(toEventProperties(event));
          link("REPORTED_IN", event.id, document.id);
          for (const actor of event.perpetrators) link("PERPETRATED", actor.id, event.id);
          for (const actor of event.targets) link("TARGETED", event.id, actor.id);
          for (const actor of event.locations) link("OCCURRED_IN", event.id, actor.id);
        }
        if (claim) {
          const props = toClaimProperties(claim, document);
          rows.claims.push(props);
          link("STATED_IN", claim.id, document.id);
          link("SUBJECT", claim.id, claim.subject.id);
          link("OBJECT", claim.id, claim.object.id);
          let relation = relations.get(props.relationKey);
          if (!relation) {
            relation = { predicate: props.predicate, fromId: props.fromId, toId: props.toId, claims: [] };
            relations.set(props.relationKey, relation);
          }
          relation.claims.push({
            polarity: props.polarity,
            weight: props.weight,
            documentId: props.documentId,
            publishedDate: props.publishedDate,
          });
        }
      }
      await documents.write(rows.documents);
      await events.write(rows.events);
      await claims.write(rows.claims);
      for (const [type, rows] of linkRows) await links[type].write(rows);
      return { eventsCreated: rows.events.length, claimsCreated: rows.claims.length };
    },

    /** Writes actors, names and aggregated relations, closes every file and lists them for the admin tool. */
    async finish(): Promise<BulkLoadSummary> {
      const actorFile = new CsvFile(dir, "actors.csv", [
        ...strings("id:ID(Actor)", ":LABEL", "name", "type", "nameKey"),
        { name: "aliases", type: "string[]" },
        { name: "keys", type: "string[]" },
      ]);
      await actorFile.write(
        [...actors.values()].map(({ row, aliases, keys }) => ({
          id: row.id,
          ":LABEL": `Actor${ARRAY_DELIMITER}${row.type}`,
          name: row.name,
          type: row.type,
          nameKey: row.nameKey,
          aliases: [...aliases],
          keys: [...keys],
        })),
      );
      const nameFile = new CsvFile(dir, "names.csv", strings("key:ID(Name)"));
      await nameFile.write([...new Set([...knownAs.values()].map((k) => k.key))].map((key) => ({ key })));
      const knownAsFile = new CsvFile(dir, "known-as.csv", [...linkColumns("Actor", "Name"), { name: "source" }]);
      await knownAsFile.write(
        [...knownAs.values()].map((k) => ({ ":START_ID": k.actorId, ":END_ID": k.key, source: k.source })),
      );
      const relationFile = new CsvFile(dir, "relations.csv", [
        ...linkColumns("Actor", "Actor"),
        { name: ":TYPE" },
        ...strings("key", "polarity", "firstReported", "lastReported", "firstPositive"),
        ...doubles("confidence", "positiveConfidence", "negativeConfidence", "claimCount", "positiveClaims"),
        ...doubles("negativeClaims", "documentCount"),
        { name: "contested", type: "boolean" },
      ]);
      const relationRows: Record<string, unknown>[] = [];
      for (const [key, relation] of relations) {
        const aggregated = aggregateClaims(relation.claims);
        if (!aggregated) continue;
        relationRows.push({
          ":START_ID": relation.fromId,
          ":END_ID": relation.toId,
          ":TYPE": relation.predicate,
          key,
          ...aggregated,
        });
      }
      await relationFile.write(relationRows);

      const nodeFiles: [string, CsvFile][] = [
        ["Actor", actorFile],
        ["Name", nameFile],
        ["Document", documents],
        ["Event", events],
        ["Claim", claims],
      ];
      const relationshipFiles: [string, CsvFile][] = [
        ...(Object.entries(links) as [string, CsvFile][]),
        ["KNOWN_AS", knownAsFile],
        ["", relationFile],
      ];
      for (const [, file] of [...nodeFiles, ...relationshipFiles]) await file.close();
      return {
        documents: documents.rows,
        events: events.rows,
        claims: claims.rows,
        actors: actorFile.rows,
        relations: relationFile.rows,
        files: [
          ...nodeFiles.map(([name, f]) => ({ kind: "nodes" as const, name, file: f.file, multiline: f.multiline })),
          ...relationshipFiles.map(([name, f]) => ({
            kind: "relationships" as const,
            name,
            file: f.file,
            multiline: f.multiline,
          })),
        ],
      };
    },
  };
}

/** Rows filled per transaction by `completeBulkLoad`. */
const FILL_BATCH = 50_000;

/**
 * What the CSV could not carry, once the loaded database runs: empty lists
 * (an empty CSV field is no property), so actors without aliases read `[]`
 * as after a transactional import. Returns how many actors it filled.
 */
export async function completeBulkLoad(db: Database): Promise<number> {
  let filled = 0;
  for (;;) {
    const [result] = await db.write<{ filled: number }>("import/fill-empty-lists", { limit: FILL_BATCH });
    filled += result?.filled ?? 0;
    if (!result || result.filled < FILL_BATCH) return filled;
  }
}
