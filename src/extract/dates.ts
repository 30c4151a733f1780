// Finds the date an event happened on: absolute ("Oct. 18", "12 January 2024",
// "October 7, 2023") or relative to the document date ("yesterday", "Monday").
export type FoundDate = {
  iso: string | null;
  precision: "day" | "month" | "year" | "range";
  start: number;
  end: number;
};

const MONTHS: Record<string, number> = {
  jan: 1,
  january: 1,
  feb: 2,
  february: 2,
  mar: 3,
  march: 3,
  apr: 4,
  april: 4,
  may: 5,
  jun: 6,
  june: 6,
  jul: 7,
  july: 7,
  aug: 8,
  august: 8,
  sep: 9,
  sept: 9,
  september: 9,
  oct: 10,
  october: 10,
  nov: 11,
  november: 11,
  dec: 12,
  december: 12,
};
const WEEKDAYS = ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"];
const MONTH =
  "(Jan(?:uary|\\.)?|Feb(?:ruary|\\.)?|Mar(?:ch|\\.)?|Apr(?:il|\\.)?|May|June?\\.?|July?\\.?|Aug(?:ust|\\.)?|Sept?(?:ember|\\.)?|Oct(?:ober|\\.)?|Nov(?:ember|\\.)?|Dec(?:ember|\\.)?)";

// Order matters: the longer forms are tried first at each position.
const DATE_PATTERN = new RegExp(
  [
    `\\b${MONTH} (\\d{1,2}),? (\\d{4})\\b`, // October 7, 2023
    `\\b(\\d{1,2}) ${MONTH},? (\\d{4})\\b`, // 12 January 2024
    `\\b${MONTH} (\\d{1,2})(?!\\d|,? \\d{4})\\b`, // Oct. 18
    `\\b(\\d{1,2}) ${MONTH}\\b(?! \\d{4})`, // 19 October
    `\\b${MONTH},? (\\d{4})\\b`, // January 2020
    `\\b(yesterday|today|last night|(?:on|last|this) (?:Sunday|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday))\\b`,
  ].join("|"),
  "gi",
);
const YEAR_PATTERN = /\b(19[5-9]\d|20[0-4]\d)\b/g;

function pad(n: number): string {
  return String(n).padStart(2, "0");
}

function monthOf(word: string | undefined): number | null {
  if (!word) return null;
  return MONTHS[word.toLowerCase().replace(/\.$/, "")] ?? null;
}

function validDay(year: number, month: number, day: number): boolean {
  return day >= 1 && day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function addDays(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/**
 * All date expressions of a text. `anchor` is the document date (for relative
 * words) and `contextYear` the year the text last spoke of (for "July 27").
 */
export function findDates(text: string, anchor: string | null, contextYear: number | null): FoundDate[] {
  const found: FoundDate[] = [];
  DATE_PATTERN.lastIndex = 0;
  for (let m = DATE_PATTERN.exec(text); m; m = DATE_PATTERN.exec(text)) {
    const start = m.index;
    const end = start + m[0].length;
    const year = contextYear ?? (anchor ? Number(anchor.slice(0, 4)) : null);
    if (m[1] !== undefined) {
      found.push(day(Number(m[3]), monthOf(m[1]), Number(m[2]), start, end));
    } else if (m[4] !== undefined) {
      found.push(day(Number(m[6]), monthOf(m[5]), Number(m[4]), start, end));
    } else if (m[7] !== undefined) {
      found.push(day(year, monthOf(m[7]), Number(m[8]), start, end));
    } else if (m[9] !== undefined) {
      found.push(day(year, monthOf(m[10]), Number(m[9]), start, end));
    } else if (m[11] !== undefined) {
      found.push({ iso: null, precision: "month", start, end });
    } else if (m[13] !== undefined) {
      found.push({ iso: relative(m[13].toLowerCase(), anchor), precision: "day", start, end });
    }
  }
  return found.filter((d) => d.iso !== null || d.precision !== "day");
}

function day(year: number | null, month: number | null, dayOfMonth: number, start: number, end: number): FoundDate {
  if (year === null || month === null || !validDay(year, month, dayOfMonth))
    return { iso: null, precision: "day", start, end };
  return { iso: `${year}-${pad(month)}-${pad(dayOfMonth)}`, precision: "day", start, end };
}

function relative(word: string, anchor: string | null): string | null {
  if (!anchor) return null;
  const date = anchor.slice(0, 10);
  if (word === "today") return date;
  if (word === "yesterday" || word === "last night") return addDays(date, -1);
  const weekday = WEEKDAYS.indexOf(word.split(" ")[1] ?? "");
  if (weekday < 0) return null;
  // "On Monday" in a report is the most recent Monday before the report; "last Monday" likewise.
  const anchorDay = new Date(`${date}T00:00:00Z`).getUTCDay();
  const back = (anchorDay - weekday + 7) % 7 || 7;
  return addDays(date, -back);
}

/** The last four-digit year a text mentions, so later "July 27" reads in that year. */
export function lastYearIn(text: string): number | null {
  let year: number | null = null;
  YEAR_PATTERN.lastIndex = 0;
  for (let m = YEAR_PATTERN.exec(text); m; m = YEAR_PATTERN.exec(text)) year = Number(m[1]);
  return year;
}
