// `actorgraph eval DIR`: runs the extractor over annotated articles and prints
// per-document misses and the headline figures (the contract's scoring rules).
import { existsSync } from "node:fs";
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import type { Command } from "../cli.ts";
import { InvalidInputError } from "../errors.ts";
import type { DocumentScore, Gold } from "../eval/score.ts";
import { scoreDocument, summarise, toFigures } from "../eval/score.ts";
import { extract } from "../extract/index.ts";
import { decodeArticle } from "./extract.ts";

const HELP = `Usage: actorgraph eval DIR [--json]

DIR holds articles/ and gold/ (or is the gold folder, with articles/ beside it).
Each gold/NAME.gold.json names its article in "document". Prints per-document misses and
entity F1, strict and lenient relation F1 and event F1, micro-averaged.`;

export const evalCommand: Command = {
  summary: "Score the extractor against gold annotations (per-document misses, F1)",
  async run(args) {
    const dir = args.find((a) => !a.startsWith("--"));
    if (!dir || args.includes("--help")) {
      console.log(HELP);
      return dir ? 0 : 2;
    }
    const { goldDir, articleDir } = locate(dir);
    const files = (await readdir(goldDir)).filter((f) => f.endsWith(".gold.json")).sort();
    if (files.length === 0) throw new InvalidInputError(`No *.gold.json files in ${goldDir}.`);
    const scores: DocumentScore[] = [];
    for (const file of files) {
      const gold = JSON.parse(await readFile(join(goldDir, file), "utf8")) as Gold;
      const articlePath = join(articleDir, gold.document);
      if (!existsSync(articlePath))
        throw new InvalidInputError(`${file} names ${gold.document}, which is not in ${articleDir}.`);
      const text = decodeArticle(await readFile(articlePath), articlePath);
      scores.push(scoreDocument(gold, extract(text)));
    }
    const summary = summarise(scores);
    if (args.includes("--json")) {
      console.log(JSON.stringify({ documents: scores, summary }, null, 2));
      return 0;
    }
    const f = (x: number) => x.toFixed(3);
    for (const s of scores) {
      const [e, r, l, v] = [toFigures(s.entities), toFigures(s.strict), toFigures(s.lenient), toFigures(s.events)];
      console.log(s.document);
      console.log(`  entities F1 ${f(e.f1)} | relations F1 ${f(r.f1)} (lenient ${f(l.f1)}) | events F1 ${f(v.f1)}`);
      if (s.missedEntities.length) console.log(`  missed entities: ${s.missedEntities.join("; ")}`);
      if (s.extraEntities.length) console.log(`  entities not in gold: ${s.extraEntities.join("; ")}`);
      if (s.missedRelations.length) console.log(`  missed relations: ${s.missedRelations.join("; ")}`);
      if (s.extraRelations.length) console.log(`  relations not in gold: ${s.extraRelations.join("; ")}`);
    }
    console.log(
      `documents=${summary.documents} entityF1=${f(summary.entities.f1)} typeAcc=${f(summary.typeAccuracy)} relationF1=${f(summary.relations.f1)} relationF1Lenient=${f(summary.relationsLenient.f1)} eventF1=${f(summary.events.f1)} eventArgAcc=${f(summary.eventArgAccuracy)}`,
    );
    return 0;
  },
};

function locate(dir: string): { goldDir: string; articleDir: string } {
  if (existsSync(join(dir, "gold")) && existsSync(join(dir, "articles")))
    return { goldDir: join(dir, "gold"), articleDir: join(dir, "articles") };
  if (existsSync(join(dir, "..", "articles"))) return { goldDir: dir, articleDir: join(dir, "..", "articles") };
  throw new InvalidInputError(`${dir} has no gold/ and articles/ folders. Give a corpus folder such as corpus/.`);
}
