// Dataset files as the importers see them: the format (from the extension
// or the command), the dataset name that prefixes ids and names the source
// (from the file name unless given), and the file's parse results.
import { createReadStream, type ReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import path from "node:path";
import { InvalidInputError } from "../errors.ts";
import type { ActorResolver } from "./actor-names.ts";
import { readIcews } from "./icews.ts";
import type { ParseResult } from "./records.ts";
import { readUcdp } from "./ucdp.ts";

export type DatasetFormat = "ucdp" | "icews";
export type DatasetFile = { format: DatasetFormat; file: string; dataset: string };

/** "…/icews14_named.tsv" -> "icews14-named". */
export function datasetName(file: string): string {
  return path
    .basename(file)
    .replace(/\.[^.]+$/, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-");
}

/** A file read as its extension says: .csv UCDP GED, .tsv ICEWS. */
export function datasetFile(file: string, dataset?: string): DatasetFile {
  const format = file.endsWith(".csv") ? "ucdp" : file.endsWith(".tsv") ? "icews" : null;
  if (!format) throw new InvalidInputError(`${file}: expected a UCDP GED .csv or an ICEWS .tsv file.`);
  return { format, file, dataset: dataset ?? datasetName(file) };
}

/**
 * Each file's size in bytes; a clear error (not a stack) for one that is
 * missing. Called before any file is read, so a typo fails at once.
 */
export async function fileSizes(files: readonly string[]): Promise<number[]> {
  const sizes: number[] = [];
  for (const file of files) {
    const info = await stat(file).catch(() => null);
    if (!info?.isFile()) throw new InvalidInputError(`No such file: ${file}`);
    sizes.push(info.size);
  }
  return sizes;
}

/** Opens the file and parses it; destroy `input` when done (or to stop early). */
export function readDatasetFile(
  { format, file, dataset }: DatasetFile,
  resolve: ActorResolver,
): { input: ReadStream; results: AsyncIterable<ParseResult> } {
  const input = createReadStream(file);
  return { input, results: format === "ucdp" ? readUcdp(input, resolve) : readIcews(input, dataset, resolve) };
}
