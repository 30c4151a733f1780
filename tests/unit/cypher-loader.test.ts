import { describe, expect, it } from "vitest";
import { cypher, listCypherStatements, splitStatements } from "../../src/db/cypher.ts";

describe("cypher loader", () => {
  it("loads a statement by name", () => {
    expect(cypher("system/components")).toContain("dbms.components");
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
