import { describe, expect, it } from "vitest";
import { extract } from "../../../src/extract/index.ts";

type Case = { sentence: string; triple: string; polarity?: "positive" | "negative"; modality?: string };

/** Each construction: a sentence and a triple (subject PREDICATE object) it must yield. */
const constructions: Case[] = [
  { sentence: "Iran funds, arms, equips and trains Hezbollah.", triple: "iran FUNDS hezbollah" },
  { sentence: "Iran funds, arms, equips and trains Hezbollah.", triple: "iran ARMS hezbollah" },
  { sentence: "Iran funds, arms, equips and trains Hezbollah.", triple: "iran TRAINS hezbollah" },
  { sentence: "Kata'ib Hezbollah is backed by Iran.", triple: "iran SUPPORTS kataib-hezbollah" },
  {
    sentence: "The group is funded, trained and guided by the IRGC-Quds Force.",
    triple: "irgc-quds-force FUNDS houthis",
  },
  {
    sentence: "Iranian-sponsored Kataib Hezbollah attacked coalition forces.",
    triple: "iran SUPPORTS kataib-hezbollah",
  },
  {
    sentence: "Iranian-sponsored Kataib Hezbollah attacked coalition forces.",
    triple: "kataib-hezbollah ATTACKS coalition-forces",
  },
  { sentence: "Iran-backed militias attacked U.S. forces in Syria.", triple: "iran SUPPORTS iran-backed-militias" },
  { sentence: "Iran-backed militias attacked U.S. forces in Syria.", triple: "iran-backed-militias ATTACKS us-forces" },
  {
    sentence: "On Monday, National Security Council spokesperson John Kirby spoke.",
    triple: "john-kirby MEMBER_OF nsc",
  },
  {
    sentence: '"We will act," said General Michael Erik Kurilla, U.S. Central Command Commander.',
    triple: "michael-kurilla MEMBER_OF centcom",
  },
  { sentence: "Iran supports the Houthis through the IRGC-Quds Force.", triple: "irgc-quds-force SUPPORTS houthis" },
  { sentence: "Iran supports the Houthis through the IRGC-Quds Force.", triple: "iran SUPPORTS irgc-quds-force" },
  { sentence: "Iran seeks to exploit the backlash to US support for Israel.", triple: "united-states SUPPORTS israel" },
  { sentence: "Tensions rose as the war between Israel and Hamas continues.", triple: "hamas FIGHTS israel" },
  { sentence: "Hezbollah acts as Iran's proxy in Lebanon.", triple: "iran SUPPORTS hezbollah" },
  {
    sentence: "Officials said Iran appears to be encouraging the Houthis.",
    triple: "iran ENCOURAGES houthis",
    modality: "hedged",
  },
  {
    sentence: "Iran is encouraging the Houthis rather than explicitly directing them.",
    triple: "iran DIRECTS houthis",
    polarity: "negative",
  },
  { sentence: "Hezbollah does not fund Hamas.", triple: "hezbollah FUNDS hamas", polarity: "negative" },
  { sentence: "The Houthis are planning to attack Israel.", triple: "houthis ATTACKS israel", modality: "planned" },
  { sentence: "The Houthis could attack Israel.", triple: "houthis ATTACKS israel", modality: "possible" },
  {
    sentence: "Hezbollah and Israel have regularly exchanged fire across the border.",
    triple: "hezbollah FIGHTS israel",
  },
  { sentence: "The strikes were conducted near Erbil, Iraq.", triple: "erbil LOCATED_IN iraq" },
  { sentence: "Hezbollah is closely allied with Iran.", triple: "hezbollah ALLIED_WITH iran" },
  { sentence: "The militia is part of the Popular Mobilization Forces.", triple: "kataib-hezbollah PART_OF pmf" },
  {
    sentence: "Since 2024, the U.S.-led coalition has struck the Houthis.",
    triple: "united-states DIRECTS coalition-forces",
  },
  {
    sentence:
      "Kata'ib Hezbollah is part of the Popular Mobilization Forces.[36] The group fought against Coalition forces.[38]",
    triple: "kataib-hezbollah FIGHTS coalition-forces",
  },
  {
    sentence: "On October 26, at President Biden's direction, U.S. forces conducted strikes in Syria.",
    triple: "joe-biden DIRECTS us-forces",
  },
  {
    sentence: "At the direction of President Biden, U.S. forces conducted strikes in Syria.",
    triple: "joe-biden DIRECTS us-forces",
  },
  {
    sentence: "Iran-backed militia groups have attacked U.S. bases and facilities in Iraq and Syria 41 times.",
    triple: "iran-backed-militias ATTACKS us-forces",
  },
  {
    sentence: "Iran-backed militia groups have attacked U.S. bases and facilities in Iraq and Syria 41 times.",
    triple: "us-forces LOCATED_IN syria",
  },
  { sentence: "British warships in Bahrain stayed in port.", triple: "uk-armed-forces LOCATED_IN bahrain" },
  {
    sentence:
      "U.S. forces conducted strikes on facilities in eastern Syria used and operated by Iran's Islamic Revolutionary Guard Corps.",
    triple: "us-forces ATTACKS irgc",
  },
  { sentence: "Iran's IRGC funds and trains Hezbollah.", triple: "irgc FUNDS hezbollah" },
];

