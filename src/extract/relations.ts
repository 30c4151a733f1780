// Relations from the constructions news uses. Each sentence becomes a
// skeleton in which every mention is a placeholder ⟨k⟩; the patterns below are
// bounded regexes over that skeleton, so they cannot backtrack without limit.
import type { EntityType, Predicate, Relation } from "../model.ts";
import { attributionOf, modalityOf, polarityOf } from "./claims.ts";
import { ROLE_WORDS } from "./cues.ts";
import { ACTIVE_VERBS, alternation, NOMINALS, PASSIVE_PARTICIPLES, predicateOfWord } from "./lexicon.ts";
import type { DocEntity, Mention } from "./mentions.ts";
import type { Sentence } from "./sentences.ts";

export type SentenceInput = {
  sentence: Sentence;
  mentions: Mention[];
  entities: ReadonlyMap<string, DocEntity>;
  /** The entity the document is about (a Wikipedia article's subject), for infobox rows. */
  subject: string | null;
};

type Draft = Pick<Relation, "subject" | "predicate" | "object" | "polarity" | "modality" | "confidence" | "role">;

const E = "⟨\\d+⟩";
const THE = "(?:the\\s+)?";
const EL = `(${E}(?:(?:\\s*,\\s*(?:and\\s+|or\\s+)?|\\s+(?:and|or|and/or|as well as)\\s+)${THE}${E}){0,8})`;
const AUX =
  "((?:\\s+(?:also|has|have|had|is|are|was|were|be|been|being|will|would|could|can|may|might|must|should|not|never|no longer|doesn['’]t|don['’]t|didn['’]t|won['’]t|isn['’]t|aren['’]t|wasn['’]t|reportedly|allegedly|apparently|likely|directly|indirectly|openly|actively|routinely|regularly|repeatedly|continues to|continue to|continued to|appears to|appear to|appeared to|seems to|seem to|believed to|began to|plans to|plan to|planning to|planned to|intends to|intend to|threatened to|threatens to|vowed to|does|do|did|still|already|now|then|previously|long|generally|closely|further|explicitly|officially|often|always|sometimes|all|both|to|seeks to|seek to|sought to|aims to|wants to|tried to|mostly|largely|also|subsequently|later|first|last))){0,6}";
const FILL =
  "(?:(?!(?:that|which|who|but|while|because|if|when|after|before|to|by|than|and|or)\\b)[a-z][\\w'’-]*\\s+){0,4}?";
const ADJ_GAP =
  "(?:(?:armed|militant|terrorist|shia|shiite|sunni|proxy|paramilitary|militia|group|groups|rebel|radical|islamist)\\s+){0,2}";

const verb = (table: ReadonlyArray<[Predicate, string]>, only?: Predicate[]) => `(?:${alternation(table, only)})`;
const coordinated = (v: string) => `(\\b${v}(?:\\s*,\\s*${v}){0,6}(?:,?\\s+(?:and|or)\\s+${v})?)\\b`;
const ATTACK_NOUNS = alternation(NOMINALS, ["ATTACKS"]);
/** Every attack pattern needs one of these stems. */
const ATTACK_CUE = /attack|strike|raid|bomb|shelling|assault|offensive|incursion|invasion/i;

