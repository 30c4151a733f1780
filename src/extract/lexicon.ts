// Verbs and nouns that state a relation, by predicate. Each entry is a regex
// source for the inflected forms; coordination and voice are handled by the
// patterns in relations.ts, so a new verb is one line here.
import type { Predicate } from "../model.ts";

export const ACTIVE_VERBS: ReadonlyArray<[Predicate, string]> = [
  [
    "SUPPORTS",
    "supports?|supported|supporting|backs?|backed|backing|sponsors?|sponsored|sponsoring|aids?|aided|aiding|assists?|assisted|assisting|helps?|helped|helping",
  ],
  ["FUNDS", "funds?|funded|funding|finances?|financed|financing|bankrolls?|bankrolled|pays|paid|paying"],
  ["ARMS", "arms|armed|arming|equips?|equipped|equipping|supplies|supplied|supplying|supply"],
  ["TRAINS", "trains?|trained|training"],
  [
    "DIRECTS",
    "directs?|directed|directing|commands?|commanded|commanding|controls?|controlled|controlling|orders?|ordered|ordering|guides?|guided|guiding|leads?|led|leading|oversees|oversaw|authori[sz]ed|authori[sz]es",
  ],
  [
    "ENCOURAGES",
    "encourages?|encouraged|encouraging|urges?|urged|urging|incites?|incited|inciting|emboldens?|emboldened|emboldening",
  ],
  [
    "ATTACKS",
    "attacks?|attacked|attacking|strikes|struck|striking|targets?|targeted|targeting|bombs?|bombed|bombing|shells?|shelled|shelling|raids?|raided|raiding|assassinated|assassinates?|killed|kills|killing|hits|ambushed|ambushes|invaded|invades?",
  ],
  [
    "FIGHTS",
    "fights?|fought|fighting|battles?|battled|battling|clashe[sd]\\s+with|clashing\\s+with|opposes|opposed|opposing",
  ],
  [
    "ALLIED_WITH",
    "(?:is |are |was |were )?(?:closely )?allied\\s+with|allies\\s+with|aligned\\s+with|sides?\\s+with|sided\\s+with|partners?\\s+with|partnered\\s+with|cooperates?\\s+with|cooperated\\s+with|cooperating\\s+with|works?\\s+(?:closely\\s+)?with|worked\\s+(?:closely\\s+)?with",
  ],
  [
    "ASSOCIATED_WITH",
    "(?:is |are |was |were )?(?:closely )?(?:affiliated|associated|linked|tied|connected)\\s+(?:with|to)|has\\s+ties\\s+to|have\\s+ties\\s+to|shares?\\s+(?:a\\s+)?(?:close\\s+)?relationship\\s+with|coordinat(?:es?|ed|ing)\\s+with|was\\s+influenced\\s+by|influenced\\s+by",
  ],
  [
    "PART_OF",
    "(?:is |are |was |were |became )?(?:an?\\s+|the\\s+)?(?:integral\\s+)?(?:part|member|unit|branch|wing|component|faction|subsidiary|element)\\s+of|(?:is |are |was )?(?:directly\\s+)?subordinate\\s+to|joined|belongs?\\s+to|(?:was |were )?integrated\\s+into",
  ],
];

/** Participles in the passive ("backed by Iran", "funded, trained, equipped and guided by"). */
export const PASSIVE_PARTICIPLES: ReadonlyArray<[Predicate, string]> = [
  ["SUPPORTS", "backed|supported|sponsored|aided|assisted"],
  ["FUNDS", "funded|financed|bankrolled|paid"],
  ["ARMS", "armed|equipped|supplied"],
  ["TRAINS", "trained"],
  ["DIRECTS", "directed|commanded|controlled|ordered|guided|led|run"],
  ["ENCOURAGES", "encouraged|urged|incited|emboldened"],
  ["ATTACKS", "attacked|struck|targeted|bombed|shelled|raided|assassinated|killed|ambushed"],
  ["ASSOCIATED_WITH", "influenced|inspired"],
];

/** Nouns of support or hostility that take "for"/"to"/"on"/"against" ("US support for Israel"). */
export const NOMINALS: ReadonlyArray<[Predicate, string]> = [
  ["SUPPORTS", "support|backing|sponsorship|assistance|aid|help|solidarity"],
  ["FUNDS", "funding|financing|financial support|money|payments"],
  ["ARMS", "weapons|arms|weaponry|arms transfers|weapons transfers|military equipment|weapons shipments"],
  ["TRAINS", "training"],
  [
    "ATTACKS",
    "attacks?|strikes?|airstrikes?|air strikes?|raids?|bombings?|shelling|assaults?|offensive|incursions?|invasion",
  ],
  ["FIGHTS", "war|campaign|fight|hostilities|insurgency"],
];

/** Events of armed force: the nouns and verbs that make a sentence report an attack. */
export const ATTACK_TRIGGER =
  /\b(?:attack(?:s|ed|ing)?|strikes?|struck|airstrikes?|air strikes?|counter-?strikes?|bomb(?:s|ed|ing|ings)?|shell(?:ed|ing)|raids?|raided|rockets?|missiles?|drones?|assassinat(?:ed|ion)|explosions?|exchanged (?:direct )?fire|fired|shot down|ambush(?:ed)?|invasion|killed|wounded|injured|injuries|deaths)\b/i;

export function predicateOfWord(word: string, table: ReadonlyArray<[Predicate, string]>): Predicate | null {
  const w = word.toLowerCase().replace(/\s+/g, " ").trim();
  for (const [predicate, forms] of table) if (new RegExp(`^(?:${forms})$`, "i").test(w)) return predicate;
  return null;
}

export function alternation(table: ReadonlyArray<[Predicate, string]>, only?: ReadonlyArray<Predicate>): string {
  return table
    .filter(([p]) => !only || only.includes(p))
    .map(([, forms]) => forms)
    .join("|");
}
