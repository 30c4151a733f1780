// Resolves dataset actor names against the curated register, so that
// "Quds Force" in ICEWS and "IRGC-Quds Force" in an article are one actor.
// Names and aliases only: demonyms and metonyms ("Tehran") stay text cues.
import { getDefaultRegister, type Register } from "../extract/register.ts";
import { toNameKey } from "../graph/keys.ts";
import type { EntityType } from "../model.ts";
import type { ActorResolver } from "./actor-names.ts";

export function createRegisterResolver(register: Register = getDefaultRegister()): ActorResolver {
  const byKey = new Map<string, { id: string; name: string; type: EntityType }>();
  for (const entry of register.entries.values()) {
    for (const name of [entry.name, ...entry.aliases]) {
      const key = toNameKey(name);
      // The first entry to claim a name keeps it: ambiguous aliases never move an actor.
      if (key && !byKey.has(key)) byKey.set(key, { id: entry.id, name: entry.name, type: entry.type });
    }
  }
  return (name) => byKey.get(toNameKey(name)) ?? null;
}
