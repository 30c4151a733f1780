// How a sentence holds a claim: negated or not, hedged, planned or possible,
// and who says so.
import type { Modality, Polarity } from "../model.ts";

const NEGATION = /\b(?:not|never|no longer|neither|nor|without)\b|n['’]t\b/i;
const DENIAL = /\b(?:denied|denies|deny|denying|rejected claims|dismissed claims)\b/i;
const HEDGED =
  /\b(?:appears?|appeared|seems?|seemed|likely|reportedly|allegedly|apparently|suspected|believed|probably|possibly|presumably)\b/i;
const PLANNED =
  /\b(?:plan(?:s|ned|ning)?|intend(?:s|ed|ing)?|threat(?:en|ens|ened|ening)|vow(?:s|ed)?|will|prepar(?:e|es|ed|ing) to|seek(?:s|ing)? to|sought to|aim(?:s|ed)? to|pledg(?:e|es|ed) to|ready to|going to)\b/i;
const POSSIBLE = /\b(?:could|might|may|would|can)\b/i;

export function polarityOf(between: string, before: string): Polarity {
  return NEGATION.test(between) || DENIAL.test(before) ? "negative" : "positive";
}

export function modalityOf(clause: string): Modality {
  if (PLANNED.test(clause)) return "planned";
  if (POSSIBLE.test(clause)) return "possible";
  if (HEDGED.test(clause)) return "hedged";
  return "asserted";
}

const SOURCE_NOUN =
  "(?:officials?|sources?|spokes(?:person|man|woman)|analysts?|statement|report|assessment|diplomats?|officers?)";
const SAY = "(?:said|says|told|noted|stated|confirmed|announced|reported|claimed|added|warned|echoed)";
const NAME =
  "(?:(?:U\\.S\\.|U\\.K\\.|[A-Z][\\w'’.-]*)(?:\\s+(?:of\\s+|al-|the\\s+)?(?:U\\.S\\.|[A-Z][\\w'’.-]*)){0,5})";
const ANONYMOUS = `(?:(?:a|an|one|the|two|three|multiple|several|some|other)\\s+)?(?:[\\w.-]+\\s+){0,4}?${SOURCE_NOUN}`;
const ACCORDING = /\baccording to\s+(?:the\s+)?([^,.;()]{3,60}?)(?=\s*[,.;()]|$)/i;
const SPEAKER_FIRST = new RegExp(
  `(?:^|[,;:.“"]\\s*|\\b(?:and|but)\\s+)(${ANONYMOUS}|${NAME})\\s+(?:\\w+\\s+)?${SAY}\\b`,
);
const SPEAKER_LAST = new RegExp(`\\b${SAY}\\s+(?:the\\s+)?(${ANONYMOUS}|${NAME})`);

/** The speaker or source of a sentence ("according to X", "X said", "said X"), as the text names it. */
export function attributionOf(text: string): string | null {
  for (const pattern of [ACCORDING, SPEAKER_FIRST, SPEAKER_LAST]) {
    const m = pattern.exec(text);
    const source = m ? cleanSource(m[1] ?? "") : null;
    if (source) return source;
  }
  return null;
}

function cleanSource(text: string): string | null {
  const clean = text
    .replace(/^(?:a|an|one|the)\s+/i, "")
    .replace(/\s+/g, " ")
    .trim();
  if (clean.length <= 2 || /^(?:it|he|she|they|we|i|this|that|officials? (?:also|then))$/i.test(clean)) return null;
  return clean;
}
