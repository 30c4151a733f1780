import { describe, expect, it } from "vitest";
import { cypher, listCypherStatements, splitStatements, withLiterals } from "../../src/db/cypher.ts";
import { PREDICATES } from "../../src/model.ts";

describe("cypher loader", () => {
  it("loads a statement by name", () => {
    expect(cypher("system/components")).toContain("dbms.components");
  });

  it("sends statements without their comment lines", () => {
    const text = cypher("actors/with-relations");
    expect(text).toContain("MATCH");
    expect(text.split("\n").filter((line) => line.trim().startsWith("//") || line.trim() === "")).toEqual([]);
  });

  it("names the missing file when a statement does not exist", () => {
    expect(() => cypher("no/such-statement")).toThrow("cypher/no/such-statement.cypher");
  });

  it("refuses names that could leave the cypher folder", () => {
    expect(() => cypher("../package")).toThrow("Bad Cypher statement name");
  });

  it("lists statements without the migrations", () => {
    const names = listCypherStatements();
    expect(names).toContain("system/components");
    expect(names.some((n) => n.startsWith("migrations/"))).toBe(false);
  });

  it("splits a migration file on semicolons at line ends and drops comments", () => {
    expect(splitStatements("// header\nCREATE INDEX a;\nCREATE INDEX b\n  FOR (n:X) ON (n.y);\n")).toEqual([
      "CREATE INDEX a",
      "CREATE INDEX b\n  FOR (n:X) ON (n.y)",
    ]);
  });
});

describe("relation type lists in statements", () => {
  // Statements spell out the relation types so hubs expand only those chains;
  // a predicate added to the model but missing here would silently vanish from reads.
  it("name exactly the model's predicates wherever they list them", () => {
    const lists = listCypherStatements().flatMap((name) =>
      [...cypher(name).matchAll(/\[\w+:([A-Z_|]+)\]/g)]
        .map((m) => ({ name, types: (m[1] ?? "").split("|") }))
        .filter((l) => l.types.includes("SUPPORTS")),
    );
    expect([...new Set(lists.map((l) => l.name))].sort()).toEqual([
      "actors/with-relations",
      "relations/count-of-actors",
      "relations/of-actors-as-of",
      "traversal/expand",
      "traversal/neighborhood",
      "traversal/shortest-paths-both",
      "traversal/shortest-paths-outgoing",
    ]);
    for (const list of lists) expect([...list.types].sort(), list.name).toEqual([...PREDICATES].sort());
  });
});

describe("literals bound where Cypher takes no parameter", () => {
  it("writes the integer in place of each marked default, and nothing else", () => {
    const text = "MATCH p = (a)-[]-{1, /*$maxHops*/ 6}(b) RETURN p LIMIT /*$k*/ 5";
    expect(withLiterals(text, { maxHops: 2, k: 3 })).toBe("MATCH p = (a)-[]-{1, 2}(b) RETURN p LIMIT 3");
  });

  it("refuses a value that is not an integer, and a name the statement does not mark", () => {
    expect(() => withLiterals("RETURN /*$n*/ 1", { n: 1.5 })).toThrow("integer");
    expect(() => withLiterals("RETURN /*$n*/ 1", { m: 2 })).toThrow("no /*$m*/ literal");
  });

  it("binds the hop bound of the shortest-path statements", () => {
    for (const name of ["traversal/shortest-paths-both", "traversal/shortest-paths-outgoing"]) {
      expect(withLiterals(cypher(name), { maxHops: 3 })).toContain("{1, 3}");
    }
  });
});
