// A document's identity: the same URL is the same document (new content
// replaces the old), and without a URL the same content is the same document.
import { createHash } from "node:crypto";
import { slugify } from "../slug.ts";

export function hashContent(text: string): string {
  // Line endings and trailing spaces do not make a new version.
  const normalised = text
    .replace(/\r\n?/g, "\n")
    .replace(/[ \t]+$/gm, "")
    .trim();
  return createHash("sha256").update(normalised).digest("hex");
}

function slug(text: string, max: number): string {
  return slugify(text).slice(0, max).replace(/-+$/, "");
}

/**
 * A readable, stable id: a slug of the URL's last path segment (or of the
 * title) plus a short hash of the URL (or of the content).
 */
export function toDocumentId(input: { url: string | null; title: string | null; contentHash: string }): string {
  if (input.url) {
    const urlHash = createHash("sha256").update(input.url.trim()).digest("hex").slice(0, 10);
    let segment = "";
    try {
      const parsed = new URL(input.url);
      segment = parsed.pathname.split("/").filter(Boolean).pop() ?? parsed.hostname;
    } catch {
      segment = input.url;
    }
    const base = slug(decodeURIComponent(segment).replace(/\.[a-z]{2,5}$/i, ""), 60) || "doc";
    return `${base}-${urlHash}`;
  }
  const base = slug(input.title ?? "", 60) || "doc";
  return `${base}-${input.contentHash.slice(0, 10)}`;
}