// Sticky: tried only at mentions that have a relation verb within reach (see svoMatches).
const SVO = new RegExp(`${EL}${AUX}\\s+${coordinated(verb(ACTIVE_VERBS))}\\s+${FILL}${EL}`, "iy");
const VERB_SCAN = new RegExp(`\\b(?:${alternation(ACTIVE_VERBS)})\\b`, "gi");
/** Farthest a subject list and its auxiliaries reach before the verb (EL and AUX are bounded). */
const SVO_REACH = 400;
const RATHER_THAN = new RegExp(`^\\s*,?\\s*rather than\\s+(?:\\w+ly\\s+)?(${verb(ACTIVE_VERBS)})\\b`, "i");
const THROUGH = new RegExp(`^[^.;⟨]{0,60}?\\bthrough\\s+${THE}(${E})`, "i");
const PASSIVE = new RegExp(
  `${EL}\\s*,?(?:\\s+(?:which|who|that))?((?:\\s+(?:is|are|was|were|been|being|has|have|had|reportedly|allegedly|also|directly|largely|mostly|heavily|closely|mainly|partly|primarily|long|officially|not|never))*)\\s+${coordinated(verb(PASSIVE_PARTICIPLES))}\\s+(?:and\\s+\\w+\\s+)?by\\s+(?:his\\s+\\w+\\s+|her\\s+\\w+\\s+|${THE})${EL}`,
  "gi",
);
const COMPOUND = new RegExp(
  `(${E})\\s*[-‐–]?\\s*(backed|sponsored|supported|funded|armed|trained|led|controlled|directed|allied|aligned|affiliated|linked)\\s+${ADJ_GAP}(${E})`,
  "gi",
);
const NOMINAL_SUPPORT = new RegExp(
  `${EL}(?:['’]s)?\\s+(?:[a-z]+\\s+)?(${alternation(NOMINALS, ["SUPPORTS", "FUNDS", "ARMS", "TRAINS"])})\\s+(?:for|to)\\s+${THE}${EL}`,
  "gi",
);
const LAUNCHED_ATTACKS = new RegExp(
  `${EL}${AUX}\\s+(?:launched|conducted|conducts|conduct|carried out|carries out|carry out|mounted|staged|claimed responsibility for|led|began|intensified|escalated|stepped up|resumed|ramp up|ramped up|exchanged)\\s+(?:[\\w,.'’-]+\\s+){0,6}?(?:${ATTACK_NOUNS})\\s+(?:on|against|targeting|at|into)\\s+${FILL}${EL}`,
  "gi",
);
/** "strikes on facilities in eastern ⟨Syria⟩": a mention after a place preposition is where, not whom. */
const PLACE_BEFORE =
  /\b(?:in|at|near|inside|across|throughout|around)\s+(?:(?:northern|southern|eastern|western|central|north|south|east|west)\s+)?$/i;
