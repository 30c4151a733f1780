// CAMEO event descriptions (as ICEWS names them) mapped onto our predicates,
// only where one fits. Anything not listed imports as an event without a
// relation claim, and is counted as "unmapped" in the summary.
import type { Modality, Predicate } from "../model.ts";

export type CameoMapping = { predicate: Predicate; modality: Modality; eventType: "ATTACK" | null };

const ATTACK: CameoMapping = { predicate: "ATTACKS", modality: "asserted", eventType: "ATTACK" };

const MAPPINGS: Record<string, CameoMapping> = {
  // Use of armed force against a target: an ATTACK event and an ATTACKS claim.
  "use conventional military force": ATTACK,
  "use unconventional violence": ATTACK,
  "fight with small arms and light weapons": ATTACK,
  "fight with artillery and tanks": ATTACK,
  "employ aerial weapons": ATTACK,
  "carry out suicide bombing": ATTACK,
  "conduct suicide, car, or other non-military bombing": ATTACK,
  assassinate: ATTACK,
  "attempt to assassinate": ATTACK,
  "engage in mass killings": ATTACK,
  "kill by physical assault": ATTACK,
  "detonate nuclear weapons": ATTACK,
  "threaten with military force": { predicate: "ATTACKS", modality: "planned", eventType: null },
  // Support family.
  "provide military aid": { predicate: "ARMS", modality: "asserted", eventType: null },
  "express intent to provide military aid": { predicate: "ARMS", modality: "planned", eventType: null },
  "provide economic aid": { predicate: "FUNDS", modality: "asserted", eventType: null },
  "express intent to provide economic aid": { predicate: "FUNDS", modality: "planned", eventType: null },
  "provide aid": { predicate: "SUPPORTS", modality: "asserted", eventType: null },
  "provide humanitarian aid": { predicate: "SUPPORTS", modality: "asserted", eventType: null },
  "provide military protection or peacekeeping": { predicate: "SUPPORTS", modality: "asserted", eventType: null },
  "express intent to provide material aid": { predicate: "SUPPORTS", modality: "planned", eventType: null },
  "rally support on behalf of": { predicate: "SUPPORTS", modality: "asserted", eventType: null },
  "praise or endorse": { predicate: "ENCOURAGES", modality: "asserted", eventType: null },
  // Alliances.
  "cooperate militarily": { predicate: "ALLIED_WITH", modality: "asserted", eventType: null },
  "express intent to cooperate militarily": { predicate: "ALLIED_WITH", modality: "planned", eventType: null },
};

export function mapCameo(description: string): CameoMapping | null {
  return MAPPINGS[description.trim().toLowerCase()] ?? null;
}
