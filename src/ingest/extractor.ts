// The default Extractor for ingestion: the front matter of the text gives
// metadata, metadata given with the document (JSON fields) wins over it, and
// the body is extracted with the publication date as the anchor for
// relative dates.
import { parseDocument } from "../extract/document.ts";
import { extractBody } from "../extract/index.ts";
import type { DocumentMeta } from "../model.ts";
import type { Extractor } from "./ingest-document.ts";

export const extractDocument: Extractor = (content, given) => {
  const { meta: fromText, body } = parseDocument(content);
  const meta: DocumentMeta = {
    title: given.title ?? fromText.title,
    url: given.url ?? fromText.url,
    publishedAt: given.publishedAt ?? fromText.publishedAt,
    source: given.source ?? fromText.source,
    license: given.license ?? fromText.license,
  };
  return { body, meta, extraction: extractBody(body, meta) };
};
