// Attack events: a sentence (or a dated part of a list) that reports armed
// force, with its date, places, weapons, sides and casualties. Mentions of the
// same attack across sentences are merged.
import type { Casualties, ExtractedEvent, Relation } from "../model.ts";
import { findCasualties } from "./casualties.ts";
import { modalityOf } from "./claims.ts";
import { findDates } from "./dates.ts";
import { ATTACK_TRIGGER } from "./lexicon.ts";
import type { DocEntity, Mention } from "./mentions.ts";
import type { Sentence } from "./sentences.ts";

export type EventInput = {
  sentence: Sentence;
  mentions: Mention[];
  relations: Relation[];
  entities: ReadonlyMap<string, DocEntity>;
  anchor: string | null;
  contextYear: number | null;
};

const WEAPONS =
  /\b(one-way (?:attack )?(?:drones?|unmanned aerial vehicles?|UAVs?)|(?:attack |armed )?drones?|unmanned aerial vehicles?|UAVs?|ballistic missiles?|cruise missiles?|anti-ship (?:ballistic )?missiles?|missiles?|rockets?|IEDs?|roadside bombs?|car bombs?|bombs?|artillery|mortars?|RPGs?|fighter aircraft|F-\d+\w*)\b/gi;
const LOCATIVE =
  /\b(?:in|at|near|into|across|over|inside|on|from|outside|throughout|of)\s+(?:the\s+)?(?:(?:northern|southern|eastern|western|northeast(?:ern)?|northwest(?:ern)?|southeast(?:ern)?|southwest(?:ern)?|central|north|south|east|west)\s+)?(?:--\s+\w+\s+)?$/i;

/** "…, CENTCOM told NBC News on Tuesday": the date of the telling, not of the attack. */
const SPEECH_BEFORE = /\b(?:said|told|announced|confirmed|stated|reported|noted)\b[^.;]{0,30}$/i;

export type EventCandidate = Omit<ExtractedEvent, "id">;

export function findEvents(input: EventInput): EventCandidate[] {
  const { sentence } = input;
  if (!ATTACK_TRIGGER.test(sentence.text)) return [];
  return segmentsOf(sentence, input).flatMap((segment) => {
    const candidate = eventIn(segment.start, segment.end, input);
    return candidate ? [candidate] : [];
  });
}

type Segment = { start: number; end: number };

/** A list of dated incidents ("One injured on 22 February 2024, Three killed … on 6 March 2024") is one event per date. */
function segmentsOf(sentence: Sentence, input: EventInput): Segment[] {
  const dates = findDates(sentence.text, input.anchor, input.contextYear).filter((d) => d.iso);
  const segments: Segment[] = [];
  if (dates.length > 1 && /^[^.]*\b(?:killed|injured|wounded)\b.*\b(?:killed|injured|wounded)\b/i.test(sentence.text)) {
    let from = 0;
    for (const d of dates) {
      segments.push({ start: from, end: d.end });
      from = d.end;
    }
    return segments;
  }
  // "In response to attacks on X, Y struck Z": the earlier attack is an event of its own.
  const response = /\b(?:in response to|in retaliation for|following|after)\s+([^,]{10,160}),/i.exec(sentence.text);
  if (response && ATTACK_TRIGGER.test(response[1] ?? "")) {
    const start = (response.index ?? 0) + response[0].length - (response[1] ?? "").length - 1;
    const end = (response.index ?? 0) + response[0].length;
    return [
      { start, end },
      { start: end, end: sentence.text.length },
    ];
  }
  return [{ start: 0, end: sentence.text.length }];
}

