// Finds who and what each sentence names, and keeps one entity per actor for
// the whole document: register names, collective actors ("Iranian-backed
// militia groups"), names typed by cue ("General X", "X Brigades"), in-text
// acronyms ("(IRI)"), short forms ("Kirby") and anaphors ("the group").

import type { EntityType, Predicate } from "../model.ts";
import { slugify } from "../slug.ts";
import { HEAD_CUES, LEAD_CUES, PERSON_TITLES, PLACE_LEADS, ROLE_WORDS } from "./cues.ts";
import type { Gazetteer, NameHit } from "./gazetteer.ts";
import type { Register } from "./register.ts";
import { rootOf } from "./register.ts";
import type { Sentence } from "./sentences.ts";

export type MentionVia = "name" | "demonym" | "metonym" | "collective" | "anaphor" | "cue" | "short";
export type Mention = {
  id: string;
  start: number;
  end: number;
  surface: string;
  via: MentionVia;
  metonymOf: string | null;
};

export type DocEntity = {
  id: string;
  name: string;
  type: EntityType;
  aliases: Set<string>;
  registered: boolean;
  parent: string | null;
  country: string | null;
  collective: boolean;
};

/** A relation a name itself states ("Iranian-backed militias": Iran SUPPORTS them). */
export type NamedRelation = { subject: string; predicate: Predicate; object: string; sentence: Sentence };

export type MentionContext = {
  register: Register;
  gazetteer: Gazetteer;
  metonyms: ReadonlyMap<string, string>;
  entities: Map<string, DocEntity>;
  shortForms: Map<string, string>;
  namedRelations: NamedRelation[];
  lastCollective: string | null;
  lastGroup: string | null;
  collectiveByRoot: Map<string, string>;
  /** The sentence being read, so relations a name states get their evidence. */
  current: Sentence;
};

export function createMentionContext(register: Register, gazetteer: Gazetteer): MentionContext {
  const metonyms = new Map<string, string>();
  for (const entry of register.entries.values())
    for (const m of entry.metonyms) metonyms.set(m.toLowerCase(), entry.id);
  return {
    register,
    gazetteer,
    metonyms,
    entities: new Map(),
    shortForms: new Map(),
    namedRelations: [],
    lastCollective: null,
    lastGroup: null,
    collectiveByRoot: new Map(),
    current: { index: 0, start: 0, end: 0, text: "" },
  };
}

const PARTICIPLE_PREDICATE: Record<string, Predicate> = {
  backed: "SUPPORTS",
  sponsored: "SUPPORTS",
  supported: "SUPPORTS",
  funded: "FUNDS",
  financed: "FUNDS",
  armed: "ARMS",
  equipped: "ARMS",
  trained: "TRAINS",
  directed: "DIRECTS",
  controlled: "DIRECTS",
  led: "DIRECTS",
  aligned: "ALLIED_WITH",
  allied: "ALLIED_WITH",
  affiliated: "ASSOCIATED_WITH",
  linked: "ASSOCIATED_WITH",
};
const GROUP_NOUNS =
  "militia groups|militias|militia|armed groups|proxy groups|proxy forces|proxies|groups|factions|militants|fighters";
const GROUP_ADJECTIVES =
  "(?:(?:proxy|armed|militant|terrorist|Shia|Shiite|Sunni|Islamist|paramilitary|militia|local)\\s+){0,3}";
const SPONSORED_GROUPS = new RegExp(
  `((?:\\p{Lu}[\\p{L}'’.]*(?:\\s(?=\\p{Lu}))?){1,3})[-‐ ](${Object.keys(PARTICIPLE_PREDICATE).join("|")})\\s+${GROUP_ADJECTIVES}(${GROUP_NOUNS})\\b`,
  "gu",
);
/** Every collective pattern ends in one of these nouns; a sentence without them skips the patterns. */
const GROUP_CUE = /militia|groups|prox|factions|militants|fighters/i;
const BARE_GROUPS =
  /\b(?:(?:the|these|those|such|its|their)\s+(?:same\s+)?)?(?:(?:proxy|armed|militant|paramilitary|pro-Iran(?:ian)?|Shia|Shiite)\s+){0,2}(?:militia groups|militias|proxy forces|proxy militias|armed groups|proxy groups)\b|\b(?:these|those|the)\s+(?:same\s+)?groups\b/giu;
