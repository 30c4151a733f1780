import { describe, expect, it } from "vitest";
import { boundToParams, isGiven, optionalPartPaths, withOptionalParts } from "../../src/db/optional-parts.ts";

const statement = [
  "MATCH (e:Event) WHERE true",
  " /*if $from*/AND e.date >= $from/*end*/",
  " /*if $page.after*/AND e.key < $page.after/*end*/",
  " /*unless $location*/AND e.placed = false/*end*/",
  " RETURN e, /*if $participants*/{perpetrators: /*if $participants.perpetrators*/[1]/*else null*/}/*else null*/ AS p",
].join("");

describe("optional parts of a statement", () => {
  it("keeps a part when its parameter is given and leaves it out when not", () => {
    expect(boundToParams(statement, { from: "2016-01-01", page: { after: "k" }, location: "aleppo" })).toBe(
      "MATCH (e:Event) WHERE true AND e.date >= $from AND e.key < $page.after  RETURN e, null AS p",
    );
    expect(boundToParams(statement, { from: null, page: null, location: null })).toBe(
      "MATCH (e:Event) WHERE true   AND e.placed = false RETURN e, null AS p",
    );
  });

  it("binds parts inside parts, and writes the else text for a part left out", () => {
    expect(boundToParams(statement, { participants: { perpetrators: true } })).toContain("{perpetrators: [1]} AS p");
    expect(boundToParams(statement, { participants: { targets: true } })).toContain("{perpetrators: null} AS p");
  });

  it("gives the same text for the same kept parts", () => {
    const a = boundToParams(statement, { from: "2016-01-01" });
    expect(boundToParams(statement, { from: "2017-05-05", page: { after: "" } })).toBe(a);
  });

  it("takes null, false, 0, an empty string or list as left out, anything else as given", () => {
    for (const value of [null, undefined, false, 0, "", []]) expect(isGiven(value), String(value)).toBe(false);
    for (const value of [true, 1, 0.5, "x", ["a"], {}]) expect(isGiven(value), String(value)).toBe(true);
  });

  it("lists the parameter paths its parts depend on, once each", () => {
    expect(optionalPartPaths(statement)).toEqual([
      "from",
      "page.after",
      "location",
      "participants",
      "participants.perpetrators",
    ]);
    expect(optionalPartPaths("MATCH (n) RETURN n")).toEqual([]);
  });

  it("keeps every part as the file writes it when asked (the text EXPLAIN checks)", () => {
    expect(withOptionalParts(statement, () => true)).not.toContain("/*");
    expect(withOptionalParts(statement, () => true)).toContain("AND e.placed = false");
  });

  it("passes a statement without parts through", () => {
    expect(boundToParams("MATCH (n) RETURN n", { from: "x" })).toBe("MATCH (n) RETURN n");
  });

  it("refuses markers that do not pair", () => {
    expect(() => boundToParams("RETURN /*if $a*/1", {})).toThrow("/*if $a*/ has no /*end*/");
    expect(() => boundToParams("RETURN 1/*end*/", {})).toThrow("/*end*/ closes no optional part");
  });
});