/** "… strikes on facilities in eastern Syria used and operated by ⟨IRGC⟩": the users are the targets. */
const USED_BY = new RegExp(
  `^[^.;⟨]{0,60}?(?:${E}[^.;⟨]{0,20}?)?\\b(?:used|operated|controlled|owned|run|occupied)(?:\\s+(?:and|or)\\s+(?:used|operated|controlled|owned|run|occupied))?\\s+by\\s+${THE}${EL}`,
  "i",
);
const LED_ATTACKS = new RegExp(`(${E})\\s*[-‐–]\\s*led\\s+(?:${ATTACK_NOUNS})\\s+(?:on|against)\\s+${THE}${EL}`, "gi");
const ATTACKS_BY = new RegExp(
  `(?:${ATTACK_NOUNS})\\s+(?:on|against)\\s+${FILL}${EL}[^.;⟨]{0,40}?\\bby\\s+(?:the\\s+)?(?:[a-z]+\\s+){0,2}${EL}`,
  "gi",
);
const OWN_ATTACKS = new RegExp(
  `(${E})(?:['’]s)?\\s+(?:[a-z-]+\\s+){0,2}?(?:${ATTACK_NOUNS})\\s+(?:on|against)\\s+${FILL}${EL}`,
  "gi",
);
const STRIKE_KILLED = new RegExp(
  `(${E})(?:['’]s)?\\s+(?:[\\w-]+\\s+){0,2}?(?:strikes?|airstrikes?|attacks?|raids?|bombing)\\b[^.;]{0,60}?\\b(?:killed|targeted|hit|struck|wounded|assassinated)\\s+(?:(?:several|senior|top|the|a|an|two|three|many|some)\\s+){0,3}${EL}`,
  "gi",
);
const KILLED_IN = new RegExp(
  `(${E})[^.;⟨]{0,40}?\\b(?:was|were)\\s+(?:\\w+\\s+)?(?:killed|assassinated|wounded|targeted)\\s+in\\s+(?:an?\\s+|the\\s+)(${E})\\s+(?:[\\w-]+\\s+){0,2}?(?:strikes?|airstrikes?|attacks?|raids?|bombing)`,
  "gi",
);
const WAR_BETWEEN = new RegExp(
  `\\b(?:war|wars|conflicts?|fighting|clashes|hostilities|violence|battles?|confrontations?)\\s+between\\s+${THE}(${E})\\s+and\\s+${THE}(${E})`,
  "gi",
);
const HYPHEN_WAR = new RegExp(
  `(${E})\\s*[-–]\\s*(${E})\\s+(?:war|conflict|violence|fighting|clashes|hostilities)`,
  "gi",
);
const EXCHANGED_FIRE = new RegExp(`${EL}${AUX}\\s+(?:\\w+ly\\s+)?exchanged\\s+(?:\\w+\\s+)?fire`, "gi");
const PROXY_OF = new RegExp(
  `(${E})['’]s\\s+(?:[a-z]+\\s+){0,2}?(proxy|proxies|partner|partners|ally|allies|client)\\s+${THE}(${E})`,
  "gi",
);
const AS_PROXY = new RegExp(
  `(${E})\\s+[^.;⟨]{0,60}?\\bas\\s+(${E})['’]s\\s+(?:[a-z]+\\s+){0,2}?(proxy|partner|ally)`,
  "gi",
);
const REGARDS_AS = new RegExp(
  `(${E})${AUX}\\s+(?:regards?|regarded|sees?|saw|views?|viewed|considers?|considered)\\s+(${E})\\s+as\\s+(?:its|their|his|her|a|an|the)\\s+(?:[a-z]+\\s+){0,3}?(proxy|partner|ally)`,
  "gi",
);
const WITH_SUPPORT = new RegExp(
  `${EL}\\s*,?\\s+with\\s+(?:the\\s+)?(?:support|backing|assistance|help)\\s+(?:of|from)\\s+${THE}${EL}`,
  "gi",
);
const CONNECTION = new RegExp(
  `\\b(?:connection|connections|link|links|ties|relationship)\\s+between\\s+${THE}(${E})["”“]?\\s+and\\s+${THE}(${E})`,
  "gi",
);
const DIRECTION_OF = new RegExp(
  `\\b(?:at|on|under)\\s+(?:(?:the\\s+)?(?:direction|orders?|instructions?)\\s+of\\s+(?:[A-Z][\\w.]*\\s+){0,2}(${E})|(?:[A-Z][\\w.]*\\s+){0,2}(${E})'s\\s+(?:direction|orders?|instructions?))\\s*,\\s*${THE}(${E})`,
  "gi",
);
const LOCATED = new RegExp(
  `${EL}(?:\\s+and\\s+(?:bases|facilities|installations|personnel|troops|positions))?\\s+(?:(?:were|was|are|is|remain|remained|have been|has been)\\s+)?(?:(?:based|stationed|deployed|operating|present|located|positioned|active)\\s+)?(?:in|inside|across|throughout)\\s+${THE}(?:(?:northern|southern|eastern|western|north|south|east|west|northeast(?:ern)?|northwest(?:ern)?|southeast(?:ern)?|southwest(?:ern)?|central|neighbou?ring)\\s+)?${EL}`,
  "gi",
);
const PLACE_COMMA = new RegExp(`(${E})\\s*,\\s*(${E})`, "g");
const TITLES =
  "(?:(?:Brig\\.|Gen\\.|Maj\\.|Lt\\.|Col\\.|Adm\\.|Capt\\.|General|Admiral|Ayatollah|Sheikh|Sayyed|Sayyid|Dr\\.|Sir)\\s+)*";
