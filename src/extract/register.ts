// The curated actor register (register/actors.json): who is who, by which
// names, demonyms and metonyms, and who belongs to whom.
import type { EntityType } from "../model.ts";
import { ENTITY_TYPES } from "../model.ts";
import data from "./register/actors.json" with { type: "json" };

export type RegisterEntry = {
  id: string;
  name: string;
  type: EntityType;
  aliases: string[];
  demonyms: string[];
  metonyms: string[];
  parent: string | null;
  country: string | null;
  /** For a country: the register id of its armed forces ("us-forces"). */
  forces: string | null;
};

export type Register = {
  version: number;
  entries: ReadonlyMap<string, RegisterEntry>;
};

type RawEntry = {
  id: string;
  name: string;
  type: string;
  aliases?: string[];
  demonyms?: string[];
  metonyms?: string[];
  parent?: string;
  country?: string;
  forces?: string;
};

/** Validates raw register data; a broken register is a programming error, so this throws with the entry to fix. */
export function createRegister(raw: { version: number; actors: RawEntry[] }): Register {
  const entries = new Map<string, RegisterEntry>();
  for (const actor of raw.actors) {
    if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(actor.id))
      throw new Error(`Register id "${actor.id}" must be a lower-case slug.`);
    if (entries.has(actor.id)) throw new Error(`Register id "${actor.id}" appears twice; merge the two entries.`);
    if (!(ENTITY_TYPES as readonly string[]).includes(actor.type))
      throw new Error(`Register entry "${actor.id}" has type "${actor.type}"; use one of ${ENTITY_TYPES.join(", ")}.`);
    entries.set(actor.id, {
      id: actor.id,
      name: actor.name,
      type: actor.type as EntityType,
      aliases: actor.aliases ?? [],
      demonyms: actor.demonyms ?? [],
      metonyms: actor.metonyms ?? [],
      parent: actor.parent ?? null,
      country: actor.country ?? null,
      forces: actor.forces ?? null,
    });
  }
  addCountryForces(entries);
  for (const entry of entries.values()) {
    for (const ref of [entry.parent, entry.country, entry.forces]) {
      if (ref && !entries.has(ref)) throw new Error(`Register entry "${entry.id}" refers to unknown id "${ref}".`);
    }
  }
  return { version: raw.version, entries };
}

/**
 * Every country gets a "<demonym> forces" actor ("Saudi forces", "Turkish troops") unless the
 * register names its forces explicitly; explicit aliases always win.
 */
/** Military nouns after a country's name or demonym that stand for its forces ("attacked U.S. bases"). */
const FORCE_HEADS = [
  "forces",
  "troops",
  "military",
  "armed forces",
  "soldiers",
  "military forces",
  "bases",
  "military bases",
  "personnel",
  "military personnel",
  "service members",
  "servicemembers",
  "warships",
];

function addCountryForces(entries: Map<string, RegisterEntry>): void {
  const taken = new Set<string>();
  for (const entry of entries.values())
    for (const alias of [entry.name, ...entry.aliases]) taken.add(alias.toLowerCase());
  for (const country of [...entries.values()].filter((e) => e.type === "Country")) {
    const id = country.forces ?? `${country.id}-forces`;
    const stems = [
      ...country.demonyms.filter((d) => !/s$/.test(d) || d.endsWith("ss")),
      country.name,
      // "U.S. bases", "UK troops": the short forms news puts before a military noun.
      ...country.aliases.filter((a) => /^[A-Z][A-Z.]{1,5}$/.test(a)),
    ];
    const aliases = stems
      .flatMap((stem) => FORCE_HEADS.map((head) => `${stem} ${head}`))
      .filter((a) => !taken.has(a.toLowerCase()));
    const existing = entries.get(id);
    if (existing) {
      existing.aliases.push(...aliases);
      continue;
    }
    const [name, ...rest] = aliases;
    if (!name) continue;
    country.forces = id;
    entries.set(id, {
      id,
      name,
      type: "MilitaryForce",
      aliases: rest,
      demonyms: [],
      metonyms: [],
      parent: country.id,
      country: country.id,
      forces: null,
    });
  }
}

let defaultRegister: Register | null = null;

/** The register shipped with the extractor. */
export function getDefaultRegister(): Register {
  defaultRegister ??= createRegister(data as { version: number; actors: RawEntry[] });
  return defaultRegister;
}

/** The chain of parents of an entry, nearest first (IRGC-Quds Force -> IRGC -> Iran). */
export function ancestorsOf(register: Register, id: string): string[] {
  const chain: string[] = [];
  let current = register.entries.get(id)?.parent ?? null;
  while (current && !chain.includes(current)) {
    chain.push(current);
    current = register.entries.get(current)?.parent ?? null;
  }
  return chain;
}

/** The state an actor ultimately belongs to, or itself. */
export function rootOf(register: Register, id: string): string {
  const chain = ancestorsOf(register, id);
  const entry = register.entries.get(id);
  return chain.at(-1) ?? entry?.country ?? id;
}
