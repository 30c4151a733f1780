// Killed and injured counts of an attack, from digits or words, summing
// coordinated subjects ("five service members and one contractor were wounded").
import type { Casualties } from "../model.ts";
import { NUMBER_PATTERN, parseCount } from "./numbers.ts";

const N = NUMBER_PATTERN;
const KILLED = "killed|dead|died|deaths|fatalities";
const INJURED = "wounded|injured|injuries|hurt";

export function findCasualties(text: string): Casualties {
  return {
    killed: countFor(text, KILLED, "killed|killing"),
    injured: countFor(text, INJURED, "wounding|injuring|wounded|injured"),
  };
}

function countFor(text: string, outcome: string, activeVerb: string): number | null {
  // "42 deaths", "106 killed", "three soldiers killed"
  const direct = new RegExp(`\\b(?:at least\\s+)?(${N})\\s+(?:[\\w.'’-]+\\s+){0,3}?(?:${outcome})\\b`, "gi");
  // "killed 12 young people" (but not "killed a number of")
  const object = new RegExp(
    `\\b(?:${activeVerb})\\s+(?:at least\\s+)?(\\d[\\d,]*|(?!an?\\b)${N})\\s+(?!percent)`,
    "gi",
  );
  // "Twenty personnel sustained minor injuries"
  const sustained = new RegExp(
    `\\b(${N})\\s+(?:[\\w.'’-]+\\s+){0,3}?(?:sustained|suffered)\\s+(?:\\w+\\s+)?(?:${outcome})\\b`,
    "gi",
  );
  // "a U.S. contractor was killed", "five … and one … were wounded"
  const passive = new RegExp(
    `\\b(?:were|was|have been|has been|had been|are|is)\\s+(?:\\w+\\s+)?(?:${outcome})\\b`,
    "gi",
  );

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
    const m = new RegExp(`^\\s*(?:at least\\s+)?(${N})\\b`, "i").exec(part);
    const n = m ? parseCount(m[1] ?? "") : null;
    if (n === null) break;
    total = (total ?? 0) + n;
  }
  return total;
}