function eventIn(from: number, to: number, input: EventInput): EventCandidate | null {
  const { sentence, mentions, relations, entities } = input;
  const text = sentence.text.slice(from, to);
  const trigger = ATTACK_TRIGGER.exec(text);
  if (!trigger) return null;
  const lead = text.slice(0, trigger.index + trigger[0].length);
  const modality = modalityOf(lead);
  if (modality === "planned" || modality === "possible" || /\bif\b|\bwhether\b|\bto (?:attack|strike)\b/i.test(lead))
    return null;

  const inSegment = mentions.filter((m) => m.start - sentence.start >= from && m.end - sentence.start <= to);
  const ids = new Set(inSegment.map((m) => m.id));
  const date = findDates(text, input.anchor, input.contextYear).find(
    (d) =>
      d.iso &&
      !/\b(?:by|until|before)\s+$/i.test(text.slice(Math.max(0, d.start - 10), d.start)) &&
      !SPEECH_BEFORE.test(text.slice(Math.max(0, d.start - 40), d.start)),
  );
  const locations: string[] = [];
  inSegment.forEach((m, k) => {
    const type = entities.get(m.id)?.type;
    const before = sentence.text.slice(Math.max(0, m.start - sentence.start - 40), m.start - sentence.start);
    if (type === "Location" || (type === "Country" && m.via !== "demonym" && (LOCATIVE.test(before) || afterPlace(k))))
      pushUnique(locations, m.id);
  });
  /** "at Erbil, Iraq": a country right after a place and a comma locates it. */
  function afterPlace(k: number): boolean {
    const prev = inSegment[k - 1];
    const m = inSegment[k];
    if (!prev || !m || entities.get(prev.id)?.type !== "Location") return false;
    return /^\s*,\s*$/.test(sentence.text.slice(prev.end - sentence.start, m.start - sentence.start));
  }
  const attacks = relations.filter(
    (r) =>
      r.predicate === "ATTACKS" &&
      r.polarity === "positive" &&
      ids.has(r.subject) &&
      (ids.has(r.object) || !inSegment.length),
  );
  const perpetrators: string[] = [];
  const targets: string[] = [];
  for (const r of attacks) {
    pushUnique(perpetrators, r.subject);
    pushUnique(targets, r.object);
    if (entities.get(r.object)?.type === "Country") pushUnique(locations, r.object);
  }
  const casualties: Casualties = findCasualties(text);
  const hasCasualties = casualties.killed !== null || casualties.injured !== null;
  // A tally with no date, place or side ("Casualties: 134 killed, 314 injured") sums a campaign; it is no one attack.
  if (!date?.iso && locations.length === 0 && attacks.length === 0) return null;
  if (
    !date?.iso &&
    !hasCasualties &&
    attacks.length === 0 &&
    !/\b(?:attack|strike|airstrike|struck|bomb|raid|shell)/i.test(text)
  )
    return null;
  const weapons: string[] = [];
  for (const w of text.matchAll(WEAPONS)) pushUnique(weapons, (w[1] ?? "").toLowerCase().replace(/s$/, ""));
  return {
    type: "ATTACK",
    date: date?.iso ?? null,
    datePrecision: date?.iso ? "day" : "unknown",
    locations,
    perpetrators,
    targets,
    weapons,
    casualties,
    evidence: [{ quote: sentence.text, start: sentence.start, end: sentence.end }],
  };
}

function pushUnique(list: string[], value: string): void {
  if (value && !list.includes(value)) list.push(value);
}

const overlaps = (a: string[], b: string[]) => a.some((x) => b.includes(x));
const compatible = (a: string[], b: string[]) => a.length === 0 || b.length === 0 || overlaps(a, b);

/** Merges reports of the same attack: same day, or undated with shared places and compatible sides. */
export function mergeEvents(candidates: EventCandidate[]): ExtractedEvent[] {
  const events: EventCandidate[] = [];
  for (const c of candidates) {
    const same = events.find((e) => {
      if (!compatible(e.perpetrators, c.perpetrators) || !compatible(e.targets, c.targets)) return false;
      if (e.date && c.date)
        return e.date === c.date && (overlaps(e.locations, c.locations) || !e.locations.length || !c.locations.length);
      if (e.date || c.date) return false;
      return overlaps(e.locations, c.locations);
    });
    if (!same) {
      events.push({
        ...c,
        locations: [...c.locations],
        perpetrators: [...c.perpetrators],
        targets: [...c.targets],
        weapons: [...c.weapons],
        evidence: [...c.evidence],
      });
      continue;
    }
    for (const k of ["locations", "perpetrators", "targets", "weapons"] as const)
      for (const v of c[k]) pushUnique(same[k], v);
    same.casualties = {
      killed: same.casualties.killed ?? c.casualties.killed,
      injured: same.casualties.injured ?? c.casualties.injured,
    };
    if (!same.evidence.some((e) => e.start === c.evidence[0]?.start)) same.evidence.push(...c.evidence);
  }
  const seen = new Map<string, number>();
  return events.map((e) => {
    const base = `${e.date ?? "undated"}-attack-${e.locations[0] ?? e.targets[0] ?? "unknown"}`;
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return { id: n === 1 ? base : `${base}-${n}`, ...e };
  });
}
