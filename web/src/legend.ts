// The legend beside the graph, drawn from the same tables as the graph itself.
import { ACTOR_TYPE_STYLES, FAMILY_COLOURS, type PredicateFamily } from "./styling.ts";

const SHAPE_GLYPHS: Record<string, string> = {
  ellipse: "●",
  "round-rectangle": "▢",
  rectangle: "■",
  triangle: "▲",
  diamond: "◆",
  hexagon: "⬢",
  octagon: "⯃",
  "round-tag": "⬟",
  star: "★",
  vee: "▼",
};

export function renderLegend(container: HTMLElement): void {
  const types = Object.entries(ACTOR_TYPE_STYLES)
    .map(
      ([type, style]) =>
        `<div><span style="color:${style.colour}" aria-hidden="true">${SHAPE_GLYPHS[style.shape] ?? "●"}</span> ${type}</div>`,
    )
    .join("");
  const families = (Object.entries(FAMILY_COLOURS) as [PredicateFamily, string][])
    .map(([family, colour]) => `<div><span class="swatch" style="background:${colour}"></span> ${family}</div>`)
    .join("");
  container.innerHTML = `${types}<hr>${families}
    <div>width: number of claims</div>
    <div>dashed: hedged ("appears to", "likely")</div>
    <div><span class="swatch" style="background:#f59e0b"></span> contested (claims and denials)</div>`;
}
