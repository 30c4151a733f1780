import { describe, expect, it } from "vitest";
import { extract } from "../../../src/extract/index.ts";

const doc = (body: string, published = "2023-10-24") => `---\ntitle: Test\npublished: ${published}\n---\n${body}`;

const cases: Array<{
  body: string;
  date: string | null;
  killed?: number | null;
  injured?: number | null;
  location?: string;
}> = [
  {
    body: "Twenty American personnel sustained minor injuries on Oct. 18 when two drones targeted al-Tanf in Syria.",
    date: "2023-10-18",
    injured: 20,
    location: "al-tanf",
  },
  {
    body: "Two dozen American military personnel were wounded last week in drone attacks at bases in Iraq.",
    date: null,
    injured: 24,
    location: "iraq",
  },
  {
    body: "A U.S. contractor was killed yesterday and five U.S. service members and one contractor were wounded after a drone struck a base near Hasakah.",
    date: "2023-10-23",
    killed: 1,
    injured: 6,
    location: "hasakah",
  },
  {
    body: "On Monday, a rocket fired from Lebanon killed 12 young people in Majdal Shams.",
    date: "2023-10-23",
    killed: 12,
    location: "majdal-shams",
  },
  { body: "The Houthis attacked ships in the Red Sea, with 47 wounded.", date: null, injured: 47, location: "red-sea" },
  {
    body: "Kataib Hezbollah attacked coalition forces at Erbil, Iraq on Dec. 25, leaving 106 killed 314 injured.",
    date: "2023-12-25",
    killed: 106,
    injured: 314,
    location: "iraq",
  },
];

describe("attack events", () => {
  it.each(cases)("$body", ({ body, date, killed, injured, location }) => {
    const events = extract(doc(body)).events;
    expect(events.length).toBe(1);
    const [event] = events;
    expect(event?.type).toBe("ATTACK");
    expect(event?.date).toBe(date);
    if (killed !== undefined) expect(event?.casualties.killed).toBe(killed);
    if (injured !== undefined) expect(event?.casualties.injured).toBe(injured);
    if (location) expect(event?.locations).toContain(location);
  });

  it("reports no event for a casualty tally with no date, place or side", () => {
    expect(extract(doc("Casualties: Per Houthis: 134 killed, 314 injured, 14 detained")).events).toEqual([]);
  });

  it("reports no event for planned or conditional attacks", () => {
    expect(extract(doc("Militias are planning to ramp up attacks against US forces in Iraq.")).events).toEqual([]);
    expect(extract(doc("They will not be punished if they continue to attack US targets in Syria.")).events).toEqual(
      [],
    );
  });
});
