// Loads the Cypher statements of cypher/ by name: cypher("actors/find-by-id")
// reads cypher/actors/find-by-id.cypher once and caches it. Statements live
// in files so they are reviewed as Cypher and checked by EXPLAIN in a test.
// Whole-line comments and blank lines are dropped on load: they are for the
// reader, and the driver would send them with every run (with-relations is
// 6.7 KB with its comments, 4.0 KB without: fewer socket writes per request).
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { PROJECT_ROOT } from "./local-neo4j.ts";

export const CYPHER_DIR = path.join(PROJECT_ROOT, "cypher");

const cache = new Map<string, string>();

/** Whether `text` is a statement's name under cypher/ ("actors/find-by-ids"), not Cypher itself. */
export function isStatementName(text: string): boolean {
  return /^[a-z0-9-]+(\/[a-z0-9-]+)*$/.test(text);
}

export function cypher(name: string): string {
  const cached = cache.get(name);
  if (cached !== undefined) return cached;
  if (!isStatementName(name)) throw new Error(`Bad Cypher statement name "${name}"`);
  let text: string;
  try {
    text = readFileSync(path.join(CYPHER_DIR, `${name}.cypher`), "utf8");
  } catch (error) {
    throw new Error(`No Cypher statement "${name}": expected the file cypher/${name}.cypher`, { cause: error });
  }
  const statement = withoutCommentLines(text);
  cache.set(name, statement);
  return statement;
}

/** Drops lines that are only a `//` comment, and blank lines (no statement has a multi-line string). */
export function withoutCommentLines(text: string): string {
  return text
    .split("\n")
    .filter((line) => line.trim() !== "" && !line.trim().startsWith("//"))
    .join("\n");
}

/**
 * A statement with integers written in where Cypher takes no parameter (a
 * quantifier's bound, say). The file marks each place with a block comment
 * naming it before a default, `{1, /*$maxHops*\/ 6}`: valid Cypher as it
 * stands (EXPLAIN checks it with the default), the value once bound. Only
 * integers are written in, so nothing a caller sends becomes Cypher.
 */
export function withLiterals(text: string, values: Record<string, number>): string {
  let bound = text;
  for (const [name, value] of Object.entries(values)) {
    if (!Number.isSafeInteger(value)) throw new Error(`Literal ${name} must be an integer; got ${value}`);
    const marker = new RegExp(`/\\*\\$${name}\\*/\\s*\\d+`, "g");
    if (!marker.test(bound)) throw new Error(`The statement has no /*$${name}*/ literal to bind`);
    bound = bound.replace(marker, String(value));
  }
  return bound;
}

/** The relationship types a marked pattern follows, and which way (BOTH: the pattern as the file writes it). */
export type RelationTypes = { types: readonly string[]; direction: "OUTGOING" | "INCOMING" | "BOTH" };

/**
 * A statement whose marked relationship patterns follow only some of the
 * types they list, and one way when asked. The file marks each pattern's
 * type list, `(a)-[r:/*$relations*\/A|B|C]-(b)` (valid Cypher as it
 * stands: every type, both ways); bound to `{ types: ["A"], direction:
 * "OUTGOING" }` it reads `(a)-[r:A]->(b)`. Neo4j then walks only those
 * relationship chains of a node instead of reading every chain and
 * filtering (a one-off PROFILE of the nested bench query: 447 instead of
 * 1,100 db hits). The
 * statement keeps its WHERE filters, so binding only narrows what they
 * would keep anyway; only types the file lists are written in (nothing a
 * caller sends becomes Cypher), and a pattern the file already points one
 * way keeps its arrow.
 */
export function withRelationTypes(text: string, patterns: Record<string, RelationTypes>): string {
  let bound = text;
  for (const [name, { types, direction }] of Object.entries(patterns)) {
    const marker = new RegExp(`(<?)-\\[(\\w+):/\\*\\$${name}\\*/([A-Z_|]+)\\]-(>?)`, "g");
    if (!marker.test(bound)) throw new Error(`The statement has no /*$${name}*/ relationship pattern to bind`);
    bound = bound.replace(marker, (_match, into: string, variable: string, listed: string, out: string) => {
      const known = listed.split("|");
      const unknown = types.filter((type) => !known.includes(type));
      if (unknown.length > 0 || types.length === 0) {
        throw new Error(`Relationship types ${JSON.stringify(types)} are not a subset of the pattern's ${listed}`);
      }
      const list = known.filter((type) => types.includes(type)).join("|");
      const arrows =
        into || out || direction === "BOTH" ? [into, out] : direction === "OUTGOING" ? ["", ">"] : ["<", ""];
      return `${arrows[0]}-[${variable}:${list}]-${arrows[1]}`;
    });
  }
  return bound;
}

/** Every statement name under cypher/ (for the EXPLAIN test), migrations excluded. */
export function listCypherStatements(dir = CYPHER_DIR, prefix = ""): string[] {
  const names: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.isDirectory()) {
      if (!prefix && entry.name === "migrations") continue;
      names.push(...listCypherStatements(path.join(dir, entry.name), `${prefix}${entry.name}/`));
    } else if (entry.name.endsWith(".cypher")) {
      names.push(`${prefix}${entry.name.slice(0, -".cypher".length)}`);
    }
  }
  return names.sort();
}

/** Splits a migration file into statements: `;` at the end of a line ends one. */
export function splitStatements(text: string): string[] {
  return withoutCommentLines(text)
    .split(/;\s*$/m)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}
