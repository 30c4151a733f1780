// Plain shared types: what the extractor produces (the contract of
// shared EXTRACTION.md, `actorgraph extract` prints it) and what the graph stores.

export const ENTITY_TYPES = [
  "Country",
  "GovernmentBody",
  "MilitaryForce",
  "ArmedGroup",
  "Organization",
  "MediaOutlet",
  "Person",
  "Location",
] as const;
export type EntityType = (typeof ENTITY_TYPES)[number];

export const PREDICATES = [
  "PART_OF",
  "MEMBER_OF",
  "LOCATED_IN",
  "SUPPORTS",
  "FUNDS",
  "ARMS",
  "TRAINS",
  "DIRECTS",
  "ENCOURAGES",
  "ASSOCIATED_WITH",
  "ALLIED_WITH",
  "ATTACKS",
  "FIGHTS",
] as const;
export type Predicate = (typeof PREDICATES)[number];

export const SYMMETRIC_PREDICATES: ReadonlySet<Predicate> = new Set(["ASSOCIATED_WITH", "ALLIED_WITH", "FIGHTS"]);

export const PREDICATE_FAMILIES = {
  support: ["SUPPORTS", "FUNDS", "ARMS", "TRAINS", "DIRECTS", "ENCOURAGES"],
  hostility: ["ATTACKS", "FIGHTS"],
  structure: ["PART_OF", "MEMBER_OF", "LOCATED_IN", "ASSOCIATED_WITH", "ALLIED_WITH"],
} as const satisfies Record<string, readonly Predicate[]>;
export type PredicateFamily = keyof typeof PREDICATE_FAMILIES;

export type Polarity = "positive" | "negative";
export type Modality = "asserted" | "hedged" | "planned" | "possible";

/** A span of the document body: quote === body.slice(start, end) (UTF-16 indices). */
export type Evidence = { quote: string; start: number; end: number };

export type Entity = {
  id: string;
  name: string;
  type: EntityType;
  aliases: string[];
  /** Id of the parent entity in the register (IRGC-Quds Force -> IRGC), when known. */
  parent?: string | null;
  /** ISO country or country entity id the actor belongs to, when known. */
  country?: string | null;
  /** True when the entity comes from the curated register, false when recognised by cue. */
  registered?: boolean;
};

export type Relation = {
  subject: string;
  predicate: Predicate;
  object: string;
  polarity: Polarity;
  modality: Modality;
  confidence: number;
  attribution: string | null;
  /** MEMBER_OF: the role held ("spokesperson"). */
  role?: string | null;
  evidence: Evidence[];
};

export type Casualties = {
  killed: number | null;
  injured: number | null;
  /** Ranges where the source gives them (UCDP low/high); best is killed/injured. */
  killedLow?: number | null;
  killedHigh?: number | null;
};

export type DatePrecision = "day" | "month" | "year" | "range" | "unknown";

export type ExtractedEvent = {
  id: string;
  type: string;
  /** ISO date (YYYY-MM-DD), or null when the text gives none. */
  date: string | null;
  datePrecision?: DatePrecision;
  locations: string[];
  perpetrators: string[];
  targets: string[];
  weapons: string[];
  casualties: Casualties;
  evidence: Evidence[];
};

export type Extraction = {
  entities: Entity[];
  relations: Relation[];
  events: ExtractedEvent[];
};

/** What we know about a document besides its text. */
export type DocumentMeta = {
  title: string | null;
  url: string | null;
  /** ISO date or date-time of publication. */
  publishedAt: string | null;
  source: string | null;
  license: string | null;
};
