import { describe, expect, it } from "vitest";
import { ENTITY_TYPES, PREDICATE_FAMILIES as ONTOLOGY_FAMILIES } from "../../../src/model.ts";
import {
  ACTOR_TYPE_STYLES,
  cytoscapeStylesheet,
  FAMILY_COLOURS,
  PREDICATE_FAMILIES,
  toEdgeWidth,
  toPredicateFamily,
  toTypeStyle,
} from "../../../web/src/styling.ts";

describe("toPredicateFamily", () => {
  it.each([
    ["SUPPORTS", "support"],
    ["FUNDS", "support"],
    ["ARMS", "support"],
    ["TRAINS", "support"],
    ["DIRECTS", "support"],
    ["ENCOURAGES", "support"],
    ["ATTACKS", "hostility"],
    ["FIGHTS", "hostility"],
    ["PART_OF", "structure"],
    ["MEMBER_OF", "structure"],
    ["LOCATED_IN", "structure"],
    ["ASSOCIATED_WITH", "structure"],
    ["ALLIED_WITH", "structure"],
    ["SOMETHING_NEW", "structure"],
  ])("puts %s in the %s family", (predicate, family) => {
    expect(toPredicateFamily(predicate)).toBe(family);
  });

  it("agrees with the ontology's families", () => {
    expect(PREDICATE_FAMILIES).toEqual(ONTOLOGY_FAMILIES);
  });

  it("gives each family its own colour", () => {
    expect(new Set(Object.values(FAMILY_COLOURS)).size).toBe(3);
  });
});

describe("toTypeStyle", () => {
  it("gives every ontology type a distinct colour and a distinct shape", () => {
    const styles = Object.values(ACTOR_TYPE_STYLES);
    expect(new Set(styles.map((s) => s.colour)).size).toBe(styles.length);
    expect(new Set(styles.map((s) => s.shape)).size).toBe(styles.length);
  });

  // web/ never imports src/, so it keeps its own copy of the ontology; this keeps the two in step.
  it.each(ENTITY_TYPES)("styles %s from the table", (type) => {
    expect(toTypeStyle(type)).toBe(ACTOR_TYPE_STYLES[type]);
  });

  it("falls back to a neutral style for a type the ontology adds later", () => {
    const style = toTypeStyle("Ministry");
    expect(Object.values(ACTOR_TYPE_STYLES)).not.toContain(style);
    expect(style.colour).toMatch(/^#[0-9a-f]{6}$/);
  });
});

describe("toEdgeWidth", () => {
  it("grows with the claim count but stays within bounds", () => {
    const widths = [0, 1, 2, 4, 16, 1000].map(toEdgeWidth);
    expect(widths[0]).toBe(widths[1]);
    for (let i = 2; i < widths.length; i++) expect(widths[i]).toBeGreaterThanOrEqual(widths[i - 1] as number);
    expect(widths[1]).toBeGreaterThanOrEqual(1);
    expect(widths.at(-1)).toBeLessThanOrEqual(12);
  });
});

describe("cytoscapeStylesheet", () => {
  it("has rules for hedged, contested and path-highlighted edges", () => {
    const selectors = cytoscapeStylesheet().map((rule) => ("selector" in rule ? rule.selector : ""));
    expect(selectors).toEqual(
      expect.arrayContaining(["edge.hedged", "edge.contested", "edge.on-path", "node.on-path"]),
    );
  });
});
