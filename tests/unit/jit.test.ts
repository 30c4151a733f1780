// Which requests graphql-jit runs: the rest stay with Yoga's executor, so
// their errors read as graphql-js words them.
import { parse } from "graphql";
import { describe, expect, it } from "vitest";
import { runsCompiled } from "../../src/api/jit.ts";
import { schema } from "../../src/api/schema.ts";

const request = (query: string, variableValues?: Record<string, unknown>, operationName?: string) => ({
  schema,
  document: parse(query),
  variableValues,
  operationName,
});

describe("runsCompiled", () => {
  it("compiles a query, with or without valid variables", () => {
    expect(runsCompiled(request("{ stats { documents } }"))).toBe(true);
    expect(runsCompiled(request("query ($f: Int) { actors(first: $f) { totalCount } }", { f: 5 }))).toBe(true);
    expect(runsCompiled(request("query ($f: Int) { actors(first: $f) { totalCount } }"))).toBe(true);
  });

  it("leaves variables that do not coerce to Yoga's executor", () => {
    expect(runsCompiled(request("query ($f: Int) { actors(first: $f) { totalCount } }", { f: "many" }))).toBe(false);
    expect(runsCompiled(request("query ($f: Int!) { actors(first: $f) { totalCount } }"))).toBe(false);
    const predicates = 'query ($p: [Predicate!]) { actor(id: "iran") { relations(predicates: $p) { totalCount } } }';
    expect(runsCompiled(request(predicates, { p: ["LIKES"] }))).toBe(false);
    expect(runsCompiled(request(predicates, { p: ["FUNDS"] }))).toBe(true);
  });

  it("leaves subscriptions and documents without one operation to run to Yoga's executor", () => {
    expect(runsCompiled(request("subscription { claimAdded { id } }"))).toBe(false);
    expect(runsCompiled(request("query A { stats { documents } } query B { stats { actors } }"))).toBe(false);
    expect(runsCompiled(request("query A { stats { documents } } query B { stats { actors } }", {}, "B"))).toBe(true);
    expect(runsCompiled(request("query A { stats { documents } }", {}, "Missing"))).toBe(false);
  });
});
