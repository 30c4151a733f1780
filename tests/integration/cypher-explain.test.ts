// Every statement under cypher/ compiles on the real Neo4j: EXPLAIN plans
// it without running it, so a broken statement fails here, not in a request.
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CYPHER_DIR, cypher, listCypherStatements } from "../../src/db/cypher.ts";
import type { Database } from "../../src/db/database.ts";
import { optionalPartPaths, withOptionalParts } from "../../src/db/optional-parts.ts";
import { openTestDatabase } from "../helpers/database.ts";

let db: Database;
beforeAll(async () => {
  db = await openTestDatabase();
});
afterAll(() => db.close());

/** Every $param of a statement, as null: EXPLAIN needs them present, not meaningful. */
function nullParams(text: string): Record<string, null> {
  return Object.fromEntries([...text.matchAll(/\$([a-zA-Z]\w*)/g)].map((m) => [m[1], null]));
}

describe("cypher/ statements", () => {
  const names = listCypherStatements();

  it("are found (more than the foundation's one)", () => {
    expect(names.length).toBeGreaterThan(20);
  });

  it.each(names)("%s compiles (EXPLAIN)", async (name) => {
    // The file opens with what the statement does and its params (the loader drops those lines).
    const file = readFileSync(path.join(CYPHER_DIR, `${name}.cypher`), "utf8");
    expect(file.split("\n")[0]).toMatch(/^\/\/ \S/);
    expect(file).toMatch(/\/\/.*params:/);
    const text = withOptionalParts(cypher(name), () => true);
    // A write transaction: planning a write statement in a read transaction is refused.
    await db.write(`EXPLAIN ${text}`, nullParams(text));
  });

  // Database plans each statement with the optional parts its parameters
  // keep, so other forms than all kept must compile too. Every combination
  // would be 2^10 plans for with-relations; parts are clauses of their own,
  // so each parameter given alone and left out alone covers how they join.
  const withParts = names.filter((name) => optionalPartPaths(cypher(name)).length > 0);

  it("include the statements with optional parts", () => {
    expect(withParts).toEqual(
      expect.arrayContaining([
        "actors/with-relations",
        "events/page",
        "events/page-anchored",
        "relations/count-of-actors",
      ]),
    );
  });

  it.each(withParts)("%s compiles with its optional parts kept and left out (EXPLAIN)", async (name) => {
    const paths = optionalPartPaths(cypher(name));
    const combinations = [[], paths, ...paths.map((p) => [p]), ...paths.map((p) => paths.filter((q) => q !== p))];
    for (const combination of combinations) {
      const given = new Set(combination);
      const text = withOptionalParts(cypher(name), (path, keepWhenGiven) => given.has(path) === keepWhenGiven);
      await db.write(`EXPLAIN ${text}`, nullParams(text)).catch((error: Error) => {
        throw new Error(`${name} with ${[...given].join(", ") || "no parameter"} given: ${error.message}`);
      });
    }
  });
});
