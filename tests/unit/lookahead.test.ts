// planOnce: a plan is computed once per field (its nodes) and variables, and
// serves later requests that send the same document with the same variables.
import type { GraphQLResolveInfo } from "graphql";
import { describe, expect, it } from "vitest";
import { planOnce } from "../../src/api/lookahead.ts";

const infoOf = (fieldNodes: object, variableValues: Record<string, unknown>) =>
  ({ fieldNodes, variableValues }) as unknown as GraphQLResolveInfo;

describe("planOnce", () => {
  it("computes a plan once per field and variables, across requests", () => {
    const field = [{}];
    let computed = 0;
    const plan = () => ++computed;
    // Two requests of the same document: each request has its own variables object.
    expect(planOnce(infoOf(field, { first: 5 }), plan)).toBe(1);
    expect(planOnce(infoOf(field, { first: 5 }), plan)).toBe(1);
    // Other variables, or another field, get a plan of their own.
    expect(planOnce(infoOf(field, { first: 6 }), plan)).toBe(2);
    expect(planOnce(infoOf([{}], { first: 5 }), plan)).toBe(3);
    expect(computed).toBe(3);
  });

  it("keeps 16 variable sets per field, dropping the least recently used", () => {
    const field = [{}];
    let computed = 0;
    const plan = () => ++computed;
    for (let i = 0; i < 17; i++) planOnce(infoOf(field, { i }), plan);
    expect(computed).toBe(17);
    planOnce(infoOf(field, { i: 16 }), plan);
    expect(computed).toBe(17);
    planOnce(infoOf(field, { i: 0 }), plan);
    expect(computed).toBe(18);
    // { i: 2 } is now the oldest kept; used again, it outlives { i: 3 } when { i: 17 } comes.
    planOnce(infoOf(field, { i: 2 }), plan);
    planOnce(infoOf(field, { i: 17 }), plan);
    expect(computed).toBe(19);
    planOnce(infoOf(field, { i: 2 }), plan);
    expect(computed).toBe(19);
    planOnce(infoOf(field, { i: 3 }), plan);
    expect(computed).toBe(20);
  });

  it("tells large variables apart by their hash", () => {
    const field = [{}];
    let computed = 0;
    const plan = () => ++computed;
    const big = (last: string) => ({ text: `${"x".repeat(5_000)}${last}` });
    expect(planOnce(infoOf(field, big("a")), plan)).toBe(1);
    expect(planOnce(infoOf(field, big("a")), plan)).toBe(1);
    expect(planOnce(infoOf(field, big("b")), plan)).toBe(2);
  });
});
