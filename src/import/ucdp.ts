// UCDP GED rows (CSV, one event per row) -> imported records. Columns per the
// UCDP GED codebook; quoted fields may hold newlines, so csv-parse reads them.
import type { Readable } from "node:stream";
import { parse } from "csv-parse";
import type { DatePrecision } from "../model.ts";
import { type ActorResolver, toImportedActor } from "./actor-names.ts";
import type { ImportedActor, ParseResult } from "./records.ts";

export const UCDP_LICENSE = "CC BY 4.0 (UCDP GED; Sundberg & Melander 2013, Journal of Peace Research 50(4))";

const REQUIRED = ["id", "side_a", "side_b", "date_start", "type_of_violence"] as const;

/** UCDP date_prec: 1 exact day, 2-3 a few days or a week, 4 a month, 5 longer. */
function toPrecision(code: string | undefined): DatePrecision {
  switch (code) {
    case "1":
      return "day";
    case "2":
    case "3":
      return "range";
    case "4":
      return "month";
    case "5":
      return "year";
    default:
      return "unknown";
  }
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function count(value: string | undefined): number | null {
  if (value === undefined || value.trim() === "") return null;
  const n = Number(value);
  return Number.isInteger(n) && n >= 0 ? n : Number.NaN;
}

export function parseUcdpRow(row: Record<string, string>, line: number, resolve: ActorResolver | null): ParseResult {
  for (const column of REQUIRED) {
    if (!row[column]?.trim()) return { rejected: { line, reason: `missing ${column}` } };
  }
  const id = row.id?.trim() ?? "";
  if (!/^\d+$/.test(id)) return { rejected: { line, reason: `id "${id}" is not a number` } };
  const date = row.date_start?.trim() ?? "";
  if (!ISO_DATE.test(date) || Number.isNaN(Date.parse(date))) {
    return { rejected: { line, reason: `date_start "${date}" is not a date (YYYY-MM-DD)` } };
  }
  const endDate = row.date_end?.trim() || null;
  if (endDate && !ISO_DATE.test(endDate)) return { rejected: { line, reason: `date_end "${endDate}" is not a date` } };
  const killed = { low: count(row.low), best: count(row.best), high: count(row.high) };
  if (Object.values(killed).some((n) => Number.isNaN(n))) {
    return {
      rejected: { line, reason: `deaths low/best/high "${row.low}/${row.best}/${row.high}" are not whole numbers` },
    };
  }
  const sideA = toImportedActor(row.side_a ?? "", resolve);
  const sideB = toImportedActor(row.side_b ?? "", resolve, row.type_of_violence === "3" ? "Organization" : undefined);
  if (!sideA || !sideB) return { rejected: { line, reason: "side_a or side_b has no usable name" } };

  const locations: ImportedActor[] = [];
  const place = row.where_coordinates?.trim();
  if (place) {
    const location = toImportedActor(place, resolve, "Location");
    if (location) locations.push({ ...location, type: "Location" });
  }
  const headline = row.source_headline?.replace(/\s+/g, " ").trim() || row.dyad_name || `UCDP GED event ${id}`;
  const violence = row.type_of_violence;
  return {
    record: {
      id: `ucdp-ged-${id}`,
      document: {
        id: `ucdp-ged-${id}`,
        title: headline,
        url: null,
        publishedAt: /^\d{4}-\d{2}-\d{2}/.exec(row.source_date ?? "")?.[0] ?? date,
        source: row.source_office?.trim() || "UCDP GED",
        license: UCDP_LICENSE,
      },
      event: {
        id: `ucdp-ged-${id}`,
        type: "ATTACK",
        date,
        datePrecision: toPrecision(row.date_prec?.trim()),
        endDate,
        locations,
        perpetrators: [sideA],
        targets: [sideB],
        killed,
        quote: headline,
      },
      // One-sided violence (type 3) is an attack on side B; state-based and
      // non-state conflict (types 1, 2) is fighting between the two sides.
      claim: {
        id: `ucdp-ged-${id}`,
        subject: sideA,
        object: sideB,
        predicate: violence === "3" ? "ATTACKS" : "FIGHTS",
        modality: "asserted",
        confidence: row.event_clarity === "1" ? 0.8 : 0.6,
        attribution: row.source_office?.trim() || "UCDP GED",
        quote: headline,
      },
    },
  };
}

/** Streams parse results of a UCDP GED CSV file; a broken CSV line is rejected, not fatal. */
export async function* readUcdp(input: Readable, resolve: ActorResolver | null): AsyncGenerator<ParseResult> {
  const parser = input.pipe(
    parse({
      columns: true,
      skip_empty_lines: true,
      relax_column_count: true,
      skip_records_with_error: true,
      info: true,
    }),
  );
  let rejectedByParser: { line: number; reason: string }[] = [];
  parser.on("skip", (error: Error & { lines?: number }) => {
    rejectedByParser.push({ line: error.lines ?? 0, reason: `malformed CSV: ${error.message}` });
  });
  for await (const { record, info } of parser as AsyncIterable<{
    record: Record<string, string>;
    info: { lines: number };
  }>) {
    for (const rejected of rejectedByParser) yield { rejected };
    rejectedByParser = [];
    yield parseUcdpRow(record, info.lines, resolve);
  }
  for (const rejected of rejectedByParser) yield { rejected };
}
