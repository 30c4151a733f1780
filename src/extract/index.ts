// The extractor: news text in, the contract's entities, relations and events
// out. Pure and deterministic: no I/O, no clock, no randomness.
import type { DocumentMeta, Entity, ExtractedEvent, Extraction, Relation } from "../model.ts";
import { lastYearIn } from "./dates.ts";
import { parseDocument } from "./document.ts";
import type { EventCandidate } from "./events.ts";
import { findEvents, mergeEvents } from "./events.ts";
import type { Gazetteer } from "./gazetteer.ts";
import { createGazetteer } from "./gazetteer.ts";
import type { MentionContext } from "./mentions.ts";
import { createMentionContext, ensureRegistered, findMentions } from "./mentions.ts";
import type { Register } from "./register.ts";
import { ancestorsOf, getDefaultRegister } from "./register.ts";
import { findRelations } from "./relations.ts";
import type { Sentence } from "./sentences.ts";
import { splitSentences } from "./sentences.ts";

export type ExtractionResult = Extraction & { meta: DocumentMeta };

/** Web-page chrome that names organisations without saying anything about them. */
const CHROME =
  /An official website of|Here['’]s how you know|Official websites use|website belongs to an official|Secure \.gov websites|Share sensitive information|lock \(\s*lock|not a UNHCR publication|^Disclaimer\b|^Cite as\b|^Publisher\b|^Publication Date\b|^Comments are closed|^\[?Continue reading|^Photo By:|^VIRIN:|^Release Number|^FOR IMMEDIATE RELEASE/i;

let shared: { register: Register; gazetteer: Gazetteer } | null = null;

function defaults(): { register: Register; gazetteer: Gazetteer } {
  if (!shared) {
    const register = getDefaultRegister();
    shared = { register, gazetteer: createGazetteer(register) };
  }
  return shared;
}

export function extract(text: string): ExtractionResult {
  const { meta, body } = parseDocument(text);
  return { ...extractBody(body, meta), meta };
}

export function extractBody(body: string, meta: DocumentMeta): Extraction {
  const { register, gazetteer } = defaults();
  const ctx = createMentionContext(register, gazetteer);
  const sentences = splitSentences(body).filter((s) => !CHROME.test(s.text));
  const subject = documentSubject(ctx, meta.title);
  const anchor = meta.publishedAt?.slice(0, 10) ?? null;
  let contextYear = anchor ? Number(anchor.slice(0, 4)) : firstYear(body);

  const relations: Relation[] = [];
  const candidates: EventCandidate[] = [];
  const firstSentenceOf = new Map<string, Sentence>();
  for (const sentence of sentences) {
    const mentions = findMentions(sentence, ctx);
    for (const m of mentions) if (!firstSentenceOf.has(m.id)) firstSentenceOf.set(m.id, sentence);
    const found = findRelations({ sentence, mentions, entities: ctx.entities, subject });
    relations.push(...found);
    candidates.push(
      ...findEvents({ sentence, mentions, relations: found, entities: ctx.entities, anchor, contextYear }),
    );
    contextYear = lastYearIn(sentence.text) ?? contextYear;
  }
  for (const named of ctx.namedRelations) {
    if (named.sentence.end <= named.sentence.start) continue;
    relations.push({
      subject: named.subject,
      predicate: named.predicate,
      object: named.object,
      polarity: "positive",
      modality: "asserted",
      confidence: 0.75,
      attribution: null,
      evidence: [{ quote: named.sentence.text, start: named.sentence.start, end: named.sentence.end }],
    });
  }
  relations.push(...registerRelations(ctx, firstSentenceOf));
  for (const r of relations) {
    ensureRegistered(ctx, r.subject);
    ensureRegistered(ctx, r.object);
  }
  const events = mergeEvents(candidates).map(cleanEvent(ctx));
  return { entities: toEntities(ctx), relations: mergeRelations(relations), events };
}

/** The actor a page is about, when its title starts with one ("Kata'ib Hezbollah (Wikipedia)"). */
function documentSubject(ctx: MentionContext, title: string | null): string | null {
  if (!title) return null;
  const first = ctx.gazetteer.find(title)[0];
  if (!first || first.start > 4) return null;
  const type = ctx.register.entries.get(first.id)?.type;
  return type === "ArmedGroup" || type === "Organization" || type === "MilitaryForce" || type === "GovernmentBody"
    ? first.id
    : null;
}

function firstYear(body: string): number | null {
  const m = /\b(19[5-9]\d|20[0-4]\d)\b/.exec(body);
  return m ? Number(m[1]) : null;
}

/**
 * What the register knows about actors the text names together: a unit is part of its
 * parent, a place lies in its country. Stated with low confidence and the first mention as evidence.
 */
function registerRelations(ctx: MentionContext, firstSentenceOf: ReadonlyMap<string, Sentence>): Relation[] {
  const out: Relation[] = [];
  for (const entity of ctx.entities.values()) {
    if (!entity.registered) continue;
    const sentence = firstSentenceOf.get(entity.id);
    if (!sentence) continue;
    const entry = ctx.register.entries.get(entity.id);
    if (!entry) continue;
    let predicate: Relation["predicate"] | null = null;
    let object: string | null = null;
    if (entry.type === "Location" && entry.country) {
      const container = [entry.country, ...ancestorsOf(ctx.register, entry.country)].find((id) =>
        firstSentenceOf.has(id),
      );
      if (container) [predicate, object] = ["LOCATED_IN", container];
    } else if (entry.type !== "Person" && entry.type !== "Country") {
      const parent = ancestorsOf(ctx.register, entity.id).find((id) => firstSentenceOf.has(id));
      if (parent) [predicate, object] = ["PART_OF", parent];
    }
    if (!predicate || !object) continue;
    out.push({
      subject: entity.id,
      predicate,
      object,
      polarity: "positive",
      modality: "asserted",
      confidence: 0.5,
      attribution: null,
      evidence: [{ quote: sentence.text, start: sentence.start, end: sentence.end }],
    });
  }
  return out;
}

function mergeRelations(relations: Relation[]): Relation[] {
  const byKey = new Map<string, Relation>();
  for (const r of relations) {
    const key = `${r.subject}|${r.predicate}|${r.object}|${r.polarity}`;
    const known = byKey.get(key);
    if (!known) {
      byKey.set(key, { ...r, evidence: [...r.evidence] });
      continue;
    }
    known.confidence = Math.max(known.confidence, r.confidence);
    known.attribution ??= r.attribution;
    if (!known.role && r.role) known.role = r.role;
    for (const e of r.evidence)
      if (known.evidence.length < 5 && !known.evidence.some((k) => k.start === e.start)) known.evidence.push(e);
  }
  return [...byKey.values()];
}

function toEntities(ctx: MentionContext): Entity[] {
  return [...ctx.entities.values()].map((e) => ({
    id: e.id,
    name: e.name,
    type: e.type,
    aliases: [...e.aliases].filter((a) => a !== e.name),
    parent: e.parent,
    country: e.country,
    registered: e.registered,
  }));
}

function cleanEvent(ctx: MentionContext) {
  return (event: ExtractedEvent): ExtractedEvent => {
    for (const id of [...event.locations, ...event.perpetrators, ...event.targets]) ensureRegistered(ctx, id);
    return event;
  };
}
