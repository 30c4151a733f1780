// Turns a dataset's actor name ("Government of Syria", "Police (Iraq)",
// "Congress_(United_States)") into an actor: a register entity when the
// resolver knows the name, else a stable slug id with a type guessed from cues.
import type { EntityType } from "../model.ts";
import { slugify } from "../slug.ts";
import type { ImportedActor } from "./records.ts";

/** Looks a name up in the actor register; returns null for unknown names. */
export type ActorResolver = (name: string) => { id: string; name: string; type: EntityType } | null;

const TYPE_CUES: [RegExp, EntityType][] = [
  [
    /\b(militia|insurgents?|rebels?|militants?|terrorists?|jihadists?|brigades?|hezbollah|hamas|taliban|al-qaeda|islamic state|isis|isil|\bIS\b|front|mujahideen)\b/i,
    "ArmedGroup",
  ],
  [
    /\b(military|army|armed forces|air force|navy|police|special forces|national guard|security forces|troops|soldiers|guard corps|militar)/i,
    "MilitaryForce",
  ],
  [
    /\b(government|cabinet|ministry|ministers?|parliament|congress|senate|president|presidency|council|court|judiciary|head of government|foreign affairs|intelligence|legislature|state department|embassy)\b/i,
    "GovernmentBody",
  ],
  [/\b(news|times|post|television|tv|radio|agency|press)\b/i, "MediaOutlet"],
  [
    /\b(party|union|organization|organisation|association|company|corporation|bank|nations|ngo|committee|movement|citizens?|civilians?|women|men|children|students?|protesters?|media|business|refugees?)\b/i,
    "Organization",
  ],
];

function guessType(name: string): EntityType {
  for (const [cue, type] of TYPE_CUES) if (cue.test(name)) return type;
  // Two or three capitalised words without a qualifier read as a person's name.
  if (/^[A-Z][a-z'’-]+( [A-Z][a-z'’.-]+){1,2}$/.test(name)) return "Person";
  return "Organization";
}

/** ICEWS05 writes names with underscores; UCDP adds qualifiers in parentheses. */
export function cleanDatasetName(raw: string): string {
  return raw.replace(/_/g, " ").replace(/\s+/g, " ").trim();
}

/** "Government of Syria" and "Government (Syria)" both name the state. */
function stateName(name: string): string | null {
  const match = /^Government of (.+?)(?: \(.+\))?$/.exec(name) ?? /^Government \((.+)\)$/.exec(name);
  return match?.[1] ?? null;
}

export function toImportedActor(
  raw: string,
  resolve: ActorResolver | null,
  fallbackType?: EntityType,
): ImportedActor | null {
  const name = cleanDatasetName(raw);
  if (!name) return null;
  const state = stateName(name);
  const known = resolve?.(name) ?? (state ? resolve?.(state) : null) ?? null;
  if (known) {
    return { id: known.id, name: known.name, type: known.type, aliases: known.name === name ? [] : [name] };
  }
  if (state) return { id: slugify(state), name: state, type: "Country", aliases: [name] };
  const id = slugify(name);
  if (!id) return null;
  return { id, name, type: fallbackType ?? guessType(name), aliases: [] };
}
