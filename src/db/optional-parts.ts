// Optional parts of a statement: the text a request does not need is left
// out before Neo4j plans it. A generic statement pays for every filter and
// subquery it could run: a condition such as `$polarity IS NULL OR ...` is
// evaluated on every row, a subquery inside `CASE WHEN $next IS NOT NULL`
// is run as a nested expression rather than planned as an operator, and a
// UNION branch that yields nothing is still planned and entered. Left out,
// they cost nothing. `npm run bench:statements` times each bench
// operation's statement as bound against raw's hand-written one, with the
// db hits of each (on 2026-11-27: the page of 21 events in a place and a
// date range 1.12 against 0.86 ms and 3,778 against 3,432 db hits, the
// nested query 0.46 against 0.38 ms and 422 against 308).
//
// A file marks a part with block comments, so that it stays valid Cypher as
// it stands (every part kept, which the EXPLAIN test checks):
//
//   /*if $next*/ COLLECT { ... } /*else null*/   kept when $next is given, else `null`
//   /*if $page.country*/ ... /*end*/             kept when $page.country is given, else nothing
//   /*unless $location*/ ... /*end*/             kept when $location is not given
//
// (The text after `else` holds no `*`: it is short, a null or a plain projection.)
//
// "Given" is a value other than null, false, 0, "" or an empty list: what a
// request leaves out (so a cursor's part tests its key, which is never empty,
// not a confidence that may be 0). A part may hold parts of its own.
// Which parts are kept follows from the parameters alone, and Database binds
// every statement it runs: a statement always runs in the form its
// parameters choose, and the text as the file writes it (every part kept) is
// only what EXPLAIN checks. Each form a request can bind must mean what the
// statement's header says.
import { LRUCache } from "lru-cache";

/** A marked part: kept when the parameter at `path` is given (`keepWhenGiven`) or not; else `otherwise`. */
type Part = { path: readonly string[]; keepWhenGiven: boolean; body: Piece[]; otherwise: string; marker: string };
type Piece = string | Part;

/** A statement as text and parts, with its parts in the order they open (outer before inner). */
type Parsed = { pieces: Piece[]; parts: Part[]; bound: Map<string, string> };

const MARKER = /\/\*(?:(if|unless) \$([A-Za-z]\w*(?:\.[A-Za-z]\w*)*)|else ([^*]*)|(end))\*\//g;

function parse(text: string): Parsed | null {
  const parts: Part[] = [];
  // The pieces being filled: the statement's, then each open part's.
  const open: { pieces: Piece[]; part: Part | null }[] = [{ pieces: [], part: null }];
  let last = 0;
  for (const match of text.matchAll(MARKER)) {
    const [marker, kind, path, otherwise, end] = match;
    const current = open[open.length - 1] as { pieces: Piece[]; part: Part | null };
    current.pieces.push(text.slice(last, match.index));
    last = match.index + marker.length;
    if (kind !== undefined && path !== undefined) {
      const part: Part = { path: path.split("."), keepWhenGiven: kind === "if", body: [], otherwise: "", marker };
      parts.push(part);
      current.pieces.push(part);
      open.push({ pieces: part.body, part });
    } else {
      if (!current.part) throw new Error(`${marker} closes no optional part`);
      current.part.otherwise = end === undefined ? (otherwise ?? "").trim() : "";
      open.pop();
    }
  }
  const unclosed = open[open.length - 1]?.part;
  if (unclosed) throw new Error(`${unclosed.marker} has no /*end*/ or /*else ...*/`);
  if (parts.length === 0) return null;
  const pieces = (open[0] as { pieces: Piece[] }).pieces;
  pieces.push(text.slice(last));
  return { pieces, parts, bound: new Map() };
}

/** Whether a request gives a value: not null, false, 0, "" or an empty list. */
export function isGiven(value: unknown): boolean {
  if (value === null || value === undefined || value === false || value === 0 || value === "") return false;
  return !(Array.isArray(value) && value.length === 0);
}

function valueAt(params: Record<string, unknown>, path: readonly string[]): unknown {
  let value: unknown = params;
  for (const key of path) {
    if (value === null || typeof value !== "object") return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}

/** The statement with each part kept or left out as `keep` decides (by the part's parameter path). */
export function withOptionalParts(text: string, keep: (path: string, keepWhenGiven: boolean) => boolean): string {
  const parsed = parse(text);
  if (!parsed) return text;
  return assembleStatement(parsed, (part) => keep(part.path.join("."), part.keepWhenGiven));
}

/** The text with the parts `keep` keeps; lines a left-out part emptied go too (the driver sends the text with every run). */
function assembleStatement(parsed: Parsed, keep: (part: Part, index: number) => boolean): string {
  const kept = new Set(parsed.parts.filter(keep));
  return assemble(parsed.pieces, kept).replace(/\n[ \t]*(?=\n)/g, "");
}

function assemble(pieces: readonly Piece[], kept: ReadonlySet<Part>): string {
  let out = "";
  for (const piece of pieces) {
    if (typeof piece === "string") out += piece;
    else out += kept.has(piece) ? assemble(piece.body, kept) : piece.otherwise;
  }
  return out;
}

/** The parameter paths a statement's parts depend on ("next", "page.country"), each once. */
export function optionalPartPaths(text: string): string[] {
  return [...new Set(parse(text)?.parts.map((part) => part.path.join(".")) ?? [])];
}

// Parsed statements by text: the files, and their narrowed variants
// (narrowedStatement keeps at most 500 of those).
const parsedByText = new LRUCache<string, Parsed | false>({ max: 1000 });

/**
 * The statement as Neo4j should plan it for these parameters: each part kept
 * or left out by its parameter. Parsed once per text and bound once per
 * combination of kept parts; a text without parts comes back as it is.
 */
export function boundToParams(text: string, params: Record<string, unknown>): string {
  let parsed = parsedByText.get(text);
  if (parsed === undefined) {
    parsed = parse(text) ?? false;
    parsedByText.set(text, parsed);
  }
  if (parsed === false) return text;
  const keep = parsed.parts.map((part) => isGiven(valueAt(params, part.path)) === part.keepWhenGiven);
  const key = keep.map((k) => (k ? "1" : "0")).join("");
  let bound = parsed.bound.get(key);
  if (bound === undefined) {
    bound = assembleStatement(parsed, (_, i) => keep[i] === true);
    parsed.bound.set(key, bound);
  }
  return bound;
}
