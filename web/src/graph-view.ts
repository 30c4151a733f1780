// The Cytoscape canvas: merges subgraphs as the analyst expands nodes, lays
// them out with fCoSE (readable at a few hundred nodes), and highlights paths.
import cytoscape, { type Core, type EdgeSingular, type NodeSingular } from "cytoscape";
import fcose from "cytoscape-fcose";
import { cytoscapeStylesheet, FAMILY_COLOURS, toEdgeWidth, toPredicateFamily, toTypeStyle } from "./styling.ts";
import type { ActorNode, RelationEdge, Subgraph } from "./view-model.ts";

cytoscape.use(fcose);

const SYMMETRIC = new Set(["ASSOCIATED_WITH", "ALLIED_WITH", "FIGHTS"]);

export type GraphHandlers = {
  onNode: (id: string) => void;
  onEdge: (edge: RelationEdge) => void;
};

export class GraphView {
  readonly cy: Core;

  constructor(container: HTMLElement, handlers: GraphHandlers) {
    this.cy = cytoscape({
      container,
      style: cytoscapeStylesheet(),
      minZoom: 0.1,
      maxZoom: 4,
      selectionType: "single",
    });
    this.cy.on("tap", "node", (event) => handlers.onNode((event.target as NodeSingular).id()));
    this.cy.on("tap", "edge", (event) =>
      handlers.onEdge((event.target as EdgeSingular).data("relation") as RelationEdge),
    );
  }

  /** Adds what is new, updates what changed; returns how many nodes were added. */
  merge(subgraph: Subgraph): number {
    let added = 0;
    this.cy.batch(() => {
      for (const node of subgraph.nodes) {
        const style = toTypeStyle(node.type);
        const data = { id: node.id, label: node.name, type: node.type, colour: style.colour, shape: style.shape };
        const existing = this.cy.getElementById(node.id);
        if (existing.nonempty()) existing.data(data);
        else {
          this.cy.add({ group: "nodes", data });
          added++;
        }
      }
      for (const edge of subgraph.edges) {
        if (this.cy.getElementById(edge.source).empty() || this.cy.getElementById(edge.target).empty()) continue;
        const data = {
          id: edge.id,
          source: edge.source,
          target: edge.target,
          label: edge.contested ? `${edge.predicate} (contested)` : edge.predicate,
          colour: FAMILY_COLOURS[toPredicateFamily(edge.predicate)],
          width: toEdgeWidth(edge.claimCount),
          relation: edge,
        };
        const existing = this.cy.getElementById(edge.id);
        const element = existing.nonempty() ? existing.data(data) : this.cy.add({ group: "edges", data });
        element.toggleClass("hedged", edge.hedged);
        element.toggleClass("contested", edge.contested);
        element.toggleClass("symmetric", SYMMETRIC.has(edge.predicate));
      }
    });
    return added;
  }

  /** Replaces everything with this subgraph (used when filters or asOf change). */
  replace(subgraph: Subgraph): void {
    this.cy.elements().remove();
    this.merge(subgraph);
  }

  clear(): void {
    this.cy.elements().remove();
  }

  markFocus(id: string): void {
    this.cy.nodes().removeClass("focus");
    this.cy.getElementById(id).addClass("focus");
  }

  markExpanded(id: string): void {
    this.cy.getElementById(id).addClass("expanded");
  }

  layout(incremental = false): void {
    if (this.cy.nodes().empty()) return;
    this.cy
      .layout({
        name: "fcose",
        quality: "default",
        randomize: !incremental,
        animate: false,
        nodeDimensionsIncludeLabels: true,
        nodeRepulsion: () => 9000,
        idealEdgeLength: () => 110,
        edgeElasticity: () => 0.35,
        nodeSeparation: 90,
        numIter: 2500,
        packComponents: true,
        fit: false,
      } as cytoscape.LayoutOptions)
      .run();
    this.fit();
  }

  /** Fits the graph, but never blows a handful of nodes up to poster size. */
  fit(): void {
    this.cy.fit(undefined, 40);
    if (this.cy.zoom() > 1.4) {
      this.cy.zoom(1.4);
      this.cy.center();
    }
  }

  /** Where an element is drawn, in page pixels relative to the canvas (the browser tests click there). */
  renderedPosition(id: string): { x: number; y: number } | null {
    const element = this.cy.getElementById(id);
    if (element.empty()) return null;
    if (element.isEdge()) return element.renderedMidpoint();
    return (element as NodeSingular).renderedPosition();
  }

  zoomBy(factor: number): void {
    const extent = this.cy.extent();
    this.cy.zoom({
      level: this.cy.zoom() * factor,
      position: { x: (extent.x1 + extent.x2) / 2, y: (extent.y1 + extent.y2) / 2 },
    });
  }

  /** Highlights the given paths (lists of edge ids and node ids) and fades the rest. */
  highlightPaths(paths: { nodeIds: string[]; edgeIds: string[] }[]): void {
    this.clearHighlight();
    if (paths.length === 0) return;
    const onPath = this.cy.collection();
    for (const path of paths) {
      for (const id of [...path.nodeIds, ...path.edgeIds]) onPath.merge(this.cy.getElementById(id));
    }
    this.cy.elements().not(onPath).addClass("faded");
    onPath.addClass("on-path");
  }

  clearHighlight(): void {
    this.cy.elements().removeClass("faded on-path");
  }

  /** The drawn actor with this id, or null. */
  actor(id: string): ActorNode | null {
    const node = this.cy.getElementById(id);
    if (node.empty()) return null;
    return { id, name: node.data("label") as string, type: node.data("type") as string };
  }

  hasNode(id: string): boolean {
    return this.cy.getElementById(id).nonempty();
  }

  nodeCount(): number {
    return this.cy.nodes().length;
  }

  /** Edges currently drawn, for the "as of" slider's stops. */
  relations(): RelationEdge[] {
    return this.cy.edges().map((edge) => edge.data("relation") as RelationEdge);
  }
}
