import { readFileSync } from "node:fs";
import { buildSchema, parse, validate } from "graphql";
import { describe, expect, it } from "vitest";
import { isHedged, toRelationEdge } from "../../../web/src/api.ts";
import { toAsOf, toAsOfSteps } from "../../../web/src/as-of.ts";
import { toGraphiqlUrl } from "../../../web/src/graphiql-link.ts";
import * as queries from "../../../web/src/queries.ts";
import { PREDICATES } from "../../../web/src/styling.ts";
import type { Filters } from "../../../web/src/view-model.ts";

const DEFAULTS: Filters = { predicates: [...PREDICATES], minConfidence: 0, direction: "BOTH", depth: 1, asOf: null };

describe("the explorer's operations", () => {
  const documents = Object.entries(queries).filter(([name]) => name.endsWith("_QUERY"));

  it.each(documents)("%s is one named GraphQL operation", (_name, text) => {
    const document = parse(text as string);
    expect(document.definitions).toHaveLength(1);
    expect(document.definitions[0]).toMatchObject({ kind: "OperationDefinition", name: { kind: "Name" } });
  });

  // The explorer talks to the API over HTTP only; the printed schema is the contract it is checked against.
  const schema = buildSchema(readFileSync(new URL("../../../schema/schema.graphql", import.meta.url), "utf8"));

  it.each(documents)("%s is valid against schema/schema.graphql", (_name, text) => {
    expect(validate(schema, parse(text as string)).map((error) => error.message)).toEqual([]);
  });
});

describe("toNeighborhoodVariables", () => {
  it("leaves out filters at their defaults so the API applies its own", () => {
    expect(queries.toNeighborhoodVariables("iran", DEFAULTS, PREDICATES)).toEqual({
      id: "iran",
      depth: 1,
      predicates: undefined,
      direction: "BOTH",
      minConfidence: undefined,
      asOf: undefined,
      limit: 200,
    });
  });

  it.each([
    [{ direction: "OUT" as const }, { direction: "OUTGOING" }],
    [{ direction: "IN" as const }, { direction: "INCOMING" }],
    [{ predicates: ["FUNDS", "ARMS"] }, { predicates: ["FUNDS", "ARMS"] }],
    [{ predicates: [] }, { predicates: [] }],
    [{ minConfidence: 0.5 }, { minConfidence: 0.5 }],
    [{ asOf: "2023-10-20" }, { asOf: "2023-10-20" }],
    [{ depth: 3 }, { depth: 3 }],
  ])("maps %j to %j", (change, expected) => {
    expect(queries.toNeighborhoodVariables("iran", { ...DEFAULTS, ...change }, PREDICATES)).toMatchObject(expected);
  });
});

describe("toPathsVariables", () => {
  it.each([
    [3, 4, { k: 3, maxHops: 4 }],
    [0, 0, { k: 1, maxHops: 1 }],
    [50, 9, { k: 5, maxHops: 6 }],
    [Number.NaN, 2.7, { k: 1, maxHops: 2 }],
  ])("clamps k=%s and maxHops=%s to the API's limits", (k, maxHops, expected) => {
    expect(queries.toPathsVariables("iran", "us-forces", k, maxHops, DEFAULTS)).toEqual({
      from: "iran",
      to: "us-forces",
      asOf: undefined,
      ...expected,
    });
  });
});

describe("toGraphiqlUrl", () => {
  it("carries the operation and its defined variables in the URL", () => {
    const url = new URL(
      toGraphiqlUrl("query A($id: ID!) { actor(id: $id) { id } }", { id: "iran", asOf: undefined }),
      "http://x",
    );
    expect(url.pathname).toBe("/graphql");
    expect(url.searchParams.get("query")).toBe("query A($id: ID!) { actor(id: $id) { id } }");
    expect(JSON.parse(url.searchParams.get("variables") ?? "null")).toEqual({ id: "iran" });
  });

  it("omits variables when there are none", () => {
    expect(new URL(toGraphiqlUrl("{ stats { documents } }"), "http://x").searchParams.has("variables")).toBe(false);
  });
});

describe("the as-of slider", () => {
  it("stops on each distinct reported day, in order", () => {
    expect(toAsOfSteps(["2023-10-20", "2023-10-18T12:00:00Z", null, "2023-10-20", "bad", undefined])).toEqual([
      "2023-10-18",
      "2023-10-20",
    ]);
  });

  it.each([
    [0, "2023-10-18"],
    [1, "2023-10-20"],
    [2, null],
    [-1, null],
  ])("position %s means asOf %s", (position, asOf) => {
    expect(toAsOf(["2023-10-18", "2023-10-20"], position)).toBe(asOf);
  });
});

describe("toRelationEdge", () => {
  const relation = {
    id: "FUNDS|iran|militias",
    from: { id: "iran" },
    to: { id: "militias" },
    predicate: "FUNDS",
    polarity: "POSITIVE",
    confidence: 0.9,
    claimCount: 3,
    contested: false,
    firstReported: "2023-10-18",
    lastReported: "2023-10-20",
    claims: [{ polarity: "POSITIVE", modality: "ASSERTED" }],
  };

  it("draws a relation from its subject to its object", () => {
    expect(toRelationEdge(relation)).toMatchObject({
      id: "FUNDS|iran|militias",
      source: "iran",
      target: "militias",
      claimCount: 3,
      hedged: false,
    });
  });

  it.each([
    [[{ polarity: "POSITIVE", modality: "HEDGED" }], true],
    [
      [
        { polarity: "POSITIVE", modality: "POSSIBLE" },
        { polarity: "NEGATIVE", modality: "ASSERTED" },
      ],
      true,
    ],
    [
      [
        { polarity: "POSITIVE", modality: "HEDGED" },
        { polarity: "POSITIVE", modality: "ASSERTED" },
      ],
      false,
    ],
    [[{ polarity: "NEGATIVE", modality: "HEDGED" }], false],
    [[], false],
  ])("calls claims %j hedged: %s", (claims, hedged) => {
    expect(isHedged(claims)).toBe(hedged);
  });
});
