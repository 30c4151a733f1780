import { describe, expect, it } from "vitest";
import { toEdgeEnds, toIsoDay, toNameKey } from "../../../src/graph/keys.ts";

describe("toNameKey", () => {
  it.each([
    ["U.S. Central Command", "us central command"],
    ["Kata'ib Hezbollah", "kataib hezbollah"],
    ["Kataib  Hezbollah", "kataib hezbollah"],
    ["the Pentagon", "pentagon"],
    ["IRGC-Quds Force", "irgc quds force"],
    ["Ḥizballāh", "hizballah"],
  ])("%s -> %s", (name, key) => {
    expect(toNameKey(name)).toBe(key);
  });
});

describe("toEdgeEnds", () => {
  it("orders the ends of symmetric predicates and keeps directed ones", () => {
    expect(toEdgeEnds("ALLIED_WITH", "iran", "hezbollah")).toEqual({ fromId: "hezbollah", toId: "iran" });
    expect(toEdgeEnds("FUNDS", "iran", "hezbollah")).toEqual({ fromId: "iran", toId: "hezbollah" });
  });
});

describe("toIsoDay", () => {
  it.each([
    ["2024-01-29", "2024-01-29"],
    ["2023-10-24T15:00:00Z", "2023-10-24"],
    ["January 2024", null],
    [null, null],
  ])("%s -> %s", (value, day) => {
    expect(toIsoDay(value)).toBe(day);
  });
});
