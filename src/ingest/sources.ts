// Finds and reads the documents to ingest: files, folders and globs of .md,
// .txt, .json (one document or an array) and .jsonl (one per line). A file or
// line that cannot be read becomes a failure with its reason; it never stops
// the others.
import { readFile, stat } from "node:fs/promises";
import path from "node:path";
import fg from "fast-glob";
import type { DocumentMeta } from "../model.ts";

export const DOCUMENT_EXTENSIONS = ["md", "markdown", "txt", "json", "jsonl"] as const;

export type SourceDocument = {
  /** Where it came from, for messages: "articles/a.md" or "batch.jsonl:12". */
  origin: string;
  /** The text; Markdown may still carry its front matter, which extraction reads. */
  content: string;
  /** Metadata given outside the text (JSON fields); front matter fills the rest. */
  meta: Partial<DocumentMeta>;
};

export type SourceFailure = { origin: string; reason: string };

export type SourceItem = { document: SourceDocument } | { failure: SourceFailure };

const GLOB_CHARS = /[*?[\]{}]/;

/** Expands inputs into files. Inputs that match nothing are failures, not silence. */
export async function expandInputs(inputs: string[]): Promise<{ files: string[]; failures: SourceFailure[] }> {
  const files = new Set<string>();
  const failures: SourceFailure[] = [];
  const pattern = `**/*.{${DOCUMENT_EXTENSIONS.join(",")}}`;
  for (const input of inputs) {
    if (GLOB_CHARS.test(input)) {
      const matches = await fg(input, { onlyFiles: true, dot: false });
      if (matches.length === 0) failures.push({ origin: input, reason: "the pattern matches no file" });
      for (const match of matches.sort()) files.add(match);
      continue;
    }
    const info = await stat(input).catch(() => null);
    if (!info) {
      failures.push({ origin: input, reason: "no such file or folder" });
    } else if (info.isDirectory()) {
      const matches = await fg(pattern, { cwd: input, onlyFiles: true });
      if (matches.length === 0)
        failures.push({
          origin: input,
          reason: `the folder holds no ${DOCUMENT_EXTENSIONS.map((e) => `.${e}`).join(", ")} file`,
        });
      for (const match of matches.sort()) files.add(path.join(input, match));
    } else {
      files.add(input);
    }
  }
  return { files: [...files], failures };
}

const strictUtf8 = new TextDecoder("utf-8", { fatal: true });

function decode(bytes: Buffer): string | null {
  try {
    return strictUtf8.decode(bytes);
  } catch {
    return null;
  }
}

const META_FIELDS = ["title", "url", "publishedAt", "source", "license"] as const;

/** A JSON document: { text, title?, url?, publishedAt?, source?, license? }. */
export function toSourceDocument(value: unknown, origin: string): SourceItem {
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    return { failure: { origin, reason: "expected an object with a text field" } };
  }
  const record = value as Record<string, unknown>;
  if (typeof record.text !== "string" || record.text.trim() === "") {
    return { failure: { origin, reason: "the text field is missing or empty" } };
  }
  const meta: Partial<DocumentMeta> = {};
  for (const field of META_FIELDS) {
    const v = record[field];
    if (v === undefined || v === null) continue;
    if (typeof v !== "string") return { failure: { origin, reason: `${field} must be a string` } };
    meta[field] = v;
  }
  if (meta.publishedAt && Number.isNaN(Date.parse(meta.publishedAt))) {
    return {
      failure: { origin, reason: `publishedAt "${meta.publishedAt}" is not a date (use YYYY-MM-DD or ISO 8601)` },
    };
  }
  return { document: { origin, content: record.text, meta } };
}

/** Reads one file into documents (several for .json arrays and .jsonl). */
export async function* readSourceFile(file: string, maxBytes: number): AsyncGenerator<SourceItem> {
  const info = await stat(file).catch(() => null);
  if (!info?.isFile()) {
    yield { failure: { origin: file, reason: "not a readable file" } };
    return;
  }
  const extension = path.extname(file).slice(1).toLowerCase();
  const isLines = extension === "jsonl";
  if (!isLines && info.size > maxBytes) {
    yield {
      failure: { origin: file, reason: `the file is ${info.size} bytes; the limit is ${maxBytes} (INGEST_MAX_BYTES)` },
    };
    return;
  }
  const bytes = await readFile(file);
  const text = decode(bytes);
  if (text === null) {
    yield { failure: { origin: file, reason: "not valid UTF-8 text (is it a binary file?)" } };
    return;
  }
  if (text.includes("\u0000")) {
    yield { failure: { origin: file, reason: "contains NUL bytes: not a text document" } };
    return;
  }
  switch (extension) {
    case "md":
    case "markdown":
    case "txt":
      if (text.trim() === "") yield { failure: { origin: file, reason: "the file is empty" } };
      else yield { document: { origin: file, content: text, meta: {} } };
      return;
    case "json": {
      let parsed: unknown;
      try {
        parsed = JSON.parse(text);
      } catch (error) {
        yield { failure: { origin: file, reason: `invalid JSON: ${(error as Error).message}` } };
        return;
      }
      const items = Array.isArray(parsed) ? parsed : [parsed];
      for (const [index, item] of items.entries()) {
        yield toSourceDocument(item, Array.isArray(parsed) ? `${file}[${index}]` : file);
      }
      return;
    }
    case "jsonl": {
      const lines = text.split(/\r?\n/);
      for (const [index, line] of lines.entries()) {
        if (line.trim() === "") continue;
        const origin = `${file}:${index + 1}`;
        if (Buffer.byteLength(line) > maxBytes) {
          yield { failure: { origin, reason: `the line is longer than ${maxBytes} bytes (INGEST_MAX_BYTES)` } };
          continue;
        }
        let parsed: unknown;
        try {
          parsed = JSON.parse(line);
        } catch (error) {
          yield { failure: { origin, reason: `invalid JSON: ${(error as Error).message}` } };
          continue;
        }
        yield toSourceDocument(parsed, origin);
      }
      return;
    }
    default:
      yield {
        failure: {
          origin: file,
          reason: `unsupported file type .${extension} (use ${DOCUMENT_EXTENSIONS.map((e) => `.${e}`).join(", ")})`,
        },
      };
  }
}