const context = "Kata'ib Hezbollah is an Iraqi group. ";

describe("relation constructions", () => {
  it.each(constructions)("$sentence -> $triple", ({ sentence, triple, polarity = "positive", modality }) => {
    const text =
      triple.includes("houthis") && sentence.startsWith("The group")
        ? `The Houthis emerged in Yemen. ${sentence}`
        : context + sentence;
    const [subject, predicate, object] = triple.split(" ");
    const symmetric = predicate === "FIGHTS" || predicate === "ALLIED_WITH" || predicate === "ASSOCIATED_WITH";
    const found = extract(text).relations.filter(
      (r) =>
        r.predicate === predicate &&
        ((r.subject === subject && r.object === object) || (symmetric && r.subject === object && r.object === subject)),
    );
    expect(found.map((r) => r.polarity)).toContain(polarity);
    if (modality) expect(found.map((r) => r.modality)).toContain(modality);
  });
});

/** What must not be read as a relation. */
const negatives: Array<{ sentence: string; forbidden: string }> = [
  { sentence: "Talks between the US and Iran resumed.", forbidden: "united-states * iran" },
  { sentence: "The US and Iran sent envoys to Oman.", forbidden: "united-states * iran" },
  { sentence: "Iran, Iraq and Syria are neighbours.", forbidden: "iran * iraq" },
  {
    sentence: "U.S.-supported efforts to pause fighting in Gaza have not produced a breakthrough.",
    forbidden: "united-states SUPPORTS gaza",
  },
  { sentence: "Hezbollah's Unit 3800 was mentioned in Beirut.", forbidden: "hezbollah ATTACKS beirut" },
  {
    sentence:
      "U.S. forces conducted strikes on facilities in eastern Syria used and operated by Iran's Islamic Revolutionary Guard Corps.",
    forbidden: "us-forces ATTACKS syria",
  },
  {
    sentence:
      "U.S. forces conducted strikes on facilities in eastern Syria used and operated by Iran's Islamic Revolutionary Guard Corps.",
    forbidden: "irgc ATTACKS syria",
  },
  {
    sentence: "Iran-backed militia groups have attacked U.S. bases in Iraq.",
    forbidden: "iran-backed-militias ATTACKS iraq",
  },
  {
    sentence:
      "Kata'ib Hezbollah is part of the Popular Mobilization Forces.[36] The group fought against Coalition forces.",
    forbidden: "coalition-forces * pmf",
  },
  {
    sentence:
      "Kata'ib Hezbollah is part of the Popular Mobilization Forces.[36] The group fought against Coalition forces.",
    forbidden: "pmf * coalition-forces",
  },
];

describe("relation negatives", () => {
  it.each(negatives)("$sentence has no $forbidden", ({ sentence, forbidden }) => {
    const [subject, predicate, object] = forbidden.split(" ");
    const found = extract(sentence).relations.filter(
      (r) =>
        r.subject === subject &&
        r.object === object &&
        (predicate === "*" || r.predicate === predicate) &&
        r.confidence > 0.5,
    );
    expect(found).toEqual([]);
  });
});
