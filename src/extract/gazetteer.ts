// Finds register names in text: a token trie over every alias, demonym and
// metonym, matched longest-first, so the cost grows with the text, not the register.
import type { Register } from "./register.ts";

export type NameKind = "name" | "demonym" | "metonym";
export type NameHit = { id: string; kind: NameKind; start: number; end: number; surface: string };

type Token = { text: string; lower: string; start: number; end: number };
type Target = {
  id: string;
  kind: NameKind;
  alias: string;
  /** For an acronym, its tokens as written: acronyms match case-exactly. */
  aliasTokens: string[];
  acronym: boolean;
  capitalised: boolean;
};
type TrieNode = { next: Map<string, TrieNode>; targets: Target[] };

const TOKEN = /[\p{L}\p{N}]+|[^\s\p{L}\p{N}]/gu;

export function tokenize(text: string, offset = 0): Token[] {
  const tokens: Token[] = [];
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(text); m; m = TOKEN.exec(text)) {
    const t = normaliseQuote(m[0]);
    tokens.push({ text: t, lower: t.toLowerCase(), start: offset + m.index, end: offset + m.index + m[0].length });
  }
  return tokens;
}

function normaliseQuote(token: string): string {
  return token === "’" || token === "‘" || token === "`" || token === "ʼ" ? "'" : token;
}

/** Priority when two register entries share an alias: a proper name beats a metonym beats a demonym. */
const KIND_RANK: Record<NameKind, number> = { name: 3, metonym: 2, demonym: 1 };

export type Gazetteer = { find(text: string, offset?: number): NameHit[] };

export function createGazetteer(register: Register): Gazetteer {
  const root: TrieNode = { next: new Map(), targets: [] };
  const add = (alias: string, id: string, kind: NameKind) => {
    const tokens = tokenize(alias);
    if (tokens.length === 0) return;
    let node = root;
    for (const token of tokens) {
      let child = node.next.get(token.lower);
      if (!child) {
        child = { next: new Map(), targets: [] };
        node.next.set(token.lower, child);
      }
      node = child;
    }
    const letters = alias.replace(/[^\p{L}]/gu, "");
    node.targets.push({
      id,
      kind,
      alias,
      aliasTokens: tokens.map((t) => t.text),
      acronym: letters.length <= 6 && letters === letters.toUpperCase() && /\p{L}/u.test(letters),
      capitalised: /^\p{Lu}/u.test(alias),
    });
  };
  for (const entry of register.entries.values()) {
    add(entry.name, entry.id, "name");
    for (const alias of entry.aliases) add(alias, entry.id, "name");
    for (const demonym of entry.demonyms) add(demonym, entry.id, "demonym");
    for (const metonym of entry.metonyms) add(metonym, entry.id, "metonym");
  }
  // A place named like a metonym (Tehran the city) wins over the metonym; the caller decides
  // from context whether the city stands for the state.
  const sortTargets = (node: TrieNode) => {
    node.targets.sort((a, b) => KIND_RANK[b.kind] - KIND_RANK[a.kind]);
    for (const child of node.next.values()) sortTargets(child);
  };
  sortTargets(root);

  return {
    find(text: string, offset = 0): NameHit[] {
      const tokens = tokenize(text, offset);
      const hits: NameHit[] = [];
      let i = 0;
      while (i < tokens.length) {
        let node: TrieNode | undefined = root;
        let best: { target: Target; last: number } | null = null;
        for (let j = i; j < tokens.length && node; j++) {
          const token = tokens[j];
          if (!token) break;
          node = node.next.get(token.lower);
          if (!node) break;
          const target = node.targets.find((t) => accepts(t, tokens, i, j));
          if (target) best = { target, last: j };
        }
        const first = tokens[i];
        const lastToken = best ? tokens[best.last] : undefined;
        if (best && first && lastToken && !gluedToWord(text, offset, first.start, lastToken.end)) {
          hits.push({
            id: best.target.id,
            kind: best.target.kind,
            start: first.start,
            end: lastToken.end,
            surface: text.slice(first.start - offset, lastToken.end - offset),
          });
          i = best.last + 1;
        } else i++;
      }
      return hits;
    },
  };
}

/** Case rules: acronyms match exactly; capitalised names need a capital (or all-caps text). */
function accepts(target: Target, tokens: Token[], from: number, to: number): boolean {
  if (target.acronym) {
    for (let k = from; k <= to; k++) if (tokens[k]?.text !== target.aliasTokens[k - from]) return false;
    // Two-letter acronyms ("IS", "US") inside all-caps text are ordinary words.
    const letters = target.alias.replace(/[^\p{L}]/gu, "");
    if (letters.length <= 2 && isAllCapsContext(tokens, from, to)) return letters === "US" && to - from + 1 > 2;
    return true;
  }
  if (!target.capitalised) return true;
  for (let k = from; k <= to; k++) {
    const text = tokens[k]?.text ?? "";
    if (/\p{L}/u.test(text)) return /^\p{Lu}/u.test(text);
  }
  return false;
}

function isAllCapsContext(tokens: Token[], from: number, to: number): boolean {
  const isCapsWord = (t: Token | undefined) => !!t && /^\p{Lu}{2,}$/u.test(t.text);
  return isCapsWord(tokens[from - 1]) || isCapsWord(tokens[to + 1]);
}

/** A hit must not be part of a longer word ("US" in "USS", "Iran" in "Iranian" is a separate alias). */
function gluedToWord(text: string, offset: number, start: number, end: number): boolean {
  const before = text[start - offset - 1] ?? " ";
  const first = text[start - offset] ?? " ";
  const after = text[end - offset] ?? " ";
  // "SpokesmanMohammed Abdul Salam": infobox labels glued to their value still end a word.
  const camelBoundary = /\p{Ll}/u.test(before) && /\p{Lu}/u.test(first);
  return (!camelBoundary && /[\p{L}\p{N}]/u.test(before)) || /[\p{L}\p{N}]/u.test(after);
}
