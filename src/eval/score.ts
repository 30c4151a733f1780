// Scores an extraction against a gold annotation by the rules of the
// extraction contract: entities by name, relations strict (same predicate) and
// lenient (same family), events by type plus date or a shared place. Pure.
import type { Extraction } from "../model.ts";
import { PREDICATE_FAMILIES, SYMMETRIC_PREDICATES } from "../model.ts";

export type GoldEntity = { id: string; type: string; names: string[] };
export type GoldRelation = { subject: string; predicate: string; object: string; polarity?: string };
export type GoldEvent = {
  type: string;
  date: string | null;
  locations?: string[];
  perpetrators?: string[];
  targets?: string[];
  casualties?: { killed: number | null; injured: number | null };
};
export type Gold = {
  document: string;
  entities: GoldEntity[];
  acceptableEntities?: GoldEntity[];
  relations: GoldRelation[];
  acceptableRelations?: GoldRelation[];
  events?: GoldEvent[];
};

export type Counts = { tp: number; fp: number; fn: number };
export type DocumentScore = {
  document: string;
  entities: Counts;
  strict: Counts;
  lenient: Counts;
  events: Counts;
  typeRight: number;
  typeSeen: number;
  argRight: number;
  argSeen: number;
  missedEntities: string[];
  extraEntities: string[];
  missedRelations: string[];
  extraRelations: string[];
};

