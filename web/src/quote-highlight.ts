// Splits a source sentence around the phrases that carry a claim (the
// relation's phrase when the API gives one, else the names of the two actors),
// so the evidence panel can mark them. Matching ignores case and runs of
// whitespace, since quote and sentence may be wrapped differently.

export type QuoteSegment = { text: string; marked: boolean };

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

function toPattern(phrase: string): string | null {
  const words = phrase.trim().split(/\s+/).filter(Boolean);
  return words.length === 0 ? null : words.map(escapeRegExp).join("\\s+");
}

export function toQuoteSegments(sentence: string, phrases: readonly (string | null | undefined)[]): QuoteSegment[] {
  // Longest first, so "IRGC-Quds Force" wins over "IRGC" at the same place.
  const patterns = [...new Set(phrases.filter((p): p is string => !!p?.trim()))]
    .sort((a, b) => b.length - a.length)
    .map(toPattern)
    .filter((p): p is string => p !== null);
  if (patterns.length === 0) return [{ text: sentence, marked: false }];
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])(?:${patterns.join("|")})(?![\\p{L}\\p{N}])`, "giu");
  const segments: QuoteSegment[] = [];
  let last = 0;
  for (const match of sentence.matchAll(pattern)) {
    if (match.index > last) segments.push({ text: sentence.slice(last, match.index), marked: false });
    segments.push({ text: match[0], marked: true });
    last = match.index + match[0].length;
  }
  if (last < sentence.length) segments.push({ text: sentence.slice(last), marked: false });
  return segments;
}

/** The search API's snippets mark matched words **like this**. */
export function toSnippetSegments(snippet: string): QuoteSegment[] {
  return snippet
    .split(/(\*\*[^*]+\*\*)/)
    .filter((part) => part.length > 0)
    .map((part) =>
      part.startsWith("**") && part.endsWith("**") && part.length > 4
        ? { text: part.slice(2, -2), marked: true }
        : { text: part, marked: false },
    );
}

/** Segments as DOM nodes: text, with <mark> around the marked ones (never innerHTML). */
export function appendSegments(parent: HTMLElement, segments: readonly QuoteSegment[]): void {
  for (const segment of segments) {
    if (!segment.marked) parent.append(segment.text);
    else {
      const mark = document.createElement("mark");
      mark.textContent = segment.text;
      parent.append(mark);
    }
  }
}
