// The bulk load's CSV and admin-tool arguments, without a database: what
// the files say for values CSV makes awkward (quotes, line breaks, empty
// strings, empty lists, labels), and how the tool is called.
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ARRAY_DELIMITER, adminImportArgs, parseAdminImportReport } from "../../../src/db/admin-import.ts";
import { InvalidInputError } from "../../../src/errors.ts";
import { createBulkLoadWriter } from "../../../src/graph/bulk-load.ts";
import { datasetFile, fileSizes } from "../../../src/import/dataset-files.ts";
import type { ImportedActor, ImportedRecord } from "../../../src/import/records.ts";

const actor = (id: string, name: string, aliases: string[] = []): ImportedActor => ({
  id,
  name,
  type: "Organization",
  aliases,
});

function record(id: string, quote: string, subject: ImportedActor, object: ImportedActor): ImportedRecord {
  return {
    id,
    document: { id, title: "", url: null, publishedAt: "2020-01-02", source: "test", license: "CC BY 4.0" },
    event: {
      id,
      type: "ATTACK",
      date: "2020-01-02",
      datePrecision: "day",
      endDate: null,
      locations: [],
      perpetrators: [subject],
      targets: [object],
      killed: { low: 1, best: 2, high: 3 },
      quote,
    },
    claim: {
      id,
      subject,
      object,
      predicate: "ATTACKS",
      modality: "asserted",
      confidence: 0.8,
      attribution: "x",
      quote,
    },
  };
}

describe("bulk load CSV", () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), "bulk-csv-"));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it("quotes text, keeps empty strings, leaves null and empty lists empty, and flags line breaks", async () => {
    const writer = createBulkLoadWriter(dir, { ingestedAt: "2026-01-01T00:00:00Z" });
    const a = actor("a", 'The "A" group', ["A; B", "Group A"]);
    const b = actor("b", "B");
    await writer.addBatch([record("r1", 'said "no"\nthen left', a, b)], "test:one");
    const summary = await writer.finish();

    const documents = await readFile(path.join(dir, "documents.csv"), "utf8");
    expect(documents.split("\n")[1]).toBe(
      '"r1","",,"2020-01-02","2020-01-02","test","CC BY 4.0","2020-01-02|r1","2026-01-01T00:00:00Z"',
    );
    const events = await readFile(path.join(dir, "events.csv"), "utf8");
    expect(events).toContain('"said ""no""\nthen left",1,2,3');
    const actors = (await readFile(path.join(dir, "actors.csv"), "utf8")).split("\n");
    expect(actors[0]).toBe("id:ID(Actor),:LABEL,name,type,nameKey,aliases:string[],keys:string[]");
    expect(actors[1]).toBe(
      `"a","Actor${ARRAY_DELIMITER}Organization","The ""A"" group","Organization","a group","A; B${ARRAY_DELIMITER}Group A","a group${ARRAY_DELIMITER}a b${ARRAY_DELIMITER}group a"`,
    );
    // No aliases: an empty field (no property), filled with [] once the database runs.
    expect(actors[2]).toBe(`"b","Actor${ARRAY_DELIMITER}Organization","B","Organization","b",,"b"`);

    const byName = Object.fromEntries(summary.files.map((f) => [f.name, f]));
    expect(byName.Event?.multiline).toBe(true);
    expect(byName.Claim?.multiline).toBe(true);
    expect(byName.Document?.multiline).toBe(false);
    expect(summary).toMatchObject({ documents: 1, events: 1, claims: 1, actors: 2, relations: 1 });
  });

  it("refuses a list element holding the list delimiter instead of splitting it", async () => {
    const writer = createBulkLoadWriter(dir);
    await writer.addBatch([record("r1", "q", actor("a", "A", [`x${ARRAY_DELIMITER}y`]), actor("b", "B"))], "s");
    await expect(writer.finish()).rejects.toThrow(/aliases" element "x\\u001fy" contains the list delimiter/);
  });

  it("writes a document seen in an earlier batch once", async () => {
    const writer = createBulkLoadWriter(dir);
    const [a, b] = [actor("a", "A"), actor("b", "B")];
    expect(await writer.addBatch([record("r1", "q", a, b), record("r1", "q", a, b)], "s")).toEqual({
      eventsCreated: 1,
      claimsCreated: 1,
    });
    expect(await writer.addBatch([record("r1", "q", a, b)], "s")).toEqual({ eventsCreated: 0, claimsCreated: 0 });
    expect((await writer.finish()).documents).toBe(1);
  });
});

describe("admin tool arguments", () => {
  it("names the database before the files, and marks only files with line breaks as multiline", () => {
    const args = adminImportArgs(
      [
        { kind: "nodes", name: "Event", file: "/x/events.csv", multiline: true },
        { kind: "relationships", name: "", file: "/x/relations.csv", multiline: false },
      ],
      { replace: false, reportFile: "/x/report" },
    );
    expect(args.slice(0, 4)).toEqual(["database", "import", "full", "neo4j"]);
    expect(args).toContain("--multiline-fields=/x/events.csv");
    expect(args).toContain("--array-delimiter=U+001F");
    expect(args).toContain("--overwrite-destination=false");
    expect(args.slice(-2)).toEqual(["--nodes=Event=/x/events.csv", "--relationships=/x/relations.csv"]);
  });
});

describe("the admin tool's report", () => {
  // The closing lines of a real run (neo4j-admin 2026.08.1), progress bars cut.
  const output = [
    "Post processing COMPLETED in 1s 187ms",
    "",
    "",
    "IMPORT DONE in 11s 8ms. ",
    "Imported:",
    "  457514 nodes",
    "  1159186 relationships",
    "  3622434 properties",
    "Peak memory usage: 1.019GiB",
  ].join("\n");

  it("reads the import's own time and what it wrote", () => {
    expect(parseAdminImportReport(output)).toEqual({
      importSeconds: 11.008,
      nodes: 457514,
      relationships: 1159186,
      properties: 3622434,
    });
  });

  it("adds up hours and minutes, and takes the whole import's time, not a stage's", () => {
    const long = output.replace("IMPORT DONE in 11s 8ms.", "IMPORT DONE in 1h 5m 30s 250ms.");
    expect(parseAdminImportReport(long)?.importSeconds).toBe(3930.25);
  });

  it("gives null, not a wrong figure, when the tool words its report differently", () => {
    expect(parseAdminImportReport(output.replace("IMPORT DONE", "Import finished"))).toBeNull();
    expect(parseAdminImportReport(output.replace("  457514 nodes\n", ""))).toBeNull();
  });
});

describe("datasetFile", () => {
  it("reads the format from the extension and names the dataset after the file", () => {
    expect(datasetFile("/d/icews/icews14_named.tsv")).toEqual({
      format: "icews",
      file: "/d/icews/icews14_named.tsv",
      dataset: "icews14-named",
    });
    expect(datasetFile("/d/ged.csv", "ged").format).toBe("ucdp");
    expect(() => datasetFile("/d/notes.txt")).toThrow(/expected a UCDP GED .csv or an ICEWS .tsv/);
  });

  it("sizes the files, and names a missing one in an error the CLI prints without a stack", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "dataset-files-"));
    try {
      const file = path.join(dir, "a.tsv");
      await writeFile(file, "12345");
      expect(await fileSizes([file])).toEqual([5]);
      const missing = fileSizes([file, path.join(dir, "b.tsv")]);
      await expect(missing).rejects.toThrow(`No such file: ${path.join(dir, "b.tsv")}`);
      await expect(missing).rejects.toBeInstanceOf(InvalidInputError);
      await expect(fileSizes([dir])).rejects.toThrow(/No such file/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