const ROLE_BEFORE = new RegExp(`(${E})(?:['’]s)?\\s+(${ROLE_WORDS})\\s+${TITLES}(${E})`, "gi");
const ROLE_AFTER = new RegExp(`(${E})\\s*,\\s+${THE}(${E})(?:['’]s)?\\s+(${ROLE_WORDS})\\b`, "gi");
const ROLE_OF = new RegExp(
  `(${E})\\s*(?:,|[—–]|--)\\s*(?:the\\s+|a\\s+|an\\s+)?(?:[a-z]+\\s+){0,2}?(${ROLE_WORDS})\\s+(?:of|for|at|in)\\s+${THE}(${E})`,
  "gi",
);
const ROLE_OF_FIRST = new RegExp(`\\b(${ROLE_WORDS})\\s+(?:of|for)\\s+${THE}(${E})\\s*,?\\s+(${E})`, "gi");
const SERVES_AS = new RegExp(
  `(${E})\\s+(?:serves|served|is|was|became|becomes)\\s+(?:as\\s+)?(?:the\\s+|a\\s+|an\\s+)?(?:[a-z]+\\s+){0,2}?(${ROLE_WORDS})\\s+(?:of|for|at)\\s+${THE}(${E})`,
  "gi",
);
const LEADERSHIP_OF = new RegExp(
  `\\bunder the leadership of\\s+(?:[\\w-]+\\s+){0,4}?(${E})\\s*,\\s*${THE}(${E})`,
  "gi",
);
const INFOBOX: ReadonlyArray<[RegExp, Predicate]> = [
  [
    /^[-*•]?\s*(?:Leaders?|Spokes(?:person|man|woman)|Commanders?\d*|Founders?|Secretary-General|Leadership)\s*:?\s*/i,
    "MEMBER_OF",
  ],
  [/^[-*•]?\s*(?:Part\s*of)\s*:?\s*/i, "PART_OF"],
  [/^[-*•]?\s*(?:International|National|Alliances?|Affiliations?)\s*:\s*/i, "ASSOCIATED_WITH"],
  [/^[-*•]?\s*(?:Country|Headquarters|Active regions?|Area of operations|Based in)\s*:?\s*/i, "LOCATED_IN"],
];

const ACTOR_TYPES: ReadonlySet<EntityType> = new Set([
  "Country",
  "GovernmentBody",
  "MilitaryForce",
  "ArmedGroup",
  "Organization",
  "Person",
  "MediaOutlet",
]);
const predicateCache = new Map<string, Predicate | null>();

function lookup(word: string, table: ReadonlyArray<[Predicate, string]>, tableName: string): Predicate | null {
  const key = `${tableName}:${word.toLowerCase()}`;
  if (!predicateCache.has(key)) predicateCache.set(key, predicateOfWord(word, table));
  return predicateCache.get(key) ?? null;
}

export function buildSkeleton(sentence: Sentence, mentions: Mention[]): string {
  let out = "";
  let pos = sentence.start;
  mentions.forEach((m, k) => {
    out += sentence.text.slice(pos - sentence.start, m.start - sentence.start) + `⟨${k}⟩`;
    pos = m.end;
  });
  out += sentence.text.slice(pos - sentence.start);
  // Citation marks ("[36]") sit between words that belong together.
  return out.replace(/\[\d+\]/g, "").replace(/[’]/g, "'");
}

