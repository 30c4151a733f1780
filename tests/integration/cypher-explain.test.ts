// Every statement under cypher/ compiles on the real Neo4j: EXPLAIN plans
// it without running it, so a broken statement fails here, not in a request.
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CYPHER_DIR, cypher, listCypherStatements } from "../../src/db/cypher.ts";
import type { Database } from "../../src/db/database.ts";
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
    const text = cypher(name);
    // A write transaction: planning a write statement in a read transaction is refused.
    await db.write(`EXPLAIN ${text}`, nullParams(text));
  });
});
