// Word lists that type a name found outside the register ("X Brigades" is an
// armed group, "General X" a person). Data, so adding a cue is a one-line change.
import type { EntityType } from "../model.ts";

/** The last word of a name decides its type. */
export const HEAD_CUES: ReadonlyMap<string, EntityType> = new Map([
  ...words(
    "ArmedGroup",
    "brigades brigade battalions battalion militia militias movement front network resistance mobilization mobilisation legion mujahideen jihad martyrs companies faction factions insurgents rebels",
  ),
  ...words(
    "MilitaryForce",
    "force forces corps command navy fleet guard guards division squadron wing marines regiment army",
  ),
  ...words(
    "GovernmentBody",
    "ministry department council committee parliament congress agency office government senate cabinet authority administration commission court assembly service",
  ),
  ...words(
    "Organization",
    "alliance bloc party organization organisation association union company corporation bank university institute foundation tribe federation center centre",
  ),
  ...words("MediaOutlet", "news times post tv television radio herald tribune gazette journal"),
  ...words(
    "Location",
    "heights sea gulf strait province governorate district base airport city valley river island islands peninsula region barracks camp port bay desert mountains plain airbase garrison crossing border",
  ),
]);

/** The first word of a name decides its type. */
export const LEAD_CUES: ReadonlyMap<string, EntityType> = new Map([
  ...words("MilitaryForce", "uss hms ins"),
  ...words("GovernmentBody", "ministry department office"),
  ...words("Location", "mount lake fort camp port"),
]);

/** Words before a name that make it a person: titles, ranks and roles. */
export const PERSON_TITLES = new Set(
  (
    "general gen gen. brig brig. maj maj. lt lt. col col. adm adm. admiral capt capt. colonel major lieutenant sergeant " +
    "president secretary minister ayatollah sheikh shaykh sayyed sayyid imam king prince emir dr dr. mr mr. ms ms. mrs " +
    "senator sen sen. rep rep. representative ambassador governor commander spokesperson spokesman spokeswoman leader " +
    "chief director envoy official cleric founder officer class deputy premier chairman"
  ).split(" "),
);

/** Role nouns of a person in an organisation (MEMBER_OF), singular. */
export const ROLE_WORDS =
  "(?:(?:deputy|senior|top|former|late|acting|chief|supreme|political|military|religious|spiritual|founding|secretary[- ]general|press|prime|foreign|defense|defence|interior|commanding)\\s+){0,3}(?:spokes(?:person|man|woman)|commander|leader|head|chief|president|secretary|minister|general|official|officer|founder|director|envoy|chairman|ambassador|member|premier|cleric|representative|advisor|adviser|coordinator)";

/** Words before a place name that make it a place. */
export const PLACE_LEADS =
  /\b(?:town|city|village|province|governorate|district|region|port|capital|area|base|camp|outskirts|suburb|neighbou?rhood) of\s*$/i;

function words(type: EntityType, list: string): Array<[string, EntityType]> {
  return list.split(" ").map((w) => [w, type]);
}