export function findRelations(input: SentenceInput): Relation[] {
  const { sentence, mentions, entities } = input;
  const mentionIdOf = (id: string) => mentions.find((m) => m.id === id)?.id ?? null;
  if (mentions.length === 0) return [];
  const original = buildSkeleton(sentence, mentions);
  const drafts: Draft[] = [];
  const typeOf = (k: number): EntityType | null => entities.get(mentions[k]?.id ?? "")?.type ?? null;
  const typeOfId = (id: string): EntityType | null =>
    entities.get(id)?.type ?? (id === mentionIdOf(id) ? null : "Country");
  const idOf = (k: number, agent: boolean): string | null => {
    const m = mentions[k];
    if (!m) return null;
    const type = entities.get(m.id)?.type;
    return agent && type === "Location" && m.metonymOf ? m.metonymOf : m.id;
  };
  const indices = (list: string | undefined) => [...(list ?? "").matchAll(/⟨(\d+)⟩/g)].map((x) => Number(x[1]));
  const push = (
    s: number,
    predicate: Predicate,
    o: number,
    claim: { between: string; before: string; clause: string },
    confidence: number,
    role?: string,
  ) => {
    const agent = predicate !== "LOCATED_IN";
    const subject = idOf(s, agent);
    const object = idOf(o, agent && predicate !== "ATTACKS");
    if (!subject || !object || subject === object) return;
    if (!admissible(predicate, typeOfId(subject) ?? typeOf(s), typeOfId(object) ?? typeOf(o))) return;
    const modality = modalityOf(claim.clause);
    drafts.push({
      subject,
      predicate,
      object,
      polarity: polarityOf(claim.between, claim.before),
      modality,
      confidence: Math.max(0.3, confidence - (modality === "asserted" ? 0 : 0.15)),
      role: role ?? null,
    });
  };
  const claimOf = (skeleton: string, match: RegExpMatchArray, between: string) => {
    const before = skeleton.slice(0, match.index ?? 0);
    const clauseStart = Math.max(before.lastIndexOf(";"), before.lastIndexOf(":"), before.lastIndexOf("“"), 0);
    // Modal words count near the claim only: "planning to" early in a sentence does not govern its last clause.
    const windowStart = Math.max(clauseStart, (match.index ?? 0) - 25);
    return { between, before, clause: skeleton.slice(windowStart, (match.index ?? 0) + match[0].length) };
  };

  // Every pattern relates two mentions; a sentence with one can only be an infobox row.
  if (mentions.length < 2) {
    if (input.subject) infobox(input.subject, original);
    return finish();
  }
  /** A pattern runs only where its cue word occurs: most sentences lack most cues, and a test is cheap. */
  function scan(re: RegExp, cue: RegExp, text = skeleton): Iterable<RegExpMatchArray> {
    return cue.test(text) ? text.matchAll(re) : [];
  }

  // Roles first, on the full skeleton; then "Hezbollah commander Fuad Shukr" reads as Fuad Shukr.
  for (const m of original.matchAll(ROLE_BEFORE)) role(m, 3, 1, m[2]);
  for (const m of original.matchAll(ROLE_AFTER)) role(m, 1, 2, m[3]);
  for (const m of original.matchAll(ROLE_OF)) role(m, 1, 3, m[2]);
  for (const m of original.matchAll(ROLE_OF_FIRST)) role(m, 3, 2, m[1]);
  for (const m of original.matchAll(SERVES_AS)) role(m, 1, 3, m[2]);
  for (const m of scan(LEADERSHIP_OF, /leadership/i, original)) role(m, 1, 2, "leader");
  function role(m: RegExpMatchArray, personGroup: number, orgGroup: number, title: string | undefined) {
    const p = indices(m[personGroup])[0];
    const o = indices(m[orgGroup])[0];
    if (p === undefined || o === undefined || typeOf(p) !== "Person") return;
    push(p, "MEMBER_OF", o, claimOf(original, m, ""), 0.85, (title ?? "").toLowerCase().replace(/\s+/g, " "));
  }
  const skeleton = original
    .replace(ROLE_BEFORE, (whole, _org: string, _role: string, person: string) => {
      const p = indices(person)[0];
      return p !== undefined && typeOf(p) === "Person" ? person : whole;
    })
    // "Iran's IRGC" is the IRGC: a possessive naming a body's own state or parent.
    .replace(/(⟨\d+⟩)'s\s+(⟨\d+⟩)/g, (whole, owner: string, owned: string) => {
      const a = mentions[indices(owner)[0] ?? -1]?.id;
      const b = entities.get(mentions[indices(owned)[0] ?? -1]?.id ?? "");
      return a && b && (b.country === a || b.parent === a) ? owned : whole;
    });

  for (const m of svoMatches(skeleton)) {
    const subjects = indices(m[1]);
    const verbs = (m[3] ?? "").split(/\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+/);
    const objects = indices(m[4]);
    const claim = claimOf(skeleton, m, m[2] ?? "");
    for (const v of verbs) {
      const predicate = lookup(v, ACTIVE_VERBS, "active");
      if (!predicate) continue;
      for (const s of subjects) for (const o of objects) push(s, predicate, o, claim, 0.85);
    }
    // "… encouraging the groups rather than explicitly directing them": the text denies the second verb.
    const rest = skeleton.slice((m.index ?? 0) + m[0].length);
    const rather = RATHER_THAN.exec(rest);
    const negated = rather ? lookup(rather[1] ?? "", ACTIVE_VERBS, "active") : null;
    if (negated)
      for (const s of subjects) for (const o of objects) push(s, negated, o, { ...claim, between: "not" }, 0.8);
    // "Iran supports the groups through the IRGC-Quds Force": the channel does the same.
    const channel = THROUGH.exec(rest);
    const via = channel ? indices(channel[1])[0] : undefined;
    if (via !== undefined) {
      for (const v of verbs) {
        const predicate = lookup(v, ACTIVE_VERBS, "active");
        if (predicate) for (const o of objects) push(via, predicate, o, claim, 0.75);
      }
      // …and the one acting through a channel backs the channel itself.
      for (const s of subjects) if (s !== via) push(s, "SUPPORTS", via, claim, 0.6);
    }
  }
  for (const m of skeleton.matchAll(PASSIVE)) {
    const objects = indices(m[1]);
    const subjects = indices(m[4]);
    const claim = claimOf(skeleton, m, m[2] ?? "");
    for (const v of (m[3] ?? "").split(/\s*,\s*(?:and\s+)?|\s+and\s+/)) {
      const predicate = lookup(v, PASSIVE_PARTICIPLES, "passive");
      if (!predicate) continue;
      for (const s of subjects)
        for (const o of objects) {
          push(s, predicate, o, claim, 0.8);
          if (predicate === "DIRECTS" && typeOf(s) === "Person") push(s, "MEMBER_OF", o, claim, 0.7, "leader");
        }
    }
  }
  for (const m of skeleton.matchAll(COMPOUND)) {
    const predicate = lookup(m[2] ?? "", PASSIVE_PARTICIPLES, "passive") ?? compoundPredicate(m[2] ?? "");
    const s = indices(m[1])[0];
    const o = indices(m[3])[0];
    if (predicate && s !== undefined && o !== undefined) push(s, predicate, o, claimOf(skeleton, m, ""), 0.8);
  }
  for (const m of scan(NOMINAL_SUPPORT, /\s(?:for|to)\s/)) {
    const predicate = lookup(m[2] ?? "", NOMINALS, "nominal");
    if (predicate) pairs(m[1], m[3], predicate, m, 0.7);
  }
  for (const m of scan(LAUNCHED_ATTACKS, ATTACK_CUE)) {
    const objects = m[3] ?? "";
    const lead = m[0].slice(0, m[0].lastIndexOf(objects));
    if (!PLACE_BEFORE.test(lead)) pairs(m[1], objects, "ATTACKS", m, 0.8, m[2] ?? "");
    const users = USED_BY.exec(skeleton.slice((m.index ?? 0) + lead.length));
    if (users) pairs(m[1], users[1], "ATTACKS", m, 0.75, m[2] ?? "");
  }
  for (const m of scan(LED_ATTACKS, ATTACK_CUE)) pairs(m[1], m[2], "ATTACKS", m, 0.8);
  for (const m of scan(ATTACKS_BY, ATTACK_CUE)) {
    const lead = m[0].slice(0, m[0].indexOf(m[1] ?? ""));
    const between = m[0].slice(lead.length + (m[1] ?? "").length);
    // "strikes on facilities in ⟨Syria⟩ used by ⟨X⟩": X is the target (LAUNCHED_ATTACKS), Syria the place.
    if (!PLACE_BEFORE.test(lead) && !/\b(?:used|operated|controlled|owned|run|occupied)\b/i.test(between))
      pairs(m[2], m[1], "ATTACKS", m, 0.75);
  }
  for (const m of scan(OWN_ATTACKS, ATTACK_CUE))
    if (!PLACE_BEFORE.test(m[0].slice(0, m[0].lastIndexOf(m[2] ?? "")))) pairs(m[1], m[2], "ATTACKS", m, 0.7);
  for (const m of scan(STRIKE_KILLED, ATTACK_CUE)) pairs(m[1], m[2], "ATTACKS", m, 0.75);
  for (const m of scan(KILLED_IN, ATTACK_CUE)) pairs(m[2], m[1], "ATTACKS", m, 0.75);
  for (const m of scan(WAR_BETWEEN, /between/i)) pairs(m[1], m[2], "FIGHTS", m, 0.8);
  for (const m of scan(HYPHEN_WAR, /⟩\s*[-–]\s*⟨/)) pairs(m[1], m[2], "FIGHTS", m, 0.75);
  for (const m of scan(EXCHANGED_FIRE, /exchanged/i)) {
    const sides = indices(m[1]);
    for (const a of sides)
      for (const b of sides) {
        if (a === b) continue;
        push(a, "ATTACKS", b, claimOf(skeleton, m, m[2] ?? ""), 0.75);
        if (a < b) push(a, "FIGHTS", b, claimOf(skeleton, m, m[2] ?? ""), 0.8);
      }
  }
  for (const m of scan(PROXY_OF, /⟩'s/)) pairs(m[1], m[3], proxyPredicate(m[2] ?? ""), m, 0.7);
  for (const m of scan(AS_PROXY, /⟩'s/)) pairs(m[2], m[1], proxyPredicate(m[3] ?? ""), m, 0.6);
  for (const m of scan(REGARDS_AS, /\sas\s/i)) pairs(m[1], m[3], proxyPredicate(m[4] ?? ""), m, 0.65, m[2] ?? "");
  for (const m of scan(WITH_SUPPORT, /\swith\s/i)) pairs(m[2], m[1], "SUPPORTS", m, 0.75);
  for (const m of scan(CONNECTION, /between/i)) pairs(m[1], m[2], "ASSOCIATED_WITH", m, 0.7);
  for (const m of scan(DIRECTION_OF, /direction|order|instruction/i)) pairs(m[1] ?? m[2], m[3], "DIRECTS", m, 0.75);
  for (const m of skeleton.matchAll(LOCATED)) pairs(m[1], m[2], "LOCATED_IN", m, 0.7);
  for (const m of skeleton.matchAll(PLACE_COMMA)) {
    const a = indices(m[1])[0];
    const b = indices(m[2])[0];
    if (a === undefined || b === undefined) continue;
    const place = entities.get(mentions[a]?.id ?? "");
    const container = entities.get(mentions[b]?.id ?? "");
    if (place?.type === "Location" && (container?.type === "Country" || place.country === container?.id))
      push(a, "LOCATED_IN", b, claimOf(skeleton, m, ""), 0.8);
  }
  if (input.subject) infobox(input.subject, skeleton);

  function pairs(
    left: string | undefined,
    right: string | undefined,
    predicate: Predicate,
    m: RegExpMatchArray,
    confidence: number,
    between = "",
  ) {
    const claim = claimOf(skeleton, m, between);
    for (const s of indices(left)) for (const o of indices(right)) push(s, predicate, o, claim, confidence);
  }
  function infobox(subject: string, row: string) {
    for (const [label, predicate] of INFOBOX) {
      const head = label.exec(row);
      if (!head) continue;
      const claim = { between: "", before: "", clause: "" };
      for (const k of indices(row.slice(head[0].length))) {
        const object = mentions[k]?.id;
        if (!object || object === subject) continue;
        const type = typeOf(k);
        if (predicate === "MEMBER_OF") {
          if (type === "Person") drafts.push(draftOf(object, predicate, subject, claim));
        } else if (predicate === "LOCATED_IN") {
          if (type === "Location" || type === "Country") drafts.push(draftOf(subject, predicate, object, claim));
        } else if (type !== "Location" && type !== "Person") drafts.push(draftOf(subject, predicate, object, claim));
      }
      break;
    }
  }

  return finish();

  function finish(): Relation[] {
    if (drafts.length === 0) return [];
    const attribution = attributionOf(sentence.text);
    const evidence = [{ quote: sentence.text, start: sentence.start, end: sentence.end }];
    return drafts.map((d) => ({
      subject: d.subject,
      predicate: d.predicate,
      object: d.object,
      polarity: d.polarity,
      modality: d.modality,
      confidence: round(attribution ? d.confidence - 0.05 : d.confidence),
      attribution,
      ...(d.role ? { role: d.role } : {}),
      evidence,
    }));
  }
}

/**
 * SVO matches as a global scan would find them, but tried only at mentions with a relation
 * verb close after: finding the verbs first is far cheaper than trying the pattern at every mention.
 */
function* svoMatches(skeleton: string): Generator<RegExpMatchArray> {
  const verbs: number[] = [];
  VERB_SCAN.lastIndex = 0;
  for (let m = VERB_SCAN.exec(skeleton); m; m = VERB_SCAN.exec(skeleton)) verbs.push(m.index);
  if (verbs.length === 0) return;
  let from = 0;
  let v = 0;
  for (let at = skeleton.indexOf("⟨", from); at >= 0; at = skeleton.indexOf("⟨", from)) {
    while (v < verbs.length && (verbs[v] ?? 0) <= at) v++;
    if (v === verbs.length) return;
    from = at + 1;
    if ((verbs[v] ?? 0) - at > SVO_REACH) continue;
    SVO.lastIndex = at;
    const m = SVO.exec(skeleton);
    if (m) from = at + Math.max(1, m[0].length);
    if (m) yield m;
  }
}

function draftOf(subject: string, predicate: Predicate, object: string, claim: { clause: string }): Draft {
  return { subject, predicate, object, polarity: "positive", modality: modalityOf(claim.clause), confidence: 0.6 };
}

function compoundPredicate(word: string): Predicate | null {
  const w = word.toLowerCase();
  if (w === "allied" || w === "aligned") return "ALLIED_WITH";
  if (w === "affiliated" || w === "linked") return "ASSOCIATED_WITH";
  return null;
}

function proxyPredicate(noun: string): Predicate {
  return /^(?:partner|partners|ally|allies)$/i.test(noun) ? "ALLIED_WITH" : "SUPPORTS";
}

/** Keeps the ontology's sense: places do not fund, people are members, only places contain. */
function admissible(predicate: Predicate, subjectType: EntityType | null, objectType: EntityType | null): boolean {
  if (!subjectType || !objectType) return false;
  const actor = (t: EntityType) => ACTOR_TYPES.has(t) && t !== "MediaOutlet";
  switch (predicate) {
    case "MEMBER_OF":
      return subjectType === "Person" && actor(objectType) && objectType !== "Person";
    case "LOCATED_IN":
      return (
        subjectType !== "Country" &&
        subjectType !== "Person" &&
        subjectType !== "MediaOutlet" &&
        (objectType === "Location" || objectType === "Country")
      );
    case "PART_OF":
      return actor(subjectType) && subjectType !== "Person" && actor(objectType) && objectType !== "Person";
    default:
      return actor(subjectType) && actor(objectType);
  }
}

function round(x: number): number {
  return Math.round(x * 100) / 100;
}
