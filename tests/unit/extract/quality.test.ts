import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { Gold } from "../../../src/eval/score.ts";
import { scoreDocument, summarise } from "../../../src/eval/score.ts";
import { parseDocument } from "../../../src/extract/document.ts";
import { extract } from "../../../src/extract/index.ts";

const corpus = join(import.meta.dirname, "..", "..", "..", "corpus");
const golds = readdirSync(join(corpus, "gold"))
  .filter((f) => f.endsWith(".gold.json"))
  .sort()
  .map((f) => JSON.parse(readFileSync(join(corpus, "gold", f), "utf8")) as Gold);
const articles = golds.map((gold) => ({ gold, text: readFileSync(join(corpus, "articles", gold.document), "utf8") }));

describe("extractor quality on the shipped corpus", () => {
  const results = articles.map(({ gold, text }) => ({ gold, text, out: extract(text) }));

  it("keeps entity F1 at 0.85 or more and strict relation F1 at 0.60 or more", () => {
    const summary = summarise(results.map(({ gold, out }) => scoreDocument(gold, out)));
    expect(summary.entities.f1).toBeGreaterThanOrEqual(0.85);
    expect(summary.relations.f1).toBeGreaterThanOrEqual(0.6);
  });

  it.each(articles.map((a) => [a.gold.document, a.text]))(
    "quotes the body exactly in every evidence of %s",
    (_name, text) => {
      const { body } = parseDocument(text);
      const out = extract(text);
      for (const item of [...out.relations, ...out.events]) {
        expect(item.evidence.length).toBeGreaterThan(0);
        for (const e of item.evidence) expect(body.slice(e.start, e.end)).toBe(e.quote);
      }
    },
  );

  it("gives the same output for the same input", () => {
    const first = articles[0];
    if (!first) throw new Error("the corpus is empty");
    expect(JSON.stringify(extract(first.text))).toBe(JSON.stringify(extract(first.text)));
  });
});
