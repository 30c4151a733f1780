// Splits a source sentence around the phrase that carries a claim, so the
// evidence panel can mark it. Matching ignores case and runs of whitespace,
// because the quote and the sentence may come from differently wrapped text.

export type QuoteSegment = { text: string; marked: boolean };

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

export function toQuoteSegments(sentence: string, phrase: string | null | undefined): QuoteSegment[] {
  const words = (phrase ?? "").trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return [{ text: sentence, marked: false }];
  const pattern = new RegExp(words.map(escapeRegExp).join("\\s+"), "i");
  const match = pattern.exec(sentence);
  if (!match) return [{ text: sentence, marked: false }];
  const segments: QuoteSegment[] = [
    { text: sentence.slice(0, match.index), marked: false },
    { text: match[0], marked: true },
    { text: sentence.slice(match.index + match[0].length), marked: false },
  ];
  return segments.filter((segment) => segment.text.length > 0);
}