/** Name equality as the contract defines it: case, punctuation and a leading "the" ignored. */
export function normaliseName(name: string): string {
  return name
    .toLowerCase()
    .replace(/[\u2018\u2019`´]/g, "'")
    .replace(/[.']/g, "")
    .replace(/[-_/,]/g, " ")
    .replace(/^the\s+/, "")
    .replace(/\s+/g, " ")
    .trim();
}

const FAMILY_OF = new Map<string, string>();
for (const family of ["support", "hostility"] as const)
  for (const p of PREDICATE_FAMILIES[family]) FAMILY_OF.set(p, family);

function relationKey(r: GoldRelation, byFamily: boolean): string {
  const predicate = byFamily ? (FAMILY_OF.get(r.predicate) ?? r.predicate) : r.predicate;
  const swap = SYMMETRIC_PREDICATES.has(r.predicate as never) && r.subject > r.object;
  const [a, b] = swap ? [r.object, r.subject] : [r.subject, r.object];
  return `${a}|${predicate}|${b}|${r.polarity ?? "positive"}`;
}

const empty = (): Counts => ({ tp: 0, fp: 0, fn: 0 });

export function scoreDocument(gold: Gold, out: Extraction): DocumentScore {
  const required = new Set(gold.entities.map((g) => g.id));
  const byName = new Map<string, GoldEntity>();
  for (const g of [...gold.entities, ...(gold.acceptableEntities ?? [])])
    for (const n of g.names) if (!byName.has(normaliseName(n))) byName.set(normaliseName(n), g);

  const score: DocumentScore = {
    document: gold.document,
    entities: empty(),
    strict: empty(),
    lenient: empty(),
    events: empty(),
    typeRight: 0,
    typeSeen: 0,
    argRight: 0,
    argSeen: 0,
    missedEntities: [],
    extraEntities: [],
    missedRelations: [],
    extraRelations: [],
  };
  // Each extracted entity maps to one gold entity, its canonical name first.
  const toGold = new Map<string, string>();
  const found = new Set<string>();
  for (const e of out.entities) {
    const names = [e.name, ...e.aliases].map(normaliseName).filter(Boolean);
    const match = names.map((n) => byName.get(n)).find(Boolean);
    if (!match) {
      score.entities.fp++;
      score.extraEntities.push(e.name);
      continue;
    }
    toGold.set(e.id, match.id);
    if (found.has(match.id)) {
      if (required.has(match.id)) score.entities.fp++;
      continue;
    }
    found.add(match.id);
    if (!required.has(match.id)) continue;
    score.entities.tp++;
    score.typeSeen++;
    if (e.type === match.type) score.typeRight++;
  }
  score.missedEntities = gold.entities.filter((g) => !found.has(g.id)).map((g) => g.names[0] ?? g.id);
  score.entities.fn = score.missedEntities.length;

  for (const byFamily of [false, true]) {
    const wanted = new Set(gold.relations.map((r) => relationKey(r, byFamily)));
    const acceptable = new Set((gold.acceptableRelations ?? []).map((r) => relationKey(r, byFamily)));
    const got = new Set(
      out.relations.map((r) =>
        relationKey(
          {
            subject: toGold.get(r.subject) ?? `?${r.subject}`,
            predicate: r.predicate,
            object: toGold.get(r.object) ?? `?${r.object}`,
            polarity: r.polarity,
          },
          byFamily,
        ),
      ),
    );
    const counts = byFamily ? score.lenient : score.strict;
    for (const key of got) {
      if (wanted.has(key)) counts.tp++;
      else if (!acceptable.has(key)) {
        counts.fp++;
        if (!byFamily) score.extraRelations.push(key);
      }
    }
    const missed = [...wanted].filter((k) => !got.has(k));
    counts.fn = missed.length;
    if (!byFamily) score.missedRelations = missed;
  }

  const taken = new Set<number>();
  for (const g of gold.events ?? []) {
    const index = out.events.findIndex((e, i) => {
      if (taken.has(i) || e.type !== g.type) return false;
      const places = new Set(e.locations.map((l) => toGold.get(l)));
      return (g.date !== null && e.date === g.date) || (g.locations ?? []).some((l) => places.has(l));
    });
    const match = out.events[index];
    if (!match) {
      score.events.fn++;
      continue;
    }
    taken.add(index);
    score.events.tp++;
    for (const role of ["perpetrators", "targets"] as const) {
      const wantedIds = g[role] ?? [];
      if (wantedIds.length === 0) continue;
      score.argSeen++;
      const got = new Set(match[role].map((x) => toGold.get(x)));
      if (wantedIds.every((x) => got.has(x))) score.argRight++;
    }
    for (const k of ["killed", "injured"] as const) {
      const want = g.casualties?.[k];
      if (want === null || want === undefined) continue;
      score.argSeen++;
      if (match.casualties[k] === want) score.argRight++;
    }
  }
  score.events.fp = Math.max(0, out.events.length - taken.size);
  return score;
}

export type Figures = { precision: number; recall: number; f1: number } & Counts;

export function toFigures(c: Counts): Figures {
  const precision = c.tp + c.fp ? c.tp / (c.tp + c.fp) : 0;
  const recall = c.tp + c.fn ? c.tp / (c.tp + c.fn) : 0;
  return { ...c, precision, recall, f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0 };
}

export type Summary = {
  documents: number;
  entities: Figures;
  typeAccuracy: number;
  relations: Figures;
  relationsLenient: Figures;
  events: Figures;
  eventArgAccuracy: number;
};

/** Micro-averages over all documents, as the headline figures are defined. */
export function summarise(scores: DocumentScore[]): Summary {
  const sum = (pick: (s: DocumentScore) => Counts): Counts =>
    scores.reduce((acc, s) => ({ tp: acc.tp + pick(s).tp, fp: acc.fp + pick(s).fp, fn: acc.fn + pick(s).fn }), empty());
  const total = (pick: (s: DocumentScore) => number) => scores.reduce((acc, s) => acc + pick(s), 0);
  const typeSeen = total((s) => s.typeSeen);
  const argSeen = total((s) => s.argSeen);
  return {
    documents: scores.length,
    entities: toFigures(sum((s) => s.entities)),
    typeAccuracy: typeSeen ? total((s) => s.typeRight) / typeSeen : 0,
    relations: toFigures(sum((s) => s.strict)),
    relationsLenient: toFigures(sum((s) => s.lenient)),
    events: toFigures(sum((s) => s.events)),
    eventArgAccuracy: argSeen ? total((s) => s.argRight) / argSeen : 0,
  };
}
