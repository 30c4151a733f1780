import { describe, expect, it } from "vitest";
import { toQuoteSegments, toSnippetSegments } from "../../../web/src/quote-highlight.ts";

const marked = (segments: { text: string; marked: boolean }[]) => segments.filter((s) => s.marked).map((s) => s.text);

describe("toQuoteSegments", () => {
  const sentence = "Iran funds, arms, equips and trains Iran-backed militias, a senior defense official said.";

  it("marks every phrase it finds and keeps the sentence whole", () => {
    const segments = toQuoteSegments(sentence, ["Iran", "Iran-backed militias"]);
    expect(segments.map((s) => s.text).join("")).toBe(sentence);
    expect(marked(segments)).toEqual(["Iran", "Iran-backed militias"]);
  });

  it("prefers the longest phrase at a position", () => {
    expect(marked(toQuoteSegments("The IRGC-Quds Force armed them.", ["IRGC", "IRGC-Quds Force"]))).toEqual([
      "IRGC-Quds Force",
    ]);
  });

  it("ignores case and differences in whitespace", () => {
    expect(marked(toQuoteSegments("Backed by the Quds\n  Force.", ["quds force"]))).toEqual(["Quds\n  Force"]);
  });

  it("marks whole words only", () => {
    expect(marked(toQuoteSegments("Iranian officials denied it.", ["Iran"]))).toEqual([]);
  });

  it("treats regular-expression characters in a phrase literally", () => {
    expect(
      marked(toQuoteSegments("U.S. forces (CENTCOM) said; US forces agreed", ["U.S. forces", "(CENTCOM)"])),
    ).toEqual(["U.S. forces", "(CENTCOM)"]);
  });

  it.each([[[]], [[null, "", "  "]], [["Hezbollah"]]])("returns the sentence unmarked for %j", (phrases) => {
    expect(toQuoteSegments(sentence, phrases)).toEqual([{ text: sentence, marked: false }]);
  });
});

describe("toSnippetSegments", () => {
  it("turns **marked** words into marked segments", () => {
    expect(toSnippetSegments("… said **Iran** funds **militias**.")).toEqual([
      { text: "… said ", marked: false },
      { text: "Iran", marked: true },
      { text: " funds ", marked: false },
      { text: "militias", marked: true },
      { text: ".", marked: false },
    ]);
  });
});
