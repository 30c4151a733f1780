// The legend beside the graph, drawn from the same tables as the graph itself.
import { ACTOR_TYPE_STYLES, FAMILY_COLOURS, type PredicateFamily } from "./styling.ts";

/** Each Cytoscape node shape as a 14 px SVG, so the legend shows exactly what the graph draws. */
const SHAPE_SVGS: Record<string, string> = {
  ellipse: '<circle cx="7" cy="7" r="6"/>',
  "round-rectangle": '<rect x="1" y="1" width="12" height="12" rx="3"/>',
  rectangle: '<rect x="1" y="1" width="12" height="12"/>',
  triangle: '<polygon points="7,1 13,13 1,13"/>',
  diamond: '<polygon points="7,0 14,7 7,14 0,7"/>',
  hexagon: '<polygon points="3.5,1 10.5,1 14,7 10.5,13 3.5,13 0,7"/>',
  octagon: '<polygon points="4,1 10,1 13,4 13,10 10,13 4,13 1,10 1,4"/>',
  "round-tag": '<polygon points="1,1 9,1 13,7 9,13 1,13"/>',
  star: '<polygon points="7,0 9,5 14,5 10,8 12,14 7,10 2,14 4,8 0,5 5,5"/>',
  vee: '<polygon points="0,1 7,5 14,1 7,13"/>',
};

function shapeIcon(shape: string, colour: string): string {
  return `<svg width="14" height="14" viewBox="0 0 14 14" aria-hidden="true" fill="${colour}">${SHAPE_SVGS[shape] ?? SHAPE_SVGS.ellipse}</svg>`;
}

export function renderLegend(container: HTMLElement): void {
  const types = Object.entries(ACTOR_TYPE_STYLES)
    .map(([type, style]) => `<div>${shapeIcon(style.shape, style.colour)} ${type}</div>`)
    .join("");
  const families = (Object.entries(FAMILY_COLOURS) as [PredicateFamily, string][])
    .map(([family, colour]) => `<div><span class="swatch" style="background:${colour}"></span> ${family}</div>`)
    .join("");
  container.innerHTML = `${types}<hr>${families}
    <div>width: number of claims</div>
    <div>dashed: hedged ("appears to", "likely")</div>
    <div><span class="swatch" style="background:#f59e0b"></span> contested (claims and denials)</div>`;
}
