// Reads counts written as digits or words ("47", "two dozen", "Twenty", "a").
const UNITS: Record<string, number> = {
  a: 1,
  an: 1,
  one: 1,
  single: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
  hundred: 100,
  dozen: 12,
  "a dozen": 12,
  "half a dozen": 6,
};

/** The number words as a regex source, for patterns that need to find a count. */
export const NUMBER_PATTERN =
  "(?:\\d{1,3}(?:,\\d{3})+|\\d+|(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)[- ])?(?:one|two|three|four|five|six|seven|eight|nine)(?: dozen| hundred)?|half a dozen|a dozen|dozens?|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|a hundred|an?|single)";

/** Parses one count; null when the words give no exact number ("dozens", "several"). */
export function parseCount(words: string): number | null {
  const text = words.trim().toLowerCase().replace(/\s+/g, " ");
  if (/^\d{1,3}(,\d{3})+$|^\d+$/.test(text)) return Number(text.replace(/,/g, ""));
  if (text in UNITS) return UNITS[text] ?? null;
  const multiplied = /^(.+?) (dozen|hundred)$/.exec(text);
  if (multiplied) {
    const base = parseCount(multiplied[1] ?? "");
    return base === null ? null : base * (multiplied[2] === "dozen" ? 12 : 100);
  }
  const compound =
    /^(twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)[- ](one|two|three|four|five|six|seven|eight|nine)$/.exec(
      text,
    );
  if (compound) return (UNITS[compound[1] ?? ""] ?? 0) + (UNITS[compound[2] ?? ""] ?? 0);
  return null;
}
