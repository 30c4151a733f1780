import { describe, expect, it } from "vitest";
import { decodeArticle, MAX_INPUT_BYTES } from "../../../src/commands/extract.ts";
import { parseDocument } from "../../../src/extract/document.ts";
import { extract } from "../../../src/extract/index.ts";

describe("front matter", () => {
  it.each([
    ["---\ntitle: T\npublished: 2024-01-02\n---\nBody", "Body", "2024-01-02"],
    ["---\r\ntitle: T\r\n---\r\nBody", "Body", null],
    ["---\ntitle: never closed\nBody text", "---\ntitle: never closed\nBody text", null],
    ["Plain text, no front matter.", "Plain text, no front matter.", null],
    ["", "", null],
  ])("parses %j", (text, body, published) => {
    const doc = parseDocument(text);
    expect(doc.body).toBe(body);
    expect(doc.meta.publishedAt).toBe(published);
  });
});

describe("bad input", () => {
  it("gives an empty extraction for an empty text", () => {
    expect(extract("")).toMatchObject({ entities: [], relations: [], events: [] });
  });

  it.each([
    ["binary", Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01]), /binary/],
    ["invalid UTF-8", Uint8Array.from([0x49, 0x72, 0x61, 0x6e, 0xff, 0xfe]), /not valid UTF-8/],
    ["too large", new Uint8Array(MAX_INPUT_BYTES + 1).fill(0x61), /up to 5 MB/],
  ])("refuses %s input with a message that says what to do", (_name, bytes, message) => {
    expect(() => decodeArticle(bytes, "input.md")).toThrow(message);
  });

  it("finishes quickly on pathological text", () => {
    const nasty = `${"Iran ".repeat(20000)}${"a, ".repeat(20000)}${"U.S.-".repeat(5000)}`;
    const started = performance.now();
    extract(nasty);
    expect(performance.now() - started).toBeLessThan(10000);
  });
});
