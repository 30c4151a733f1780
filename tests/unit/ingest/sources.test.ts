import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expandInputs, readSourceFile, type SourceItem } from "../../../src/ingest/sources.ts";

let dir: string;

async function readAll(file: string, maxBytes = 1_000_000): Promise<SourceItem[]> {
  const items: SourceItem[] = [];
  for await (const item of readSourceFile(file, maxBytes)) items.push(item);
  return items;
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "actorgraph-sources-"));
  await mkdir(path.join(dir, "nested"));
  await writeFile(path.join(dir, "a.md"), "---\ntitle: A\n---\nIran funds militias.\n");
  await writeFile(path.join(dir, "nested/b.txt"), "Hamas attacked Israel.");
  await writeFile(path.join(dir, "nested/ignored.png"), Buffer.from([0x89, 0x50, 0x4e, 0x47]));
  await writeFile(
    path.join(dir, "batch.jsonl"),
    [
      JSON.stringify({
        text: "One.",
        title: "T1",
        url: "https://example.org/1",
        publishedAt: "2024-01-02",
        source: "X",
      }),
      "{not json",
      "",
      JSON.stringify({ title: "no text" }),
      JSON.stringify({ text: "Two.", publishedAt: "yesterday" }),
      JSON.stringify({ text: "Three.", url: 42 }),
    ].join("\n"),
  );
  await writeFile(path.join(dir, "one.json"), JSON.stringify({ text: "Single.", title: "S" }));
  await writeFile(path.join(dir, "array.json"), JSON.stringify([{ text: "First." }, "oops"]));
  await writeFile(path.join(dir, "broken.json"), "{");
  await writeFile(path.join(dir, "binary.txt"), Buffer.from([0xff, 0xfe, 0x00, 0x41]));
  await writeFile(path.join(dir, "empty.md"), "  \n");
  await writeFile(path.join(dir, "big.md"), "x".repeat(2000));
});

afterAll(() => rm(dir, { recursive: true, force: true }));

describe("expandInputs", () => {
  it("expands folders recursively to document files only, and reports inputs that match nothing", async () => {
    const { files, failures } = await expandInputs([
      path.join(dir, "nested"),
      path.join(dir, "missing.md"),
      `${dir}/*.nomatch`,
    ]);
    expect(files).toEqual([path.join(dir, "nested/b.txt")]);
    expect(failures.map((f) => f.reason)).toEqual(["no such file or folder", "the pattern matches no file"]);
  });

  it("expands globs", async () => {
    const { files } = await expandInputs([`${dir}/*.json`]);
    expect(files.map((f) => path.basename(f))).toEqual(["array.json", "broken.json", "one.json"]);
  });
});

describe("readSourceFile", () => {
  it("reads Markdown with its front matter kept for extraction", async () => {
    expect(await readAll(path.join(dir, "a.md"))).toEqual([
      { document: { origin: path.join(dir, "a.md"), content: "---\ntitle: A\n---\nIran funds militias.\n", meta: {} } },
    ]);
  });

  it("reads JSON Lines one document per line, reporting each bad line with its number and reason", async () => {
    const items = await readAll(path.join(dir, "batch.jsonl"));
    const origin = (n: number) => `${path.join(dir, "batch.jsonl")}:${n}`;
    expect(items[0]).toEqual({
      document: {
        origin: origin(1),
        content: "One.",
        meta: { title: "T1", url: "https://example.org/1", publishedAt: "2024-01-02", source: "X" },
      },
    });
    expect(items.slice(1)).toEqual([
      { failure: { origin: origin(2), reason: expect.stringContaining("invalid JSON") } },
      { failure: { origin: origin(4), reason: "the text field is missing or empty" } },
      { failure: { origin: origin(5), reason: expect.stringContaining('publishedAt "yesterday" is not a date') } },
      { failure: { origin: origin(6), reason: "url must be a string" } },
    ]);
  });

  it("reads a JSON object or array of documents", async () => {
    expect(await readAll(path.join(dir, "one.json"))).toMatchObject([
      { document: { content: "Single.", meta: { title: "S" } } },
    ]);
    expect(await readAll(path.join(dir, "array.json"))).toMatchObject([
      { document: { content: "First." } },
      { failure: { reason: "expected an object with a text field" } },
    ]);
  });

  it.each([
    ["broken.json", "invalid JSON"],
    ["binary.txt", "not valid UTF-8"],
    ["empty.md", "the file is empty"],
    ["nested/ignored.png", "not valid UTF-8"],
  ])("fails %s with a reason", async (file, reason) => {
    const items = await readAll(path.join(dir, file));
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ failure: { reason: expect.stringContaining(reason) } });
  });

  it("refuses files over the size limit and names the setting", async () => {
    expect(await readAll(path.join(dir, "big.md"), 1000)).toMatchObject([
      { failure: { reason: expect.stringContaining("INGEST_MAX_BYTES") } },
    ]);
  });
});
