import { describe, expect, it } from "vitest";
import { cypher, listCypherStatements, splitStatements, withLiterals, withRelationTypes } from "../../src/db/cypher.ts";
import { relationTypes } from "../../src/graph/common.ts";
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
      [...cypher(name).matchAll(/\[\w+:(\/\*\$\w+\*\/)?([A-Z_|]+)\]/g)]
        .map((m) => ({ name, marked: m[1] !== undefined, types: (m[2] ?? "").split("|") }))
        .filter((l) => l.types.includes("SUPPORTS")),
    );
    expect([...new Set(lists.map((l) => l.name))].sort()).toEqual([
      "actors/with-relations",
      "relations/count-of-actors",
      "relations/of-actors-as-of",
      "stats/overview",
      "traversal/expand",
      "traversal/neighborhood",
      "traversal/shortest-paths-both",
      "traversal/shortest-paths-outgoing",
    ]);
    for (const list of lists) expect([...list.types].sort(), list.name).toEqual([...PREDICATES].sort());
    // Marked, so that a read narrows them to its filter (withRelationTypes);
    // the stats count every type and are never narrowed.
    for (const list of lists) expect(list.marked, list.name).toBe(list.name !== "stats/overview");
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

  it("binds the hop bound and the number of paths of the shortest-path statements", () => {
    for (const name of ["traversal/shortest-paths-both", "traversal/shortest-paths-outgoing"]) {
      const bound = withLiterals(cypher(name), { maxHops: 3, k: 2 });
      expect(bound).toContain("{1, 3}");
      expect(bound).toContain("SHORTEST 2 (a)");
    }
  });
});

describe("relationship patterns narrowed to a filter", () => {
  const text =
    "MATCH (a)-[r:/*$relations*/A|B|C]-(b) MATCH (b)-[s:/*$next*/A|B|C]-(c) MATCH (c)-[t:/*$relations*/A|B|C]->(d)";

  it("keeps only the asked types, in the file's order, and points the pattern one way when asked", () => {
    expect(
      withRelationTypes(text, {
        relations: { types: ["C", "A"], direction: "OUTGOING" },
        next: { types: ["B"], direction: "INCOMING" },
      }),
    ).toBe("MATCH (a)-[r:A|C]->(b) MATCH (b)<-[s:B]-(c) MATCH (c)-[t:A|C]->(d)");
  });

  it("leaves the arrows as written for BOTH, and a pattern already pointing one way as it points", () => {
    const bound = withRelationTypes(text, {
      relations: { types: ["A", "B", "C"], direction: "INCOMING" },
      next: { types: ["A"], direction: "BOTH" },
    });
    expect(bound).toBe("MATCH (a)<-[r:A|B|C]-(b) MATCH (b)-[s:A]-(c) MATCH (c)-[t:A|B|C]->(d)");
  });

  it("refuses a type the pattern does not list, no type at all, and a pattern the statement does not mark", () => {
    const next = { types: ["A"], direction: "BOTH" } as const;
    expect(() => withRelationTypes(text, { relations: { types: ["A", "DROP"], direction: "BOTH" }, next })).toThrow(
      "not a subset",
    );
    expect(() => withRelationTypes(text, { relations: { types: [], direction: "BOTH" }, next })).toThrow(
      "not a subset",
    );
    expect(() => withRelationTypes(text, { other: next })).toThrow("no /*$other*/ relationship pattern");
  });

  it("reads a symmetric predicate both ways whatever direction the filter asks", () => {
    expect(relationTypes({ predicates: ["ATTACKS"], direction: "OUTGOING" })).toEqual({
      types: ["ATTACKS"],
      direction: "OUTGOING",
    });
    expect(relationTypes({ predicates: ["ATTACKS", "ALLIED_WITH"], direction: "OUTGOING" }).direction).toBe("BOTH");
  });

  it("binds every marked statement to a valid narrowing", () => {
    for (const name of listCypherStatements().filter((n) => cypher(n).includes("/*$relations*/"))) {
      const bound = withRelationTypes(cypher(name), {
        relations: { types: ["FUNDS"], direction: "INCOMING" },
        ...(cypher(name).includes("/*$next*/") ? { next: { types: ["ARMS"], direction: "OUTGOING" } } : {}),
      });
      expect(bound, name).not.toMatch(/\/\*\$(relations|next)\*\//);
      expect(bound, name).toMatch(/:FUNDS\]/);
    }
  });
});
