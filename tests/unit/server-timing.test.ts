import { describe, expect, it } from "vitest";
import { parseServerTiming } from "../../bench/sequential.ts";

describe("the benchmark's Server-Timing reader", () => {
  it("reads the database and total durations the server sends", () => {
    expect(parseServerTiming('db;dur=1.84;desc="1 Cypher statement", total;dur=3.02')).toEqual({
      dbMs: 1.84,
      totalMs: 3.02,
    });
    expect(parseServerTiming(["total;dur=5", 'db;desc="2 Cypher statements";dur=0.50'])).toEqual({
      dbMs: 0.5,
      totalMs: 5,
    });
  });

  it("gives null when either duration is missing", () => {
    expect(parseServerTiming(undefined)).toBeNull();
    expect(parseServerTiming("db;dur=1.0")).toBeNull();
    expect(parseServerTiming("cache;desc=hit, total;dur=2")).toBeNull();
  });
});
