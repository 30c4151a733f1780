// Killed and injured counts of an attack, from digits or words, summing
// coordinated subjects ("five service members and one contractor were wounded").
import type { Casualties } from "../model.ts";
import { NUMBER_PATTERN, parseCount } from "./numbers.ts";

const N = NUMBER_PATTERN;
const KILLED = "killed|dead|died|deaths|fatalities";
const INJURED = "wounded|injured|injuries|hurt";

type OutcomePatterns = { direct: RegExp; object: RegExp; sustained: RegExp; passive: RegExp };

function patternsFor(outcome: string, activeVerb: string): OutcomePatterns {
  return {
    // "42 deaths", "106 killed", "three soldiers killed"
    // The words between are nouns ("soldiers"), never another count or outcome ("106 killed 314 injured").
    direct: new RegExp(
      `\\b(?:at least\\s+)?(${N})\\s+(?:(?!\\d|(?:${KILLED}|${INJURED})\\b)[\\w.'’-]+\\s+){0,3}?(?:${outcome})\\b`,
      "gi",
    ),
    // "killed 12 young people" (but not "killed a number of")
    object: new RegExp(`\\b(?:${activeVerb})\\s+(?:at least\\s+)?(\\d[\\d,]*|(?!an?\\b)${N})\\s+(?!percent)`, "gi"),
    // "Twenty personnel sustained minor injuries"
    sustained: new RegExp(
      `\\b(${N})\\s+(?:[\\w.'’-]+\\s+){0,3}?(?:sustained|suffered)\\s+(?:\\w+\\s+)?(?:${outcome})\\b`,
      "gi",
    ),
    // "a U.S. contractor was killed", "five … and one … were wounded"
    passive: new RegExp(`\\b(?:were|was|have been|has been|had been|are|is)\\s+(?:\\w+\\s+)?(?:${outcome})\\b`, "gi"),
  };
}

const KILLED_PATTERNS = patternsFor(KILLED, "killed|killing");
const INJURED_PATTERNS = patternsFor(INJURED, "wounding|injuring|wounded|injured");
const SUBJECT_COUNT = new RegExp(`^\\s*(?:at least\\s+)?(${N})\\b`, "i");

export function findCasualties(text: string): Casualties {
  if (!/\b(?:kill|dead|died|death|fatalit|wound|injur|hurt)/i.test(text)) return { killed: null, injured: null };
  return { killed: countFor(text, KILLED_PATTERNS), injured: countFor(text, INJURED_PATTERNS) };
}

function countFor(text: string, { direct, object, sustained, passive }: OutcomePatterns): number | null {
  for (const m of text.matchAll(sustained)) return parseCount(m[1] ?? "");
  for (const m of text.matchAll(passive)) {
    const total = sumSubjects(text.slice(0, m.index ?? 0));
    if (total !== null) return total;
  }
  for (const m of text.matchAll(direct)) {
    if (/^an?$/i.test(m[1] ?? "")) continue;
    const n = parseCount(m[1] ?? "");
    if (n !== null) return n;
  }
  for (const m of text.matchAll(object)) {
    const n = parseCount(m[1] ?? "");
    if (n !== null) return n;
  }
  return null;
}

/** Sums the counts of the subjects just before a passive verb, walking back over "and". */
function sumSubjects(before: string): number | null {
  const tail = before.split(/[,;:(]/).at(-1) ?? "";
  const parts = tail.split(/\s+and\s+/).reverse();
  let total: number | null = null;
  for (const part of parts) {
    // A conjunct with its own verb ("a contractor was killed yesterday") is another clause.
    if (/\b(?:was|were|is|are|has|have|had|killed|wounded|injured)\b/i.test(part)) break;
    const m = SUBJECT_COUNT.exec(part);
    const n = m ? parseCount(m[1] ?? "") : null;
    if (n === null) break;
    total = (total ?? 0) + n;
  }
  return total;
}