const AFFILIATES = /\b(?:affiliated (?:groups|militias|militia groups)|(?:its|their) affiliates|affiliates)\b/gi;
const GROUPS_AFFILIATED =
  /\b(?:(?:militia|armed|proxy)\s+)?groups (?=(?:affiliated|associated|aligned|linked) with\b)/gi;
const SINGULAR_ANAPHOR =
  /\b(?:[Tt]he (?:group|militia|movement|organi[sz]ation)|^It(?=(?:'s|’s| is| was| has)\b))(?!\s+(?:of|that|which)\b)/g;
const NAME_SEQUENCE =
  /(?:(?:al|el|Al|El)-)?\p{Lu}[\p{L}'’]*(?:-\p{L}[\p{L}'’]*)*\.?(?:\s+(?:(?:of|the|for|bin|ibn|de)\s+)?(?:(?:al|el)-)?(?:\p{Lu}[\p{L}'’]*(?:-\p{L}[\p{L}'’]*)*\.?|\d+\b)){0,6}/gu;
const ROLE_AFTER_NAME = new RegExp(
  `^\\s*(?:,|[—–]|--)\\s*(?:the\\s+|a\\s+|an\\s+)?(?:[\\w.'’-]+\\s+){0,4}?${ROLE_WORDS}\\b`,
  "i",
);
const FUNCTION_WORDS = new Set(
  "the a an this that these those in on at since after before during following when while as but and or if earlier later over under for from with by of to its their his her our we they it he she there here per more most some any all each one two three according".split(
    " ",
  ),
);

export function findMentions(sentence: Sentence, ctx: MentionContext): Mention[] {
  const text = sentence.text;
  const offset = sentence.start;
  ctx.current = sentence;
  const mentions: Mention[] = [];
  const covered: Array<[number, number]> = [];
  const free = (s: number, e: number) => !covered.some(([a, b]) => s < b && e > a);
  const add = (m: Mention) => {
    mentions.push(m);
    covered.push([m.start, m.end]);
  };

  // 1. Sponsored collectives, before the register claims their sponsor's name.
  for (const m of GROUP_CUE.test(text) ? text.matchAll(SPONSORED_GROUPS) : []) {
    const sponsorHit = ctx.gazetteer.find(m[1] ?? "").at(-1);
    if (!sponsorHit) continue;
    const sponsorStart = offset + (m.index ?? 0) + sponsorHit.start;
    const end = offset + (m.index ?? 0) + m[0].length;
    const predicate = PARTICIPLE_PREDICATE[(m[2] ?? "").toLowerCase()] ?? "SUPPORTS";
    const sponsor = ensureRegistered(ctx, sponsorHit.id);
    const id = collectiveFor(ctx, sponsor, text.slice(sponsorStart - offset, end - offset));
    ctx.namedRelations.push({ subject: sponsor, predicate, object: id, sentence });
    add({
      id,
      start: sponsorStart,
      end,
      surface: text.slice(sponsorStart - offset, end - offset),
      via: "collective",
      metonymOf: null,
    });
  }

  // 2. Register names.
  for (const hit of ctx.gazetteer.find(text, offset)) {
    if (!free(hit.start, hit.end)) continue;
    add(toMention(ctx, hit));
  }

  // 3. Collectives without a named sponsor, affiliates and anaphors.
  const affiliated = /affiliat/i.test(text);
  for (const m of affiliated ? text.matchAll(GROUPS_AFFILIATED) : []) {
    const start = offset + (m.index ?? 0);
    const end = start + m[0].trimEnd().length;
    if (!free(start, end)) continue;
    const sponsor = mentions.find((x) => x.start >= end && x.start - end < 40 && isActor(ctx, x.id));
    const id = sponsor
      ? collectiveFor(ctx, sponsor.id, `groups affiliated with ${entityName(ctx, sponsor.id)}`)
      : genericCollective(ctx);
    add({ id, start, end, surface: text.slice(start - offset, end - offset), via: "collective", metonymOf: null });
  }
  for (const m of affiliated ? text.matchAll(AFFILIATES) : []) {
    const start = offset + (m.index ?? 0);
    const end = start + m[0].length;
    if (!free(start, end)) continue;
    const anchor = [...mentions].filter((x) => x.end <= start && isActor(ctx, x.id)).sort((a, b) => b.end - a.end)[0];
    if (!anchor) continue;
    const id = affiliatesOf(ctx, anchor.id);
    add({ id, start, end, surface: text.slice(start - offset, end - offset), via: "collective", metonymOf: null });
  }
  for (const m of GROUP_CUE.test(text) ? text.matchAll(BARE_GROUPS) : []) {
    const start = offset + (m.index ?? 0);
    const end = start + m[0].length;
    if (!free(start, end)) continue;
    const id = ctx.lastCollective ?? genericCollective(ctx);
    addAlias(ctx, id, m[0].replace(/^(?:the|these|those|such|its|their)\s+(?:same\s+)?/i, ""));
    add({ id, start, end, surface: m[0], via: "anaphor", metonymOf: null });
  }
  for (const m of text.matchAll(SINGULAR_ANAPHOR)) {
    const start = offset + (m.index ?? 0);
    const end = start + m[0].length;
    if (!ctx.lastGroup || !free(start, end)) continue;
    add({ id: ctx.lastGroup, start, end, surface: m[0], via: "anaphor", metonymOf: null });
  }

  // 4. Names outside the register, typed by cue, and short forms of names already seen.
  for (const m of text.matchAll(NAME_SEQUENCE)) {
    const rel = m.index ?? 0;
    const found = recogniseName(ctx, text, rel, m[0]);
    if (!found) continue;
    const start = offset + found.start;
    const end = offset + found.end;
    if (!free(start, end)) continue;
    found.commit();
    add({ id: found.id, start, end, surface: text.slice(found.start, found.end), via: found.via, metonymOf: null });
  }

  mentions.sort((a, b) => a.start - b.start);
  learnAcronyms(ctx, text, offset, mentions);
  // "The group" in the next sentence is the group this one is about: its first, the subject's place
  // in English, not the last one named ("X is part of Y. The group fought …" is X).
  let topicGroup: string | null = null;
  for (const m of mentions) {
    const entity = ctx.entities.get(m.id);
    if (!topicGroup && entity && !entity.collective && (entity.type === "ArmedGroup" || entity.type === "Organization"))
      topicGroup = m.id;
    if (entity?.collective) ctx.lastCollective = m.id;
  }
  if (topicGroup) ctx.lastGroup = topicGroup;
  return mentions;
}

function toMention(ctx: MentionContext, hit: NameHit): Mention {
  const id = ensureRegistered(ctx, hit.id);
  const entity = ctx.entities.get(id);
  if (entity?.type === "Person" && hit.kind === "name" && /\s/.test(hit.surface))
    learnSurname(ctx, id, hit.surface.split(/\s+/).at(-1) ?? "");
  addAlias(ctx, id, hit.surface);
  const metonymOf = ctx.metonyms.get(hit.surface.toLowerCase()) ?? null;
  return {
    id,
    start: hit.start,
    end: hit.end,
    surface: hit.surface,
    via: hit.kind,
    metonymOf: metonymOf === id ? null : metonymOf,
  };
}

function isActor(ctx: MentionContext, id: string): boolean {
  const type = ctx.entities.get(id)?.type;
  return !!type && type !== "Location" && type !== "Person";
}

function entityName(ctx: MentionContext, id: string): string {
  return ctx.entities.get(id)?.name ?? id;
}

export function ensureRegistered(ctx: MentionContext, id: string): string {
  if (ctx.entities.has(id)) return id;
  const entry = ctx.register.entries.get(id);
  if (!entry) return id;
  const aliases = new Set([...entry.aliases, ...entry.demonyms]);
  // A metonym names the entity only when no place of that name exists (Washington, the Pentagon).
  for (const metonym of entry.metonyms) if (!placeNamed(ctx, metonym)) aliases.add(metonym);
  ctx.entities.set(id, {
    id,
    name: entry.name,
    type: entry.type,
    aliases,
    registered: true,
    parent: entry.parent,
    country: entry.country,
    collective: false,
  });
  return id;
}

function placeNamed(ctx: MentionContext, name: string): boolean {
  return ctx.gazetteer.find(name).some((h) => h.kind === "name" && ctx.register.entries.get(h.id)?.type === "Location");
}

function addAlias(ctx: MentionContext, id: string, alias: string): void {
  const entity = ctx.entities.get(id);
  const clean = alias.replace(/\s+/g, " ").trim();
  if (entity && clean && clean !== entity.name) entity.aliases.add(clean);
}

/** One collective per sponsoring state (or per armed group for its affiliates), per document. */
function collectiveFor(ctx: MentionContext, sponsorId: string, surface: string): string {
  const sponsor = ctx.entities.get(sponsorId);
  if (sponsor?.type === "ArmedGroup" && !sponsor.collective) return affiliatesOf(ctx, sponsorId);
  const root = ctx.register.entries.has(sponsorId) ? rootOf(ctx.register, sponsorId) : sponsorId;
  let id = ctx.collectiveByRoot.get(root);
  if (!id) {
    ensureRegistered(ctx, root);
    const rootEntry = ctx.register.entries.get(root);
    const rootName = rootEntry?.name ?? sponsor?.name ?? root;
    id = `${root}-backed-militias`;
    const stems = [rootName, ...(rootEntry?.demonyms ?? []).filter((d) => !/s$/.test(d))];
    const aliases = new Set<string>();
    for (const stem of stems)
      for (const noun of ["militias", "militia groups", "groups", "armed groups", "proxies"])
        aliases.add(`${stem}-backed ${noun}`);
    for (const generic of [
      "militias",
      "militia groups",
      "proxy militia groups",
      "proxy forces",
      `${rootEntry?.demonyms[0] ?? rootName} proxies`,
    ])
      aliases.add(generic);
    ctx.entities.set(id, {
      id,
      name: `${rootName}-backed militias`,
      type: "ArmedGroup",
      aliases,
      registered: false,
      parent: null,
      country: null,
      collective: true,
    });
    ctx.collectiveByRoot.set(root, id);
  }
  addAlias(ctx, id, surface);
  return id;
}

function affiliatesOf(ctx: MentionContext, anchorId: string): string {
  const anchor = ctx.entities.get(anchorId);
  if (anchor?.type !== "ArmedGroup" || anchor.collective) {
    return anchor?.collective ? anchorId : collectiveFor(ctx, anchorId, "affiliated groups");
  }
  const id = `${anchorId}-affiliated-groups`;
  if (!ctx.entities.has(id)) {
    ctx.entities.set(id, {
      id,
      name: "affiliated groups",
      type: "ArmedGroup",
      aliases: new Set([`${anchor.name} affiliated groups`, `${anchor.name}-affiliated groups`, "affiliated militias"]),
      registered: false,
      parent: null,
      country: null,
      collective: true,
    });
    ctx.namedRelations.push({ subject: id, predicate: "ASSOCIATED_WITH", object: anchorId, sentence: ctx.current });
  }
  return id;
}

function genericCollective(ctx: MentionContext): string {
  const id = "militias";
  if (!ctx.entities.has(id))
    ctx.entities.set(id, {
      id,
      name: "militias",
      type: "ArmedGroup",
      aliases: new Set(["militia groups", "armed groups"]),
      registered: false,
      parent: null,
      country: null,
      collective: true,
    });
  return id;
}

type RecognisedName = { id: string; start: number; end: number; via: MentionVia; commit: () => void };

/** Types a capitalised sequence by its cues; a name with no cue is left out rather than guessed. */
function recogniseName(ctx: MentionContext, text: string, at: number, raw: string): RecognisedName | null {
  let words = raw.split(/\s+/);
  let start = at;
  // Leading function words and titles are not part of the name, but titles are a cue.
  let titled = false;
  while (words.length > 1) {
    const first = (words[0] ?? "").toLowerCase();
    if (FUNCTION_WORDS.has(first)) {
      start += (words[0] ?? "").length + 1;
      words = words.slice(1);
    } else if (PERSON_TITLES.has(first) || PERSON_TITLES.has(first.replace(/\.$/, ""))) {
      titled = true;
      start += (words[0] ?? "").length + 1;
      words = words.slice(1);
    } else break;
  }
  const name = words.join(" ").replace(/[.’']+$/, "");
  if (name.length < 2) return null;
  const end = start + name.length;
  const known = ctx.shortForms.get(name);
  if (known) return { id: known, start, end, via: "short", commit: () => {} };
  if (words.length === 1 && FUNCTION_WORDS.has(name.toLowerCase())) return null;

  const before = text.slice(Math.max(0, start - 40), start);
  const after = text.slice(end, end + 80);
  const type = typeByCue(words, before, after, titled, start === 0);
  if (!type) return null;
  if (words.length === 1 && type !== "Person" && type !== "Location") return null;
  if (type === "Person" && words.length === 1 && !titled) return null;
  const id = slugify(name);
  if (!id) return null;
  const commit = () => {
    if (!ctx.entities.has(id)) {
      ctx.entities.set(id, {
        id,
        name,
        type,
        aliases: new Set(),
        registered: false,
        parent: null,
        country: null,
        collective: false,
      });
    }
    if (type === "Person" && words.length > 1) learnSurname(ctx, id, words.at(-1) ?? "");
  };
  return { id, start, end, via: "cue", commit };
}

function typeByCue(
  words: string[],
  before: string,
  after: string,
  titled: boolean,
  atStart: boolean,
): EntityType | null {
  const head = (words.at(-1) ?? "").toLowerCase();
  const lead = (words[0] ?? "").toLowerCase();
  if (words.length > 1 && HEAD_CUES.has(head)) return HEAD_CUES.get(head) ?? null;
  if (words.length > 1 && LEAD_CUES.has(lead)) return LEAD_CUES.get(lead) ?? null;
  if (
    titled ||
    /\b(?:President|General|Gen\.|Secretary|Minister|Ayatollah|Sheikh|leader|commander|spokes(?:person|man|woman))\s+$/i.test(
      before,
    )
  )
    return words.length <= 5 ? "Person" : null;
  const arabicName = words.length >= 2 && words.some((w) => /^(?:al-|el-|bin$|ibn$|Abu$|Abdul|Abd$)/.test(w));
  if (arabicName) return "Person";
  if (PLACE_LEADS.test(before)) return "Location";
  if (words.length >= 2 && words.length <= 3 && ROLE_AFTER_NAME.test(after)) return "Person";
  if (words.length >= 2 && words.length <= 3 && !atStart && /\b(?:said|told|says)\s+$/.test(before)) return "Person";
  if (words.length >= 2 && words.length <= 3 && /^\s+(?:said|told|says)\b/.test(after) && !atStart) return "Person";
  return null;
}

/** A person named in full may later be called by surname alone ("Kirby", "al-Houthi"). */
function learnSurname(ctx: MentionContext, id: string, surname: string): void {
  if (surname.length <= 3 || ctx.shortForms.has(surname)) return;
  ctx.shortForms.set(surname, id);
  ctx.shortForms.set(surname.charAt(0).toUpperCase() + surname.slice(1), id);
  addAlias(ctx, id, surname);
}

/** "Islamic Resistance in Iraq (IRI)" and "the IRGC-Quds Force, IRGC-QF," define a short form. */
function learnAcronyms(ctx: MentionContext, text: string, offset: number, mentions: Mention[]): void {
  for (const m of mentions) {
    const rest = text.slice(m.end - offset, m.end - offset + 12);
    const acronym = /^\s*\((\p{Lu}[\p{Lu}\p{N}-]{1,7})[;),]/u.exec(rest)?.[1];
    if (!acronym || ctx.shortForms.has(acronym)) continue;
    // "Iran (IRGC)" names a second actor, not a short form: an acronym's
    // letters follow the capitals of what it abbreviates.
    if (!abbreviates(acronym, text.slice(m.start - offset, m.end - offset))) continue;
    ctx.shortForms.set(acronym, m.id);
    addAlias(ctx, m.id, acronym);
  }
}

/** Whether the acronym's letters appear, in order, among the name's capitals ("IRI" in "Islamic Resistance in Iraq"). */
export function abbreviates(acronym: string, name: string): boolean {
  const letters = acronym.replace(/[^\p{Lu}]/gu, "");
  const capitals = name.replace(/[^\p{Lu}]/gu, "");
  if (!letters || capitals.charAt(0) !== letters.charAt(0)) return false;
  let at = 0;
  for (const letter of capitals) if (letter === letters[at]) at++;
  return at === letters.length;
}
