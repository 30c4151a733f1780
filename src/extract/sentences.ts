// Cuts a body into sentence spans. News pages mix prose, hard-wrapped report
// text, infobox lines and page chrome, so line breaks are judged, not trusted.
export type Sentence = { index: number; start: number; end: number; text: string };

const ABBREVIATIONS = new Set(
  (
    "u.s u.k u.n gen brig maj lt col adm capt cmdr sgt cpl pvt rep sen gov mr mrs ms dr st jr sr no vs etc inc corp co " +
    "jan feb mar apr jun jul aug sep sept oct nov dec fla calif d.c p.m a.m e.g i.e al approx dept govt pres sec"
  ).split(" "),
);

/** A line shorter than this that does not end a sentence is a heading, a label or an infobox row. */
const SHORT_LINE = 42;

export function splitSentences(body: string): Sentence[] {
  const sentences: Sentence[] = [];
  for (const block of splitBlocks(body)) {
    for (const [start, end] of splitBlock(body, block[0], block[1]).flatMap(([a, b]) => capLength(body, a, b))) {
      const [s, e] = trim(body, start, end);
      if (e > s) sentences.push({ index: sentences.length, start: s, end: e, text: body.slice(s, e) });
    }
  }
  return sentences;
}

/** Blocks of lines that belong together: wrapped lines of one paragraph are joined. */
function splitBlocks(body: string): Array<[number, number]> {
  const blocks: Array<[number, number]> = [];
  let blockStart = -1;
  let pos = 0;
  while (pos <= body.length) {
    const nl = body.indexOf("\n", pos);
    const lineEnd = nl === -1 ? body.length : nl;
    const line = body.slice(pos, lineEnd).trim();
    if (line === "") {
      if (blockStart >= 0) blocks.push([blockStart, pos]);
      blockStart = -1;
    } else {
      if (blockStart < 0) blockStart = pos;
      const nextLine =
        nl === -1
          ? ""
          : body.slice(nl + 1, body.indexOf("\n", nl + 1) === -1 ? body.length : body.indexOf("\n", nl + 1)).trim();
      if (endsBlock(line, nextLine)) {
        blocks.push([blockStart, lineEnd]);
        blockStart = -1;
      }
    }
    if (nl === -1) break;
    pos = nl + 1;
  }
  if (blockStart >= 0) blocks.push([blockStart, body.length]);
  return blocks;
}

function endsBlock(line: string, next: string): boolean {
  if (next === "") return true;
  if (/[.!?:;|"”)\]]$/.test(line) && !/\b(?:U\.S|Gen|Brig|Dr|Mr|St)\.$/.test(line)) return true;
  if (line.length < SHORT_LINE) return true;
  if (/^(?:[-•*|=#>]|\d+\.\s)/.test(next)) return true;
  // A wrapped line continues in lower case or with a name; a new line starting upper case after a
  // long line is still the same paragraph in hard-wrapped reports, so only structure ends blocks.
  return false;
}

/** Sentence ends inside a block: terminal punctuation followed by space and an upper-case start. */
function splitBlock(body: string, start: number, end: number): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  const text = body.slice(start, end);
  // Citation marks after the full stop ("Iran.[37] During") belong to the sentence they close.
  const boundary = /[.!?…]+["”’)\]]*(?:\[\d{1,3}\])*(?=\s+["“‘([]?[A-Z0-9•])|\s[•]\s|\s\|\s/g;
  let from = 0;
  for (let m = boundary.exec(text); m; m = boundary.exec(text)) {
    const cut = m.index + m[0].length;
    if (m[0].startsWith(".") && isAbbreviation(text, m.index)) continue;
    spans.push([start + from, start + cut]);
    from = cut;
  }
  spans.push([start + from, end]);
  return spans;
}

/** Longest sentence span: text without sentence ends (tables, dumps) is cut so the patterns stay linear. */
const MAX_SENTENCE = 1000;

function capLength(body: string, start: number, end: number): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  let from = start;
  while (end - from > MAX_SENTENCE) {
    const space = body.lastIndexOf(" ", from + MAX_SENTENCE);
    const cut = space > from + MAX_SENTENCE / 2 ? space : from + MAX_SENTENCE;
    spans.push([from, cut]);
    from = cut;
  }
  spans.push([from, end]);
  return spans;
}

function isAbbreviation(text: string, dot: number): boolean {
  const before = /([A-Za-z.]+)$/.exec(text.slice(Math.max(0, dot - 12), dot));
  if (!before) return false;
  const word = (before[1] ?? "").toLowerCase().replace(/^\.+/, "");
  if (ABBREVIATIONS.has(word)) return true;
  return /^[a-z]$/.test(word) && /[A-Z]/.test(text[dot - 1] ?? "");
}

function trim(body: string, start: number, end: number): [number, number] {
  let s = start;
  let e = end;
  while (s < e && /[\s|•]/.test(body[s] ?? "")) s++;
  while (e > s && /[\s|•]/.test(body[e - 1] ?? "")) e--;
  return [s, e];
}
