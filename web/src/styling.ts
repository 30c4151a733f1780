// How the explorer draws things: colour and shape per actor type, colour per
// predicate family, width per claim count, and the Cytoscape stylesheet built
// from them. Pure data, so the legend, the graph and the tests agree.
import type { StylesheetJson } from "cytoscape";

export const PREDICATE_FAMILIES = {
  support: ["SUPPORTS", "FUNDS", "ARMS", "TRAINS", "DIRECTS", "ENCOURAGES"],
  hostility: ["ATTACKS", "FIGHTS"],
  structure: ["PART_OF", "MEMBER_OF", "LOCATED_IN", "ASSOCIATED_WITH", "ALLIED_WITH"],
} as const;
export type PredicateFamily = keyof typeof PREDICATE_FAMILIES;
export const PREDICATES: readonly string[] = Object.values(PREDICATE_FAMILIES).flat();

/** The family of a predicate; anything the ontology adds later counts as structure. */
export function toPredicateFamily(predicate: string): PredicateFamily {
  for (const [family, members] of Object.entries(PREDICATE_FAMILIES) as [PredicateFamily, readonly string[]][]) {
    if (members.includes(predicate)) return family;
  }
  return "structure";
}

export const FAMILY_COLOURS: Record<PredicateFamily, string> = {
  support: "#16a34a",
  hostility: "#dc2626",
  structure: "#64748b",
};

export type NodeShape =
  | "ellipse"
  | "round-rectangle"
  | "rectangle"
  | "triangle"
  | "diamond"
  | "hexagon"
  | "octagon"
  | "round-tag"
  | "star"
  | "vee";

export type TypeStyle = { colour: string; shape: NodeShape };

/** One distinct colour and shape per ontology type, so colour-blind readers still tell them apart. */
export const ACTOR_TYPE_STYLES: Record<string, TypeStyle> = {
  Country: { colour: "#2563eb", shape: "round-rectangle" },
  GovernmentBody: { colour: "#0891b2", shape: "rectangle" },
  MilitaryForce: { colour: "#4d7c0f", shape: "triangle" },
  ArmedGroup: { colour: "#c2410c", shape: "diamond" },
  Organization: { colour: "#7c3aed", shape: "octagon" },
  MediaOutlet: { colour: "#db2777", shape: "hexagon" },
  Person: { colour: "#a16207", shape: "ellipse" },
  Location: { colour: "#78716c", shape: "round-tag" },
  Event: { colour: "#be123c", shape: "star" },
};
const UNKNOWN_TYPE_STYLE: TypeStyle = { colour: "#94a3b8", shape: "vee" };

export function toTypeStyle(type: string): TypeStyle {
  return ACTOR_TYPE_STYLES[type] ?? UNKNOWN_TYPE_STYLE;
}

/** Edge width in px: grows with the log of the claim count, so one loud pair does not drown the rest. */
export function toEdgeWidth(claimCount: number): number {
  const count = Math.max(1, Math.floor(claimCount || 1));
  return Math.min(12, Math.round((1.5 + 2.2 * Math.log2(count)) * 10) / 10);
}

export function cytoscapeStylesheet(): StylesheetJson {
  return [
    {
      selector: "node",
      style: {
        label: "data(label)",
        "background-color": "data(colour)",
        shape: "data(shape)" as never,
        width: 26,
        height: 26,
        "font-size": 11,
        "text-valign": "bottom",
        "text-margin-y": 4,
        "text-wrap": "ellipsis",
        "text-max-width": "140px",
        color: "#0f172a",
        "text-outline-color": "#ffffff",
        "text-outline-width": 2,
        "min-zoomed-font-size": 7,
        "border-width": 1,
        "border-color": "#ffffff",
      },
    },
    { selector: "node.focus", style: { width: 38, height: 38, "border-width": 3, "border-color": "#0f172a" } },
    { selector: "node.expanded", style: { "border-width": 2, "border-color": "#0f172a" } },
    {
      selector: "edge",
      style: {
        width: "data(width)",
        "line-color": "data(colour)",
        "target-arrow-color": "data(colour)",
        "target-arrow-shape": "triangle",
        "arrow-scale": 0.9,
        "curve-style": "bezier",
        label: "data(label)",
        "font-size": 9,
        color: "#334155",
        "text-rotation": "autorotate",
        "text-background-color": "#ffffff",
        "text-background-opacity": 0.8,
        "text-background-padding": "1px",
        "min-zoomed-font-size": 9,
        opacity: 0.85,
      },
    },
    { selector: "edge.symmetric", style: { "target-arrow-shape": "none" } },
    { selector: "edge.hedged", style: { "line-style": "dashed", "line-dash-pattern": [6, 4] } },
    {
      selector: "edge.contested",
      style: {
        "underlay-color": "#f59e0b",
        "underlay-opacity": 0.45,
        "underlay-padding": 4,
        "source-arrow-shape": "tee",
        "source-arrow-color": "#f59e0b",
      },
    },
    { selector: ".faded", style: { opacity: 0.15 } },
    {
      selector: "edge.on-path",
      style: { opacity: 1, "underlay-color": "#facc15", "underlay-opacity": 0.7, "underlay-padding": 6, "z-index": 10 },
    },
    { selector: "node.on-path", style: { "border-width": 4, "border-color": "#facc15", "z-index": 10 } },
    { selector: ":selected", style: { "overlay-color": "#0ea5e9", "overlay-opacity": 0.25, "overlay-padding": 6 } },
  ];
}
