// Splits a news file into its front matter (title, published, url, …) and the
// body that evidence offsets point into.
import type { DocumentMeta } from "../model.ts";

export type ParsedDocument = { meta: DocumentMeta; body: string };

const EMPTY_META: DocumentMeta = { title: null, url: null, publishedAt: null, source: null, license: null };

/**
 * Front matter is only recognised when the file starts with a `---` line and a
 * closing `---` line follows; anything else is body. The body starts after the
 * closing line and its line break, as the contract defines the offsets.
 */
export function parseDocument(text: string): ParsedDocument {
  const source = text.startsWith("\uFEFF") ? text.slice(1) : text;
  const opening = /^---[ \t]*\r?\n/.exec(source);
  if (!opening) return { meta: { ...EMPTY_META }, body: source };
  const closing = /^---[ \t]*(?:\r?\n|$)/m;
  const rest = source.slice(opening[0].length);
  const end = closing.exec(rest);
  if (!end) return { meta: { ...EMPTY_META }, body: source };
  const header = rest.slice(0, end.index);
  const body = rest.slice(end.index + end[0].length);
  return { meta: toMeta(readFields(header)), body };
}

/** Reads `key: value` lines; a field the extractor does not understand is kept but ignored. */
function readFields(header: string): Map<string, string> {
  const fields = new Map<string, string>();
  for (const line of header.split(/\r?\n/)) {
    const match = /^([A-Za-z_][\w-]*)\s*:\s*(.*)$/.exec(line);
    if (!match) continue;
    fields.set((match[1] ?? "").toLowerCase(), unquote((match[2] ?? "").trim()));
  }
  return fields;
}

function unquote(value: string): string {
  if (value.length >= 2 && value.startsWith('"') && value.endsWith('"')) {
    try {
      return String(JSON.parse(value));
    } catch {
      return value.slice(1, -1);
    }
  }
  if (value.length >= 2 && value.startsWith("'") && value.endsWith("'")) return value.slice(1, -1).replace(/''/g, "'");
  return value;
}

function toMeta(fields: Map<string, string>): DocumentMeta {
  const published = fields.get("published") ?? fields.get("date") ?? null;
  return {
    title: fields.get("title") || null,
    url: fields.get("url") || null,
    publishedAt: published && /^\d{4}-\d{2}-\d{2}/.test(published) ? published : null,
    source: fields.get("source") || null,
    license: fields.get("license") || null,
  };
}
