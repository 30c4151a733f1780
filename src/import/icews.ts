// ICEWS event quadruples (TSV with a header: subject, rel_id,
// relation_inferred, object, date) -> imported records. Every row is an
// event; a row whose CAMEO relation maps onto a predicate is also a claim.
import { createInterface } from "node:readline";
import type { Readable } from "node:stream";
import { type ActorResolver, toImportedActor } from "./actor-names.ts";
import { mapCameo } from "./cameo.ts";
import type { ParseResult } from "./records.ts";

export const ICEWS_LICENSE = "ICEWS (Harvard Dataverse doi:10.7910/DVN/28075): research and educational use only";

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export type IcewsColumns = { subject: number; relId: number; relation: number | null; object: number; date: number };

export function readIcewsHeader(header: string): IcewsColumns {
  const names = header.split("\t").map((n) => n.trim());
  const at = (name: string) => names.indexOf(name);
  const columns = {
    subject: at("subject"),
    relId: at("rel_id"),
    relation: at("relation_inferred") >= 0 ? at("relation_inferred") : null,
    object: at("object"),
    date: at("date") >= 0 ? at("date") : at("date_assumed"),
  };
  const missing = Object.entries(columns)
    .filter(([key, index]) => key !== "relation" && index === -1)
    .map(([key]) => key);
  if (missing.length > 0) {
    throw new Error(
      `Not an ICEWS file: the header lacks ${missing.join(", ")}. Expected tab-separated columns subject, rel_id, [relation_inferred,] object, date (or date_assumed).`,
    );
  }
  return columns;
}

/** dataset: a short name used in ids ("icews14"), so re-imports of the same file are idempotent. */
export function parseIcewsLine(
  line: string,
  lineNumber: number,
  columns: IcewsColumns,
  dataset: string,
  resolve: ActorResolver | null,
): ParseResult {
  const fields = line.split("\t");
  const subjectName = fields[columns.subject]?.trim() ?? "";
  const objectName = fields[columns.object]?.trim() ?? "";
  const date = fields[columns.date]?.trim() ?? "";
  const relId = fields[columns.relId]?.trim() ?? "";
  const relation = columns.relation === null ? "" : (fields[columns.relation]?.trim() ?? "");
  if (!subjectName || !objectName) return { rejected: { line: lineNumber, reason: "missing subject or object" } };
  if (!ISO_DATE.test(date) || Number.isNaN(Date.parse(date))) {
    return { rejected: { line: lineNumber, reason: `date "${date}" is not a date (YYYY-MM-DD)` } };
  }
  const subject = toImportedActor(subjectName, resolve);
  const object = toImportedActor(objectName, resolve);
  if (!subject || !object) return { rejected: { line: lineNumber, reason: "subject or object has no usable name" } };

  const id = `${dataset}-${lineNumber}`;
  const mapping = relation ? mapCameo(relation) : null;
  const description = relation || `CAMEO relation ${relId || "unknown"}`;
  const quote = `${subject.name} — ${description} — ${object.name} (${date})`;
  return {
    record: {
      id,
      document: {
        id,
        title: quote,
        url: null,
        publishedAt: date,
        source: `ICEWS (${dataset})`,
        license: ICEWS_LICENSE,
      },
      event: {
        id,
        type:
          mapping?.eventType ??
          (relation
            ? relation
                .toUpperCase()
                .replace(/[^A-Z0-9]+/g, "_")
                .replace(/^_|_$/g, "")
            : `CAMEO_${relId || "UNKNOWN"}`),
        date,
        datePrecision: "day",
        endDate: null,
        locations: [],
        perpetrators: [subject],
        targets: [object],
        killed: { low: null, best: null, high: null },
        quote,
      },
      claim: mapping
        ? {
            id,
            subject,
            object,
            predicate: mapping.predicate,
            modality: mapping.modality,
            // Machine-coded events: useful in aggregate, weak one by one.
            confidence: 0.5,
            attribution: "ICEWS",
            quote,
          }
        : null,
    },
  };
}

export async function* readIcews(
  input: Readable,
  dataset: string,
  resolve: ActorResolver | null,
): AsyncGenerator<ParseResult> {
  const lines = createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY });
  let columns: IcewsColumns | null = null;
  let lineNumber = 0;
  for await (const line of lines) {
    lineNumber++;
    if (columns === null) {
      columns = readIcewsHeader(line);
      continue;
    }
    if (!line.trim()) continue;
    yield parseIcewsLine(line, lineNumber, columns, dataset, resolve);
  }
}
