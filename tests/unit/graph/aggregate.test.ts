import { describe, expect, it } from "vitest";
import { aggregateClaims, type ClaimEvidence, claimsAsOf } from "../../../src/graph/aggregate.ts";

const claim = (polarity: "positive" | "negative", weight: number, documentId: string, publishedDate: string | null) =>
  ({ polarity, weight, documentId, publishedDate }) satisfies ClaimEvidence;

describe("aggregateClaims", () => {
  it("returns null without claims", () => {
    expect(aggregateClaims([])).toBeNull();
  });

  it.each([
    ["one positive claim", [claim("positive", 0.9, "a", "2024-01-01")], "positive", 0.9],
    [
      "two documents combine by noisy-OR",
      [claim("positive", 0.5, "a", null), claim("positive", 0.5, "b", null)],
      "positive",
      0.75,
    ],
    [
      "one document counts once, with its strongest claim",
      [claim("positive", 0.5, "a", null), claim("positive", 0.6, "a", null)],
      "positive",
      0.6,
    ],
    ["a denial alone is a negative relation", [claim("negative", 0.7, "a", null)], "negative", 0.7],
    [
      "stated and denied is contested, discounted by the denial",
      [claim("positive", 0.8, "a", null), claim("negative", 0.5, "b", null)],
      "contested",
      0.4,
    ],
  ])("%s", (_name, claims, polarity, confidence) => {
    const relation = aggregateClaims(claims);
    expect(relation?.polarity).toBe(polarity);
    expect(relation?.confidence).toBeCloseTo(confidence, 4);
    expect(relation?.contested).toBe(polarity === "contested");
  });

  it("reports first and last dates over all claims and the first positive one", () => {
    const relation = aggregateClaims([
      claim("negative", 0.5, "a", "2023-01-01"),
      claim("positive", 0.5, "b", "2023-06-01"),
      claim("positive", 0.5, "c", null),
    ]);
    expect(relation).toMatchObject({
      firstReported: "2023-01-01",
      lastReported: "2023-06-01",
      firstPositive: "2023-06-01",
      claimCount: 3,
      positiveClaims: 2,
      negativeClaims: 1,
      documentCount: 3,
    });
  });
});

describe("claimsAsOf", () => {
  it("keeps claims published on or before the date and drops undated ones", () => {
    const claims = [
      claim("positive", 1, "a", "2023-01-01"),
      claim("positive", 1, "b", "2023-02-01"),
      claim("positive", 1, "c", null),
    ];
    expect(claimsAsOf(claims, "2023-01-01").map((c) => c.documentId)).toEqual(["a"]);
    expect(claimsAsOf(claims, null)).toHaveLength(3);
  });
});
