import { createReadStream } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { toImportedActor } from "../../../src/import/actor-names.ts";
import { mapCameo } from "../../../src/import/cameo.ts";
import { readIcews } from "../../../src/import/icews.ts";
import type { ParseResult } from "../../../src/import/records.ts";
import { readUcdp } from "../../../src/import/ucdp.ts";
import { slugify } from "../../../src/slug.ts";

const FIXTURES = path.join(import.meta.dirname, "../../fixtures/import");

async function collect(results: AsyncIterable<ParseResult>) {
  const all: ParseResult[] = [];
  for await (const result of results) all.push(result);
  const records = all.flatMap((r) => ("record" in r ? [r.record] : []));
  const rejected = all.flatMap((r) => ("rejected" in r ? [r.rejected] : []));
  return { records, rejected };
}

describe("slugify", () => {
  it.each([
    ["Kata'ib Hezbollah", "kataib-hezbollah"],
    ["Government of Syria", "government-of-syria"],
    ["Teir Maaleh village", "teir-maaleh-village"],
    ["Ḥarakat al-Nujabāʼ", "harakat-al-nujaba"],
  ])("%s -> %s", (text, slug) => expect(slugify(text)).toBe(slug));
});

describe("toImportedActor", () => {
  it.each([
    ["Government of Syria", { id: "syria", name: "Syria", type: "Country" }],
    ["Government (Israel)", { id: "israel", name: "Israel", type: "Country" }],
    ["Police (Iraq)", { id: "police-iraq", type: "MilitaryForce" }],
    ["Militant (Iraq)", { id: "militant-iraq", type: "ArmedGroup" }],
    ["Syrian insurgents", { id: "syrian-insurgents", type: "ArmedGroup" }],
    [
      "Congress_(United_States)",
      { id: "congress-united-states", name: "Congress (United States)", type: "GovernmentBody" },
    ],
    ["Barack Obama", { id: "barack-obama", type: "Person" }],
  ])("%s", (name, expected) => expect(toImportedActor(name, null)).toMatchObject(expected));

  it("prefers the register's entity when the resolver knows the name", () => {
    const resolve = (name: string) =>
      name === "Quds Force" ? { id: "irgc-quds-force", name: "IRGC-Quds Force", type: "MilitaryForce" as const } : null;
    expect(toImportedActor("Quds Force", resolve)).toEqual({
      id: "irgc-quds-force",
      name: "IRGC-Quds Force",
      type: "MilitaryForce",
      aliases: ["Quds Force"],
    });
  });
});

describe("mapCameo", () => {
  it.each([
    ["Use conventional military force", "ATTACKS", "asserted"],
    ["Provide military aid", "ARMS", "asserted"],
    ["Express intent to provide military aid", "ARMS", "planned"],
    ["Provide economic aid", "FUNDS", "asserted"],
    ["Threaten with military force", "ATTACKS", "planned"],
  ])("%s -> %s (%s)", (description, predicate, modality) => {
    expect(mapCameo(description)).toMatchObject({ predicate, modality });
  });

  it.each(["Make statement", "Consult", "Arrest, detain, or charge with legal action", ""])(
    "maps %j to nothing",
    (d) => {
      expect(mapCameo(d)).toBeNull();
    },
  );
});

describe("readIcews", () => {
  it("turns rows into events, mapped rows into claims, and reports broken rows with their line", async () => {
    const { records, rejected } = await collect(
      readIcews(createReadStream(path.join(FIXTURES, "icews-sample.tsv")), "icews-test", null),
    );
    expect(records.map((r) => r.id)).toEqual([
      "icews-test-2",
      "icews-test-3",
      "icews-test-4",
      "icews-test-5",
      "icews-test-6",
      "icews-test-9",
    ]);
    expect(rejected).toEqual([
      { line: 7, reason: "missing subject or object" },
      { line: 8, reason: 'date "14/01/2014" is not a date (YYYY-MM-DD)' },
    ]);
    const attack = records[0];
    expect(attack?.event).toMatchObject({ type: "ATTACK", date: "2014-07-12", perpetrators: [{ id: "hezbollah" }] });
    expect(attack?.claim).toMatchObject({
      predicate: "ATTACKS",
      subject: { id: "hezbollah" },
      object: { id: "israel-defense-forces" },
    });
    expect(records[1]?.claim).toMatchObject({
      predicate: "ARMS",
      subject: { id: "iran" },
      object: { id: "hezbollah" },
    });
    expect(records[2]?.claim).toBeNull();
    expect(records[2]?.event?.type).toBe("MAKE_STATEMENT");
    expect(records[5]?.event?.type).toBe("CAMEO_42");
  });

  it("names the missing columns of a file that is not ICEWS", async () => {
    const { Readable } = await import("node:stream");
    await expect(collect(readIcews(Readable.from(["a\tb\tc\n1\t2\t3\n"]), "x", null))).rejects.toThrow("lacks subject");
  });
});

describe("readUcdp", () => {
  it("reads the real excerpt: every row becomes an event with its deaths and a claim", async () => {
    const { records, rejected } = await collect(
      readUcdp(createReadStream(path.join(FIXTURES, "ucdp-ged-syria-excerpt.csv")), null),
    );
    expect(rejected).toEqual([]);
    expect(records).toHaveLength(24);
    const first = records[0];
    expect(first).toMatchObject({
      id: "ucdp-ged-214797",
      event: {
        date: "2016-01-01",
        datePrecision: "day",
        perpetrators: [{ id: "syria", type: "Country" }],
        targets: [{ id: "syrian-insurgents" }],
        locations: [{ name: "Teir Maaleh village", type: "Location" }],
        killed: { low: 4, best: 4, high: 4 },
      },
      claim: { predicate: "FIGHTS" },
      document: { source: "SOHR", publishedAt: "2015-01-01" },
    });
    const oneSided = records.find((r) => r.claim?.predicate === "ATTACKS");
    expect(oneSided).toBeDefined();
  });

  it("counts malformed rows with the reason instead of dropping them", async () => {
    const { records, rejected } = await collect(
      readUcdp(createReadStream(path.join(FIXTURES, "ucdp-broken.csv")), null),
    );
    expect(records.map((r) => r.id)).toEqual(["ucdp-ged-214797", "ucdp-ged-999004"]);
    expect(rejected.map((r) => r.reason)).toEqual([
      'id "abc" is not a number',
      'date_start "01/02/2016" is not a date (YYYY-MM-DD)',
      "missing side_a",
      'deaths low/best/high "one/1/1" are not whole numbers',
    ]);
    expect(records[1]?.claim?.predicate).toBe("ATTACKS");
  });
});
