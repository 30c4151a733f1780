// The enums of the public contract: predicates, entity types, directions,
// polarities, modalities, orderings and event roles. Values mirror model.ts.
import { ENTITY_TYPES, PREDICATE_FAMILIES, PREDICATES, SYMMETRIC_PREDICATES } from "../model.ts";
import { builder } from "./builder.ts";

export const PredicateRef = builder.enumType("Predicate", {
  description: `A relation between actors (shared EXTRACTION.md). ${Object.entries(PREDICATE_FAMILIES)
    .map(([name, members]) => `${name}: ${members.join(" ")}`)
    .join("; ")}. Symmetric: ${[...SYMMETRIC_PREDICATES].join(" ")}.`,
  values: PREDICATES,
});

export const EntityTypeRef = builder.enumType("EntityType", {
  description: "The kind of an actor (shared EXTRACTION.md ontology).",
  values: ENTITY_TYPES,
});

export const DirectionRef = builder.enumType("Direction", {
  description:
    "Which relations of an actor: those it is the subject of, the object of, or both. Symmetric predicates match any.",
  values: ["OUTGOING", "INCOMING", "BOTH"] as const,
});

export const RelationDirectionRef = builder.enumType("RelationDirection", {
  description: "How a relation points, seen from the actor it was asked about.",
  values: ["OUTGOING", "INCOMING"] as const,
});

export const PolarityRef = builder.enumType("Polarity", {
  description: "POSITIVE: stated; NEGATIVE: denied by the text.",
  values: { POSITIVE: { value: "positive" }, NEGATIVE: { value: "negative" } } as const,
});

export const RelationPolarityRef = builder.enumType("RelationPolarity", {
  description: "Of an aggregated relation: only stated, only denied, or both (contested).",
  values: {
    POSITIVE: { value: "positive" },
    NEGATIVE: { value: "negative" },
    CONTESTED: { value: "contested" },
  } as const,
});

export const PolarityFilterRef = builder.enumType("PolarityFilter", {
  description:
    "Which relations to list: POSITIVE (default) those stated (contested included), NEGATIVE those denied (contested included), CONTESTED both, ANY all.",
  values: {
    POSITIVE: { value: "positive" },
    NEGATIVE: { value: "negative" },
    CONTESTED: { value: "contested" },
    ANY: { value: "any" },
  } as const,
});

export const ModalityRef = builder.enumType("Modality", {
  description: "How the text holds a claim: as fact, hedged, planned/threatened, or possible.",
  values: {
    ASSERTED: { value: "asserted" },
    HEDGED: { value: "hedged" },
    PLANNED: { value: "planned" },
    POSSIBLE: { value: "possible" },
  } as const,
});

export const ActorOrderRef = builder.enumType("ActorOrder", {
  description: "Order of an actors listing: by normalised name or by id (both ascending).",
  values: ["NAME", "ID"] as const,
});

export const EventRoleRef = builder.enumType("EventRole", {
  description: "An actor's part in an event.",
  values: ["PERPETRATOR", "TARGET", "LOCATION"] as const,
});
