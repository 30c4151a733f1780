import { describe, expect, it } from "vitest";
import { abbreviates } from "../../../src/extract/mentions.ts";

describe("abbreviates", () => {
  it.each([
    ["IRI", "Islamic Resistance in Iraq", true],
    ["IRGC-QF", "IRGC-Quds Force", true],
    ["KH", "Kata'ib Hezbollah", true],
    ["PMF", "Popular Mobilization Forces", true],
    ["HTS", "Hay'at Tahrir al-Sham", true],
    ["IRGC", "Iran", false],
    ["CENTCOM", "Pentagon", false],
    ["US", "Iraq", false],
  ])("%s abbreviates %s: %s", (acronym, name, expected) => expect(abbreviates(acronym, name)).toBe(expected));
});
